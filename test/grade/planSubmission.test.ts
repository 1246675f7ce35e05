import * as path from "path";
import { describe, expect, it } from "vitest";
import { LOSS_FUNCTIONS_KEY } from "../../kernel/grade/key/lossFunctionsKey";
import { planSubmission } from "../../kernel/grade/run/planSubmission";
import { readNotebookFile } from "../../kernel/run/runFile";
import { code, markdown, MINI_KEY, miniSubmission, notebook } from "./support/miniAssignment";

const INSTRUCTOR = path.resolve(__dirname, "..", "..", "notebooks", "loss-functions-exercises.ipynb");
const rejection = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return "accepted";
};

describe("planSubmission", () => {
  it("groups the instructor notebook into its set-up and ten exercises, plots left out, and notes the solutions", () => {
    const nb = readNotebookFile(INSTRUCTOR);
    const plan = planSubmission(nb, LOSS_FUNCTIONS_KEY);
    expect(plan.exercises.map((e) => e.exercise)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(plan.missing).toEqual([]);
    for (const index of plan.preamble) expect(nb.cells[index].metadata.losslab).toMatchObject({ role: "setup" });
    for (const e of plan.exercises) {
      expect(e.cells.map((i) => (nb.cells[i].metadata.losslab as { role: string }).role)).toEqual(["scaffold", "solution"]);
    }
    expect(plan.skipped.every((i) => (nb.cells[i].metadata.losslab as { role: string }).role === "plot")).toBe(true);
    expect(plan.notes).toEqual(["it still has 10 solution cells (// Solution): the instructor's version?"]);
    expect(planSubmission(nb, LOSS_FUNCTIONS_KEY, { runPlots: true }).skipped).toEqual([]);
  });

  it("puts a cell the learner added into the exercise before it, or into the set-up", () => {
    const nb = miniSubmission();
    nb.cells.splice(2, 0, code("helper"));
    nb.cells.splice(5, 0, code("scratch"));
    const plan = planSubmission(nb, MINI_KEY);
    expect(plan.preamble).toEqual([1, 2]);
    expect(plan.exercises[0]).toEqual({ exercise: 1, cells: [4, 5] });
  });

  it("rejects a notebook in another language, with its kernel's name", () => {
    const python = notebook([code("print(1)")], { kernelspec: { name: "python3", language: "python" } });
    expect(rejection(() => planSubmission(python, MINI_KEY))).toBe("not this assignment: a python notebook (kernel python3); mini.ipynb is TypeScript");
  });

  it("rejects a notebook without exercise cells (another notebook, or one whose cell metadata was stripped)", () => {
    expect(rejection(() => planSubmission(notebook([markdown("# Notes"), code("1 + 1")]), MINI_KEY))).toMatch(
      /^not this assignment: it has no exercise cells \(no cell carries metadata\.losslab\.exercise\)/,
    );
  });

  it("rejects another assignment's exercises: other answer names, or more exercises", () => {
    const other = miniSubmission([1]);
    (other.cells[3].metadata.losslab as { answers: string[] }).answers = ["total"];
    expect(rejection(() => planSubmission(other, MINI_KEY))).toBe("not this assignment: its exercise 1 asks for total; in mini.ipynb it asks for x1");
    const more = notebook([code("x", { role: "scaffold", exercise: 4, points: 1, answers: ["x4"] })]);
    expect(rejection(() => planSubmission(more, MINI_KEY))).toBe("not this assignment: it has an exercise 4; mini.ipynb has 3");
  });

  it("rejects an exercise whose cells were split apart, and names where", () => {
    const nb = miniSubmission();
    nb.cells.push(code("again", { role: "scaffold", exercise: 1, points: 1, answers: ["x1"] }));
    expect(rejection(() => planSubmission(nb, MINI_KEY))).toMatch(/^not this assignment: exercise 1's cells are split around cell \[8\]/);
  });

  it("lists exercises without a code cell as missing", () => {
    const nb = miniSubmission();
    nb.cells.splice(5, 1); // exercise 2's scaffold deleted, its statement kept
    expect(planSubmission(nb, MINI_KEY).missing).toEqual([2]);
  });
});
