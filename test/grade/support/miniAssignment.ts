import type { Cell, Notebook } from "../../../kernel/notebook/types";
import type { AssignmentKey } from "../../../kernel/grade/key/answerKey";
import { compareNumber } from "../../../kernel/grade/key/compareAnswer";

const TOL = { atol: 1e-7, rtol: 1e-7 };

/** A three-exercise assignment: exercise n's answer `x<n>` must equal n (1, 2 and 3 points). */
export const MINI_KEY: AssignmentKey = {
  notebook: "mini.ipynb",
  tolerance: TOL,
  exercises: [1, 2, 3].map((n) => ({
    exercise: n,
    title: `Exercise ${n}`,
    points: n,
    answers: [`x${n}`],
    parts: [{ name: `x${n}`, points: n, check: (a) => compareNumber(`x${n}`, a[`x${n}`], n, TOL) }],
  })),
};

export const code = (source: string, losslab?: Record<string, unknown>): Cell => ({
  cell_type: "code",
  metadata: losslab ? { losslab } : {},
  source,
  execution_count: null,
  outputs: [],
});

export const markdown = (source: string, losslab?: Record<string, unknown>): Cell => ({
  cell_type: "markdown",
  metadata: losslab ? { losslab } : {},
  source,
});

export const notebook = (cells: Cell[], metadata: Record<string, unknown> = { kernelspec: { name: "losslab", language: "typescript" } }): Notebook => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata,
  cells,
});

/** A submission of the mini assignment: a set-up cell, then per exercise a statement and a scaffold `ex<n>`. */
export function miniSubmission(exercises: number[] = [1, 2, 3]): Notebook {
  return notebook([
    markdown("# Mini", { role: "markdown" }),
    code("setup", { role: "setup" }),
    ...exercises.flatMap((n) => [
      markdown(`## Exercise ${n}`, { role: "statement", exercise: n, points: n }),
      code(`ex${n}`, { role: "scaffold", exercise: n, points: n, answers: [`x${n}`] }),
    ]),
  ]);
}
