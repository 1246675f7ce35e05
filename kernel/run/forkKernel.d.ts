import type { ChildProcess } from "child_process";

/** A started kernel process whose messages, output and exit are kept until someone subscribes. */
export interface KernelChild {
  child: ChildProcess;
  /** Receives every IPC message, the ones sent before subscribing first. */
  onMessage(fn: (message: unknown) => void): void;
  /** Receives what the process wrote to its own stdout/stderr (not through a cell). */
  onRaw(fn: (text: string) => void): void;
  /** Called once when the process ends (at once if it already has). */
  onExit(fn: (exit: { code: number | null; signal: NodeJS.Signals | null }) => void): void;
}

/** The entry file of a kernel process (kernel/exec/kernelProcess.js). */
export const KERNEL_ENTRY: string;

/** Forks a kernel process in `cwd` (the compiler root) with `env` plus kernel/exec/allocatorEnv.js's settings, watched as {@link watchKernelChild} does. */
export function forkKernel(cwd: string, env: NodeJS.ProcessEnv): KernelChild;

/** Keeps what a started kernel process sends, writes and how it ends until someone subscribes. */
export function watchKernelChild(child: ChildProcess): KernelChild;
