import { cellMetaOf } from "../../notebook/losslabMeta";
import type { Notebook } from "../../notebook/types";
import type { AssignmentKey } from "../key/answerKey";

/** The code cells of one exercise, in notebook order (indices into the notebook's `cells`). */
export interface ExercisePlan {
  exercise: number;
  cells: number[];
}

/** What the grader runs for a submission, and in which groups. */
export interface SubmissionPlan {
  /** Code cells before the first exercise (the set-up, and any cell the learner added there). */
  preamble: number[];
  /** The exercises present, in notebook order. */
  exercises: ExercisePlan[];
  /** Exercises of the key without any code cell in the submission. */
  missing: number[];
  /** Plot cells left out (they draw charts and compute no answer). */
  skipped: number[];
  /** Remarks for the teacher (e.g. the submission still holds solution cells). */
  notes: string[];
}

/** Why a file is not a submission of this assignment: one line for the teacher. */
export class SubmissionRejected extends Error {
  readonly code = "NOT_THIS_ASSIGNMENT";
  constructor(detail: string) {
    super(`not this assignment: ${detail}`);
    this.name = "SubmissionRejected";
  }
}

/**
 * Checks that `notebook` is a submission of `key`'s assignment (by its cells' `metadata.losslab`: exercise numbers
 * and answer names as in the key) and groups its code cells: a cell belongs to the exercise whose cell last came
 * before it (a cell the learner added after an exercise's scaffold belongs to that exercise), or to the preamble.
 * @throws SubmissionRejected for another language, another assignment, no exercise cells, or an exercise whose
 *   cells are not together
 */
export function planSubmission(notebook: Notebook, key: AssignmentKey, options: { runPlots?: boolean } = {}): SubmissionPlan {
  const kernelspec = notebook.metadata.kernelspec as { language?: unknown; name?: unknown } | undefined;
  const language = typeof kernelspec?.language === "string" ? kernelspec.language.toLowerCase() : null;
  if (language !== null && language !== "typescript") {
    throw new SubmissionRejected(`a ${kernelspec?.language as string} notebook (kernel ${String(kernelspec?.name)}); ${key.notebook} is TypeScript`);
  }
  const byNumber = new Map(key.exercises.map((e) => [e.exercise, e]));
  const plan: SubmissionPlan = { preamble: [], exercises: [], missing: [], skipped: [], notes: [] };
  const seen = new Map<number, ExercisePlan>();
  let current: ExercisePlan | null = null;
  let solutions = 0;
  let tagged = 0;

  notebook.cells.forEach((cell, index) => {
    const meta = cellMetaOf(cell);
    if (meta?.exercise !== undefined) {
      tagged += 1;
      const n = meta.exercise;
      const expected = byNumber.get(n);
      if (!expected) throw new SubmissionRejected(`it has an exercise ${n}; ${key.notebook} has ${key.exercises.length}`);
      if (meta.answers && meta.answers.join(",") !== expected.answers.join(",")) {
        throw new SubmissionRejected(`its exercise ${n} asks for ${meta.answers.join(", ")}; in ${key.notebook} it asks for ${expected.answers.join(", ")}`);
      }
      if (current?.exercise !== n) {
        if (seen.has(n)) {
          throw new SubmissionRejected(`exercise ${n}'s cells are split around cell [${index}]: keep each exercise's cells together, in the released order`);
        }
        current = { exercise: n, cells: [] };
        seen.set(n, current);
        plan.exercises.push(current);
      }
    }
    if (cell.cell_type !== "code") return;
    if (meta?.role === "solution") solutions += 1;
    if (meta?.role === "plot" && !options.runPlots) return void plan.skipped.push(index);
    (current ? current.cells : plan.preamble).push(index);
  });

  if (tagged === 0) {
    throw new SubmissionRejected(
      `it has no exercise cells (no cell carries metadata.losslab.exercise); a submission of ${key.notebook} keeps the cells of the released notebook`,
    );
  }
  plan.exercises = plan.exercises.filter((e) => e.cells.length > 0);
  const present = new Set(plan.exercises.map((e) => e.exercise));
  plan.missing = key.exercises.map((e) => e.exercise).filter((n) => !present.has(n));
  if (solutions > 0) plan.notes.push(`it still has ${solutions} solution cell${solutions === 1 ? "" : "s"} (// Solution): the instructor's version?`);
  return plan;
}
