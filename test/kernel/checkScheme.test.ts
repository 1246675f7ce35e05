import { describe, expect, it } from "vitest";
import { checkClean, checkScheme } from "../../kernel/notebook/checkScheme";
import { cellMetaOf, describeCell, expectedPassOf } from "../../kernel/notebook/losslabMeta";
import type { Cell, Notebook } from "../../kernel/notebook/types";

const md = (losslab: object): Cell => ({ cell_type: "markdown", metadata: { losslab }, source: "text" });
const code = (losslab: object): Cell => ({ cell_type: "code", metadata: { losslab }, source: "1", execution_count: null, outputs: [] });

function notebook(cells: Cell[], meta: Record<string, unknown> = {}): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "losslab", display_name: "TypeScript (losslab)", language: "typescript" }, losslab: { expectedPass: 2 }, ...meta },
    cells,
  };
}

const exercise = (n: number, points = 1, answers = ["mse"]): Cell[] => [
  md({ role: "statement", exercise: n, points }),
  code({ role: "scaffold", exercise: n, points, answers }),
  code({ role: "solution", exercise: n, points, answers }),
];

const valid = () => notebook([md({ role: "markdown" }), code({ role: "setup" }), ...exercise(1), code({ role: "plot", exercise: 1 }), ...exercise(2, 3, ["loss"])]);

describe("checkScheme", () => {
  it("accepts a notebook that follows the scheme", () => {
    expect(checkScheme(valid())).toEqual([]);
  });

  it("accepts plot cells that belong to no exercise (the explorer notebook)", () => {
    expect(checkScheme(notebook([md({ role: "markdown" }), code({ role: "setup" }), md({ role: "markdown" }), code({ role: "plot" })]))).toEqual([]);
  });

  it("needs the losslab kernelspec and a declared PASS count", () => {
    const nb = valid();
    nb.metadata = { kernelspec: { name: "python3", language: "python" } };
    expect(checkScheme(nb)).toEqual([
      'metadata.kernelspec must name the "losslab" kernel, language "typescript"',
      "metadata.losslab.expectedPass must be a whole number ≥ 0",
    ]);
  });

  it("needs a known role that fits the cell type", () => {
    const nb = valid();
    nb.cells[0] = { cell_type: "markdown", metadata: {}, source: "" };
    nb.cells[1] = md({ role: "setup" });
    nb.cells.push(code({ role: "teacher-notes" }));
    expect(checkScheme(nb)).toEqual([
      "cell [0] has no metadata.losslab",
      "cell [1] is a markdown cell with role setup",
      'cell [9] has an unknown role "teacher-notes"',
    ]);
  });

  it("needs each exercise's statement, scaffold and solution once, in order, with one points value and one answer list", () => {
    const nb = valid();
    nb.cells[3] = code({ role: "scaffold", exercise: 1, points: 2, answers: ["grad"] });
    nb.cells.splice(2, 1); // drop exercise 1's statement
    expect(checkScheme(nb)).toEqual([
      "exercise 1 has 0 statement cells (want 1)",
      "exercise 1: its cells disagree on points",
      "exercise 1: the scaffold and the solution list different answers",
    ]);
    const swapped = valid();
    [swapped.cells[3], swapped.cells[4]] = [swapped.cells[4], swapped.cells[3]];
    expect(checkScheme(swapped)).toEqual(["exercise 1: the statement, scaffold and solution must come in that order"]);
  });

  it("checks exercise numbers, points and answer names", () => {
    const nb = notebook([
      ...exercise(2),
      code({ role: "plot", exercise: 0 }),
      code({ role: "setup", exercise: 1 }),
      code({ role: "solution", exercise: 3, points: 4, answers: ["not a name"] }),
    ]);
    expect(checkScheme(nb)).toEqual([
      "cell [3] (plot) needs an exercise number",
      "cell [4] (setup) must not name an exercise",
      "cell [5] (exercise 3 solution) needs points 1, 2 or 3",
      "cell [5] (exercise 3 solution) needs answers: a list of variable names",
      "exercises must be numbered 1…2 (found 2)",
      "exercises must be numbered 1…2 (found 3)",
      "exercise 3 has 0 statement cells (want 1)",
      "exercise 3 has 0 scaffold cells (want 1)",
    ]);
  });
});

describe("checkClean", () => {
  it("reports outputs and execution counts left in code cells", () => {
    const nb = valid();
    expect(checkClean(nb)).toEqual([]);
    nb.cells[1] = { ...(nb.cells[1] as Extract<Cell, { cell_type: "code" }>), execution_count: 1, outputs: [{ output_type: "stream", name: "stdout", text: "x" }] };
    expect(checkClean(nb)).toEqual(["cell [1] has outputs", "cell [1] has an execution count"]);
  });
});

describe("losslab metadata readers", () => {
  it("expectedPassOf reads a whole number ≥ 0 and nothing else", () => {
    expect(expectedPassOf(valid())).toBe(2);
    for (const bad of [undefined, -1, 1.5, "15", null]) {
      expect(expectedPassOf(notebook([], { losslab: { expectedPass: bad } }))).toBeNull();
    }
  });

  it("cellMetaOf and describeCell name a cell by role and exercise", () => {
    const cell = code({ role: "solution", exercise: 4, points: 2, answers: ["ce"] });
    expect(cellMetaOf(cell)).toEqual({ role: "solution", exercise: 4, points: 2, answers: ["ce"] });
    expect(describeCell(cell)).toBe("exercise 4 solution");
    expect(describeCell(code({ role: "setup" }))).toBe("setup");
    expect(describeCell({ cell_type: "code", metadata: {}, source: "", execution_count: null, outputs: [] })).toBe("code");
  });
});
