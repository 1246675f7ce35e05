import { describe, expect, it } from "vitest";
import { createProgress } from "../../kernel/cli/progress";
import type { CellRun } from "../../kernel/run/runNotebook";

const cell: CellRun = { index: 5, label: "exercise 1 solution", status: "ok", ms: 42, errors: [], checks: { pass: [], fail: [] }, firstLines: [] };

describe("createProgress", () => {
  it("rewrites one line per cell on a terminal", () => {
    let written = "";
    const progress = createProgress({ isTTY: true, columns: 120, write: (t: string) => (written += t) });
    progress.cellStart("notebooks/a.ipynb", { cell, position: 3, total: 22 });
    progress.cellDone("notebooks/a.ipynb", { cell, position: 3, total: 22 });
    progress.cellDone("notebooks/a.ipynb", { cell: { ...cell, status: "error" }, position: 4, total: 22 });
    progress.notebookDone("notebooks/a.ipynb");
    expect(written).toBe(
      "\r\x1b[Ka.ipynb [3/22] cell [5] exercise 1 solution …" +
        "\r\x1b[Ka.ipynb [3/22] cell [5] exercise 1 solution ok 42 ms" +
        "\r\x1b[Ka.ipynb [4/22] cell [5] exercise 1 solution FAILED 42 ms" +
        "\r\x1b[K",
    );
  });

  it("cuts the line to the terminal's width", () => {
    let written = "";
    createProgress({ isTTY: true, columns: 30, write: (t: string) => (written += t) }).cellStart("a.ipynb", { cell, position: 1, total: 1 });
    expect(written).toBe("\r\x1b[Ka.ipynb [1/1] cell [5] exerci");
  });

  it("writes nothing when the stream is not a terminal (CI logs get the summary only)", () => {
    let written = "";
    const progress = createProgress({ isTTY: false, write: (t: string) => (written += t) });
    progress.cellStart("a.ipynb", { cell, position: 1, total: 1 });
    progress.cellDone("a.ipynb", { cell, position: 1, total: 1 });
    progress.notebookDone("a.ipynb");
    expect(written).toBe("");
  });
});
