/**
 * Messages between the runner (parent) and a kernel process (child), over Node's IPC channel with the "advanced"
 * (structured clone) serialization, so numbers such as NaN and typed arrays survive. `cell` is the cell's index in
 * the notebook; every output names the cell it belongs to, so output that arrives after a cell returned (a timer)
 * still lands in the cell that started it.
 */
import type { DisplayBundle } from "../tslab/internals";
import type { ErrorInfo } from "./errorInfo";
import type { ReadResult } from "./plainData";

export type ToKernel =
  | { type: "execute"; id: number; cell: number; code: string }
  /** Read top-level variables as plain data (for graders). */
  | { type: "read"; id: number; names: string[] }
  /** Wait (at most `maxMs`) for timers the cells started, so their errors are reported before the kernel stops. */
  | { type: "drain"; id: number; maxMs: number };

export type FromKernel =
  | { type: "ready"; startMs: number }
  | { type: "stream"; cell: number; name: "stdout" | "stderr"; text: string }
  | { type: "display"; cell: number; bundle: DisplayBundle; update: boolean }
  | { type: "done"; id: number; cell: number; ok: boolean; errors: ErrorInfo[] }
  /** An error from a cell that already returned: a timer's exception, a promise rejected later, process.exit. */
  | { type: "late-error"; cell: number; error: ErrorInfo }
  | { type: "values"; id: number; values: Record<string, ReadResult> }
  | { type: "drained"; id: number; pendingTimers: number }
  /** The kernel could not start (e.g. tslab is missing). */
  | { type: "fatal"; error: ErrorInfo };
