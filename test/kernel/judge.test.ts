import { describe, expect, it } from "vitest";
import { judge } from "../../kernel/run/judge";
import type { CellRun, NotebookRun } from "../../kernel/run/runNotebook";

const cell = (index: number, over: Partial<CellRun> = {}): CellRun => ({
  index,
  label: "code",
  status: "ok",
  ms: 1,
  errors: [],
  checks: { pass: [], fail: [] },
  firstLines: [],
  ...over,
});
const run = (cells: CellRun[]): NotebookRun => ({ executed: { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] }, cells, kernelError: null, ms: 10 });
const pass = (n: number) => ({ pass: Array.from({ length: n }, (_, i) => `PASS - ${i}`), fail: [] });

describe("judge", () => {
  it("passes when every cell ran, nothing failed, and the PASS count is the declared one", () => {
    expect(judge(run([cell(0, { checks: pass(2) }), cell(1, { checks: pass(1) })]), 3)).toEqual({
      ok: true,
      cellsOk: 2,
      cellsTotal: 2,
      pass: 3,
      fail: 0,
      expectedPass: 3,
      problems: [],
    });
  });

  it("fails on too few or too many PASS lines (a skipped or silent cell cannot pass)", () => {
    expect(judge(run([cell(0, { checks: pass(14) })]), 15).problems).toEqual(["14 PASS lines, the notebook declares 15"]);
    expect(judge(run([cell(0, { checks: pass(16) })]), 15).ok).toBe(false);
  });

  it("fails on a FAIL line, a failed cell, cells not run, or no declared count", () => {
    const error = { ename: "TypeError", evalue: "x is not a function", traceback: [] };
    const v = judge(
      run([
        cell(0, { checks: { pass: ["PASS - a"], fail: ["FAIL - b"] } }),
        cell(3, { status: "error", label: "exercise 1 solution", errors: [error] }),
        cell(4, { status: "not-run" }),
        cell(5, { status: "not-run" }),
      ]),
      null,
    );
    expect(v).toMatchObject({ ok: false, cellsOk: 1, cellsTotal: 4, pass: 1, fail: 1 });
    expect(v.problems).toEqual([
      "cell [3] (exercise 1 solution) failed: TypeError: x is not a function",
      "2 code cells were not run",
      "1 FAIL line: FAIL - b",
      "the notebook does not declare metadata.losslab.expectedPass",
    ]);
  });
});
