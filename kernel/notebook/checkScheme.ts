import { CELL_ROLES, EXERCISE_ROLES, MARKDOWN_ROLES, expectedPassOf, type CellRole } from "./losslabMeta";
import type { Notebook } from "./types";

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

interface Exercise {
  statement: number[];
  scaffold: number[];
  solution: number[];
  points: Set<unknown>;
  answers: Set<string>;
}

/**
 * Checks a notebook against losslab's metadata scheme (see losslabMeta.ts) and returns every problem found
 * (empty when it conforms): the kernelspec is `losslab`, `expectedPass` is declared, every cell has a role that
 * fits its type, and every exercise 1…N has one statement, scaffold and solution, in that order, with the same
 * points (1–3) and the same answer variables on the scaffold and the solution.
 */
export function checkScheme(notebook: Notebook): string[] {
  const problems: string[] = [];
  const kernelspec = notebook.metadata.kernelspec;
  if (!isObject(kernelspec) || kernelspec.name !== "losslab" || kernelspec.language !== "typescript") {
    problems.push('metadata.kernelspec must name the "losslab" kernel, language "typescript"');
  }
  if (expectedPassOf(notebook) === null) problems.push("metadata.losslab.expectedPass must be a whole number ≥ 0");

  const exercises = new Map<number, Exercise>();
  notebook.cells.forEach((cell, index) => {
    const at = `cell [${index}]`;
    const meta = cell.metadata.losslab;
    if (!isObject(meta)) return void problems.push(`${at} has no metadata.losslab`);
    const role = meta.role as CellRole;
    if (!CELL_ROLES.includes(role)) return void problems.push(`${at} has an unknown role ${JSON.stringify(meta.role)}`);
    const wantsMarkdown = MARKDOWN_ROLES.includes(role);
    if (wantsMarkdown !== (cell.cell_type === "markdown")) problems.push(`${at} is a ${cell.cell_type} cell with role ${role}`);
    if (!EXERCISE_ROLES.includes(role)) {
      if (meta.exercise !== undefined) problems.push(`${at} (${role}) must not name an exercise`);
      return;
    }
    const n = meta.exercise;
    if (role === "plot" && n === undefined) return; // a plot outside the exercises (the explorer notebook)
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1) return void problems.push(`${at} (${role}) needs an exercise number`);
    const ex = exercises.get(n) ?? { statement: [], scaffold: [], solution: [], points: new Set(), answers: new Set() };
    exercises.set(n, ex);
    if (role === "plot") return;
    ex[role as "statement" | "scaffold" | "solution"].push(index);
    if (![1, 2, 3].includes(meta.points as number)) problems.push(`${at} (exercise ${n} ${role}) needs points 1, 2 or 3`);
    ex.points.add(meta.points);
    if (role === "statement") return;
    const answers = meta.answers;
    if (!Array.isArray(answers) || answers.length === 0 || !answers.every((a) => typeof a === "string" && IDENTIFIER.test(a))) {
      problems.push(`${at} (exercise ${n} ${role}) needs answers: a list of variable names`);
    } else {
      ex.answers.add(answers.join(","));
    }
  });

  const numbers = [...exercises.keys()].sort((a, b) => a - b);
  numbers.forEach((n, i) => {
    if (n !== i + 1) problems.push(`exercises must be numbered 1…${numbers.length} (found ${n})`);
    const ex = exercises.get(n) as Exercise;
    for (const role of ["statement", "scaffold", "solution"] as const) {
      if (ex[role].length !== 1) problems.push(`exercise ${n} has ${ex[role].length} ${role} cells (want 1)`);
    }
    const [statement, scaffold, solution] = [ex.statement[0], ex.scaffold[0], ex.solution[0]];
    const complete = statement !== undefined && scaffold !== undefined && solution !== undefined;
    if (complete && !(statement < scaffold && scaffold < solution)) {
      problems.push(`exercise ${n}: the statement, scaffold and solution must come in that order`);
    }
    if (ex.points.size > 1) problems.push(`exercise ${n}: its cells disagree on points`);
    if (ex.answers.size > 1) problems.push(`exercise ${n}: the scaffold and the solution list different answers`);
  });
  return problems;
}

/** Problems that keep a source notebook from being committed: outputs or execution counts left in code cells. */
export function checkClean(notebook: Notebook): string[] {
  const problems: string[] = [];
  notebook.cells.forEach((cell, index) => {
    if (cell.cell_type !== "code") return;
    if (cell.outputs.length > 0) problems.push(`cell [${index}] has outputs`);
    if (cell.execution_count !== null) problems.push(`cell [${index}] has an execution count`);
  });
  return problems;
}
