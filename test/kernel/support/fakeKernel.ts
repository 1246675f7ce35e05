import type { CellOutcome, Kernel, KernelEvents, KernelFactory } from "../../../kernel/run/startKernel";
import { KernelError } from "../../../kernel/run/startKernel";
import type { ErrorInfo } from "../../../kernel/exec/errorInfo";

/** What a scripted cell does: print, fail, kill the kernel, or report a late error for an earlier cell. */
export interface Script {
  stdout?: string;
  errors?: ErrorInfo[];
  timedOut?: boolean;
  dies?: boolean;
  lateErrorFor?: { cell: number; error: ErrorInfo };
}

/** A kernel that runs no code: each cell's source is looked up in `scripts` (by exact text). */
export function fakeKernelFactory(scripts: Record<string, Script>, options: { failStart?: ErrorInfo } = {}) {
  const log: string[] = [];
  const factory: KernelFactory = (events: KernelEvents) => {
    let alive = true;
    const kernel: Kernel = {
      ready: () => (options.failStart ? Promise.reject(new KernelError(options.failStart)) : Promise.resolve()),
      async execute(cell, code): Promise<CellOutcome> {
        log.push(`execute ${cell}`);
        const s = scripts[code] ?? {};
        if (s.stdout) events.stream(cell, "stdout", s.stdout);
        if (s.lateErrorFor) events.lateError(s.lateErrorFor.cell, s.lateErrorFor.error);
        if (s.dies) alive = false;
        const errors = s.errors ?? [];
        return { ok: errors.length === 0 && !s.timedOut, errors, ms: 5, timedOut: Boolean(s.timedOut) };
      },
      async read() {
        return {};
      },
      async drain() {
        log.push("drain");
      },
      async close() {
        log.push("close");
        alive = false;
      },
      get alive() {
        return alive;
      },
      pid: undefined,
    };
    return kernel;
  };
  return { factory, log };
}
