import { NotebookError } from "../../../kernel/notebook/NotebookError";
import type { FileResult } from "../../../kernel/run/runFile";
import type { CellRun } from "../../../kernel/run/runNotebook";

const cell = (index: number, over: Partial<CellRun>): CellRun => ({
  index,
  label: "code",
  status: "ok",
  ms: 120,
  errors: [],
  checks: { pass: [], fail: [] },
  firstLines: [],
  ...over,
});

/** Three results: a passing notebook, one with a failing cell, and one that could not be read. */
export function sampleResults(): FileResult[] {
  const passing = [cell(1, { label: "setup" }), cell(3, { label: "exercise 1 solution", checks: { pass: ["PASS - mse"], fail: [] } })];
  const error = { ename: "TypeError", evalue: "x is not a function", traceback: ["TypeError: x is not a function", "    at <cell>:2:1"] };
  const failing = [
    cell(0, { status: "error", label: "exercise 2 solution", errors: [error], firstLines: ["// Solution", 'header("<2>");'] }),
    cell(1, { status: "not-run", ms: 0 }),
  ];
  const executed = { nbformat: 4 as const, nbformat_minor: 5, metadata: {}, cells: [] };
  return [
    {
      file: "notebooks/good.ipynb",
      readError: null,
      output: "build/notebooks/good.ipynb",
      run: { executed, cells: passing, kernelError: null, ms: 2345 },
      verdict: { ok: true, cellsOk: 2, cellsTotal: 2, pass: 1, fail: 0, expectedPass: 1, problems: [] },
    },
    {
      file: "notebooks/bad.ipynb",
      readError: null,
      output: "build/notebooks/bad.ipynb",
      run: { executed, cells: failing, kernelError: null, ms: 1500 },
      verdict: {
        ok: false,
        cellsOk: 0,
        cellsTotal: 2,
        pass: 0,
        fail: 0,
        expectedPass: 2,
        problems: ["cell [0] (exercise 2 solution) failed: TypeError: x is not a function", "1 code cell was not run", "0 PASS lines, the notebook declares 2"],
      },
    },
    { file: "broken.ipynb", readError: new NotebookError("MALFORMED_JSON", "broken.ipynb", "not valid JSON (Unexpected end of JSON input)") },
  ];
}
