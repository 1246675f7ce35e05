import type { ChildProcess } from "child_process";
import { forkKernel, KERNEL_ENTRY, watchKernelChild, type KernelChild } from "./forkKernel";
import type { DisplayBundle } from "../tslab/internals";
import type { ErrorInfo } from "../exec/errorInfo";
import type { ReadResult } from "../exec/plainData";
import type { FromKernel, ToKernel } from "../exec/protocol";
import { isKernelMessage } from "./kernelMessage";

/** What a kernel reports while cells run. `cell` is the cell's index in the notebook. */
export interface KernelEvents {
  stream(cell: number, name: "stdout" | "stderr", text: string): void;
  display(cell: number, bundle: DisplayBundle, update: boolean): void;
  /** A failure of a cell that already returned (a timer, a late rejection). */
  lateError(cell: number, error: ErrorInfo): void;
}

export interface CellOutcome {
  ok: boolean;
  errors: ErrorInfo[];
  ms: number;
  /** The cell ran out of time (and was interrupted, or the kernel was stopped). */
  timedOut: boolean;
}

/** A running kernel: one process, one notebook's state. */
export interface Kernel {
  /** Resolves when the compiler is ready; rejects with a KernelError when the kernel cannot start. */
  ready(): Promise<void>;
  execute(cell: number, code: string, timeoutMs: number): Promise<CellOutcome>;
  /** Reads top-level variables as plain data (see kernel/exec/plainData.ts). */
  read(names: string[]): Promise<Record<string, ReadResult>>;
  /** Waits up to `maxMs` for timers the cells started, so that their late errors are reported. */
  drain(maxMs: number): Promise<void>;
  /** Stops the process (asks, then kills) and resolves once it is gone. */
  close(): Promise<void>;
  readonly alive: boolean;
  readonly pid: number | undefined;
}

/** The kernel died, failed to start, or was stopped. */
export class KernelError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(`${info.ename}: ${info.evalue}`);
    this.name = "KernelError";
    this.info = info;
  }
}

export interface StartKernelOptions {
  /** The compiler root and working directory of the kernel (the project root). */
  rootDir: string;
  events: KernelEvents;
  /** How long a start-up may take (default 120 s). */
  startTimeoutMs?: number;
  /** After a timeout, how long an interrupted cell has to stop before the process is killed (default 2 s). */
  interruptGraceMs?: number;
  env?: NodeJS.ProcessEnv;
  /** A kernel process started earlier with {@link forkKernel} in `rootDir` (default: start one now). */
  process?: KernelChild;
  /** Starts the process `entry` in `cwd` yourself (e.g. with other Node flags); it needs IPC and piped stdout/stderr. */
  spawn?: (entry: string, cwd: string, env: NodeJS.ProcessEnv) => ChildProcess;
}

export type KernelFactory = (events: KernelEvents) => Kernel;

/** Starts a kernel process for one notebook. */
export function startKernel(options: StartKernelOptions): Kernel {
  const { events } = options;
  const graceMs = options.interruptGraceMs ?? 2000;
  const env = options.env ?? process.env;
  const kernelChild =
    options.process ?? (options.spawn ? watchKernelChild(options.spawn(KERNEL_ENTRY, options.rootDir, env)) : forkKernel(options.rootDir, env));
  const { child } = kernelChild;
  const pending = new Map<number, (message: FromKernel) => void>();
  let nextId = 1;
  let rawOutput = ""; // anything written to the real file descriptors (not through a cell's streams)
  let exitInfo: ErrorInfo | null = null;
  let exitedResolve: () => void = () => {};
  const exited = new Promise<void>((resolve) => (exitedResolve = resolve));
  const onRaw = (text: string) => {
    rawOutput = (rawOutput + text).slice(-4000);
  };
  kernelChild.onRaw(onRaw);

  let readyResolve: () => void = () => {};
  let readyReject: (e: KernelError) => void = () => {};
  const readyPromise = new Promise<void>((resolve, reject) => {
    readyResolve = resolve;
    readyReject = reject;
  });
  readyPromise.catch(() => {}); // observed by ready()
  const startTimer = setTimeout(() => {
    readyReject(new KernelError({ ename: "KernelStartError", evalue: "the kernel did not start in time", traceback: [] }));
    child.kill("SIGKILL");
  }, options.startTimeoutMs ?? 120_000);

  kernelChild.onMessage((received) => {
    // A cell can call process.send itself: only well-formed protocol messages reach the handlers.
    if (!isKernelMessage(received)) return;
    const message = received;
    switch (message.type) {
      case "ready":
        clearTimeout(startTimer);
        return readyResolve();
      case "fatal":
        clearTimeout(startTimer);
        return readyReject(new KernelError(message.error));
      case "stream":
        return events.stream(message.cell, message.name, message.text);
      case "display":
        return events.display(message.cell, message.bundle, message.update);
      case "late-error":
        return events.lateError(message.cell, message.error);
      default:
        pending.get(message.id)?.(message);
    }
  });

  kernelChild.onExit(({ code, signal }) => {
    clearTimeout(startTimer);
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    const tail = rawOutput.trim().split("\n").slice(-20);
    exitInfo = { ename: "KernelDied", evalue: `the kernel process ended (${how})`, traceback: tail };
    readyReject(new KernelError({ ...exitInfo, ename: "KernelStartError" }));
    for (const settle of pending.values()) settle({ type: "fatal", error: exitInfo });
    pending.clear();
    exitedResolve();
  });

  function request<T extends FromKernel>(message: ToKernel): Promise<T | { type: "fatal"; error: ErrorInfo }> {
    if (exitInfo) return Promise.resolve({ type: "fatal", error: exitInfo });
    return new Promise((resolve) => {
      pending.set(message.id, (reply) => {
        pending.delete(message.id);
        resolve(reply as T);
      });
      child.send(message, (error) => {
        if (error) onRaw(`losslab: could not reach the kernel: ${error.message}\n`);
      });
    });
  }

  const kernel: Kernel = {
    ready: () => readyPromise,
    async execute(cell, code, timeoutMs) {
      const started = Date.now();
      const id = nextId++;
      let timedOut = false;
      let killTimer: NodeJS.Timeout | undefined;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGINT"); // interrupts a synchronous loop or an await
        killTimer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      }, timeoutMs);
      const reply = await request<Extract<FromKernel, { type: "done" }>>({ type: "execute", id, cell, code });
      clearTimeout(timer);
      clearTimeout(killTimer);
      const ms = Date.now() - started;
      const errors = reply.type === "done" ? reply.errors : [reply.error];
      if (timedOut) {
        const seconds = Number((timeoutMs / 1000).toFixed(3));
        const stopped = reply.type === "done" ? "it was interrupted" : "the kernel did not respond and was stopped";
        errors.unshift({ ename: "TimeoutError", evalue: `the cell ran longer than ${seconds} s; ${stopped}`, traceback: [] });
      }
      return { ok: reply.type === "done" && reply.ok && !timedOut, errors, ms, timedOut };
    },
    async read(names) {
      const reply = await request<Extract<FromKernel, { type: "values" }>>({ type: "read", id: nextId++, names });
      if (reply.type === "fatal") throw new KernelError(reply.error);
      return reply.values;
    },
    async drain(maxMs) {
      await request({ type: "drain", id: nextId++, maxMs });
    },
    async close() {
      if (exitInfo) return;
      if (child.connected) child.disconnect(); // the kernel exits when its channel closes
      const killTimer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(killTimer);
    },
    get alive() {
      return exitInfo === null;
    },
    get pid() {
      return child.pid;
    },
  };
  return kernel;
}
