import type { FileResult } from "../run/runFile";

/** One notebook in the machine-readable results (`losslab run --json`). */
export interface NotebookReport {
  file: string;
  /** The executed copy, or null when the notebook could not be read. */
  output: string | null;
  ok: boolean;
  seconds: number;
  cells: { ok: number; total: number };
  checks: { pass: number; fail: number; expected: number | null };
  /** Each reason the notebook did not pass (empty when it passed). */
  problems: string[];
  /** The failing cells: `cell` is the index in the notebook's `cells` (from 0). */
  failures: { cell: number; label: string; ename: string; evalue: string; ms: number; firstLines: string[] }[];
  /** Set when the file could not be read: NOT_FOUND, UNREADABLE, MALFORMED_JSON, NOT_A_NOTEBOOK, UNSUPPORTED_VERSION. */
  error: { code: string; message: string } | null;
}

export interface RunReport {
  ok: boolean;
  /** 0 all passed, 1 a cell or check failed, 2 a notebook could not be read. */
  exitCode: 0 | 1 | 2;
  notebooks: NotebookReport[];
}

/** Turns run results into the report printed by `--json` and used for the table and JUnit. */
export function toReport(results: readonly FileResult[]): RunReport {
  const notebooks = results.map((r): NotebookReport => {
    if (r.readError) {
      return {
        file: r.file,
        output: null,
        ok: false,
        seconds: 0,
        cells: { ok: 0, total: 0 },
        checks: { pass: 0, fail: 0, expected: null },
        problems: [r.readError.message],
        failures: [],
        error: { code: r.readError.code, message: r.readError.message },
      };
    }
    const v = r.verdict;
    return {
      file: r.file,
      output: r.output,
      ok: v.ok,
      seconds: Math.round(r.run.ms) / 1000,
      cells: { ok: v.cellsOk, total: v.cellsTotal },
      checks: { pass: v.pass, fail: v.fail, expected: v.expectedPass },
      problems: v.problems,
      failures: r.run.cells
        .filter((c) => c.status === "error")
        .map((c) => ({
          cell: c.index,
          label: c.label,
          ename: c.errors[0]?.ename ?? "Error",
          evalue: c.errors[0]?.evalue ?? "",
          ms: c.ms,
          firstLines: c.firstLines,
        })),
      error: null,
    };
  });
  const unreadable = notebooks.some((n) => n.error !== null);
  const failed = notebooks.some((n) => !n.ok);
  return { ok: !failed, exitCode: unreadable ? 2 : failed ? 1 : 0, notebooks };
}
