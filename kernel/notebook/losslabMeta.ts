import type { Cell, Notebook } from "./types";

/**
 * losslab's metadata scheme (documented in the README, "Notebooks and the runner").
 *
 * Notebook: `metadata.losslab = { expectedPass: 15 }` — the number of `PASS - …` lines a correct run prints.
 * Cell: `metadata.losslab = { role, exercise?, points?, answers? }`:
 * - `role` "markdown" (prose) or "statement" (an exercise's problem) on markdown cells; "setup", "scaffold"
 *   (`// Your Solution`: inputs, answers initialised to null), "solution" (`// Solution`: the worked answer and the
 *   checks) or "plot" on code cells;
 * - `exercise` (1, 2, …) on every statement, scaffold and solution cell, and on a plot cell that illustrates an
 *   exercise (a plot cell without one stands outside the exercises, as in the explorer notebook);
 * - `points` (1–3, the original's ★) on the statement, scaffold and solution of an exercise;
 * - `answers` (the variable names a grader reads) on the scaffold and the solution.
 */
export const CELL_ROLES = ["markdown", "statement", "setup", "scaffold", "solution", "plot"] as const;
export type CellRole = (typeof CELL_ROLES)[number];

export const MARKDOWN_ROLES: readonly CellRole[] = ["markdown", "statement"];
export const EXERCISE_ROLES: readonly CellRole[] = ["statement", "scaffold", "solution", "plot"];

export interface LosslabCellMeta {
  role: CellRole;
  exercise?: number;
  points?: number;
  answers?: string[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** The number of PASS lines the notebook declares, or null when it declares none (or not a whole number ≥ 0). */
export function expectedPassOf(notebook: Notebook): number | null {
  const meta = notebook.metadata.losslab;
  if (!isObject(meta)) return null;
  const n = meta.expectedPass;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : null;
}

/** A cell's losslab metadata when present and well-formed, else null (see {@link checkScheme} for why). */
export function cellMetaOf(cell: Cell): LosslabCellMeta | null {
  const meta = cell.metadata.losslab;
  if (!isObject(meta) || !(CELL_ROLES as readonly unknown[]).includes(meta.role)) return null;
  const out: LosslabCellMeta = { role: meta.role as CellRole };
  if (typeof meta.exercise === "number") out.exercise = meta.exercise;
  if (typeof meta.points === "number") out.points = meta.points;
  if (Array.isArray(meta.answers) && meta.answers.every((a) => typeof a === "string")) out.answers = meta.answers as string[];
  return out;
}

/** "exercise 2 solution", "setup" …: how reports name a cell. */
export function describeCell(cell: Cell): string {
  const meta = cellMetaOf(cell);
  if (!meta) return cell.cell_type;
  return meta.exercise !== undefined ? `exercise ${meta.exercise} ${meta.role}` : meta.role;
}
