import type { ErrorInfo } from "../../../kernel/exec/errorInfo";
import type { ReadResult } from "../../../kernel/exec/plainData";
import type { CellOutcome, Kernel, KernelEvents } from "../../../kernel/run/startKernel";
import { KernelError } from "../../../kernel/run/startKernel";

/** What a scripted cell does, looked up by the cell's source text. */
export interface CellScript {
  /** Answer variables the cell sets (read back by `read`). */
  sets?: Record<string, unknown>;
  errors?: ErrorInfo[];
  /** The kernel process dies while the cell runs. */
  dies?: boolean;
  /** Reports a late error for an earlier cell (a timer it started). */
  lateErrorFor?: { cell: number; error: ErrorInfo };
  /** Blocks the kernel after the cell: reads never answer. */
  blocks?: boolean;
}

export const died: ErrorInfo = { ename: "KernelDied", evalue: "the kernel process ended (signal SIGKILL)", traceback: [] };

/**
 * Kernels that run no code: each cell's source selects a script. `log` records every kernel's calls, prefixed by
 * the kernel's number ("1 execute 3", "2 start" …), so a test can check restarts and replays.
 */
export function scriptedKernels(scripts: Record<string, CellScript>, options: { failStart?: ErrorInfo } = {}) {
  const log: string[] = [];
  let count = 0;
  const factory = (events: KernelEvents): Kernel => {
    const n = ++count;
    log.push(`${n} start`);
    const values = new Map<string, unknown>();
    let alive = true;
    let blocked = false;
    return {
      ready: () => (options.failStart ? Promise.reject(new KernelError(options.failStart)) : Promise.resolve()),
      async execute(cell, code): Promise<CellOutcome> {
        log.push(`${n} execute ${cell}`);
        if (!alive) return { ok: false, errors: [died], ms: 1, timedOut: false };
        const s = scripts[code] ?? {};
        for (const [k, v] of Object.entries(s.sets ?? {})) values.set(k, v);
        if (s.lateErrorFor) events.lateError(s.lateErrorFor.cell, s.lateErrorFor.error);
        if (s.blocks) blocked = true;
        if (s.dies) alive = false;
        const errors = [...(s.errors ?? []), ...(s.dies ? [died] : [])];
        return { ok: errors.length === 0, errors, ms: 1, timedOut: false };
      },
      read(names) {
        log.push(`${n} read ${names.join(",")}`);
        if (!alive) return Promise.reject(new KernelError(died));
        if (blocked) return new Promise<Record<string, ReadResult>>(() => {});
        const out: Record<string, ReadResult> = {};
        for (const name of names) out[name] = values.has(name) ? { ok: true, value: values.get(name) as never } : { ok: false, reason: `${name} is not defined` };
        return Promise.resolve(out);
      },
      async drain() {
        log.push(`${n} drain`);
      },
      async close() {
        log.push(`${n} close`);
        alive = false;
      },
      get alive() {
        return alive;
      },
      pid: undefined,
    };
  };
  return { factory, log };
}
