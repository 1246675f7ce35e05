import { forkKernel, type KernelChild } from "./forkKernel";

/** Kernel processes for the notebooks of one run: each one starts while the notebook before it runs. */
export interface KernelSupply {
  /** A started kernel; with `more`, the next one starts now, in the background. */
  take(more: boolean): KernelChild;
  /** Stops a kernel that was started but not taken. */
  dispose(): void;
}

/**
 * Creates a supply of kernels for `rootDir`, beginning with `first` when one was started already (e.g. by the CLI
 * while it loaded). `fork` starts a kernel process (tests pass their own).
 */
export function createKernelSupply(
  rootDir: string,
  first: KernelChild | null = null,
  fork: (cwd: string, env: NodeJS.ProcessEnv) => KernelChild = forkKernel,
): KernelSupply {
  let spare = first;
  return {
    take(more) {
      const kernel = spare ?? fork(rootDir, process.env);
      spare = more ? fork(rootDir, process.env) : null;
      return kernel;
    },
    dispose() {
      spare?.child.kill();
      spare = null;
    },
  };
}
