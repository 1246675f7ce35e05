import { sumChecks } from "../notebook/readChecks";
import type { NotebookRun } from "./runNotebook";

/** Whether a notebook run passed, and why not. */
export interface Verdict {
  ok: boolean;
  cellsOk: number;
  cellsTotal: number;
  pass: number;
  fail: number;
  expectedPass: number | null;
  /** Every reason the run did not pass, one line each (a failing cell, cells not run, FAIL lines, the PASS count). */
  problems: string[];
}

/**
 * A run passes only when every code cell ran without error, no `FAIL - …` line was printed, and the number of
 * `PASS - …` lines equals the count the notebook declares: a skipped or silent cell cannot pass.
 */
export function judge(run: NotebookRun, expectedPass: number | null): Verdict {
  const checks = sumChecks(run.cells.map((c) => c.checks));
  const problems: string[] = [];
  // A kernel that failed to start or died is reported on the cell it happened in (see runNotebook).
  for (const cell of run.cells) {
    if (cell.status !== "error") continue;
    const [first] = cell.errors;
    problems.push(`cell [${cell.index}] (${cell.label}) failed: ${first ? `${first.ename}: ${first.evalue}` : "error"}`);
  }
  const notRun = run.cells.filter((c) => c.status === "not-run").length;
  if (notRun > 0) problems.push(`${notRun} code cell${notRun === 1 ? " was" : "s were"} not run`);
  if (checks.fail.length > 0) problems.push(`${checks.fail.length} FAIL line${checks.fail.length === 1 ? "" : "s"}: ${checks.fail[0]}`);
  if (expectedPass === null) problems.push("the notebook does not declare metadata.losslab.expectedPass");
  else if (checks.pass.length !== expectedPass) {
    problems.push(`${checks.pass.length} PASS line${checks.pass.length === 1 ? "" : "s"}, the notebook declares ${expectedPass}`);
  }
  return {
    ok: problems.length === 0,
    cellsOk: run.cells.filter((c) => c.status === "ok").length,
    cellsTotal: run.cells.length,
    pass: checks.pass.length,
    fail: checks.fail.length,
    expectedPass,
    problems,
  };
}
