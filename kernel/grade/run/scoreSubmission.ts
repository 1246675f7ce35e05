import type { AssignmentKey, ExerciseKey } from "../key/answerKey";
import type { SubmissionPlan } from "./planSubmission";
import type { CellResult, SubmissionRun } from "./runSubmission";

/**
 * How an exercise went: `correct` (all points), `partial`, `wrong` (answered, no points), `unanswered` (answers
 * still null), `error` (one of its cells failed: compile error, throw, timeout, crash — no points), `missing` (no
 * code cell in the submission) or `not-run` (the submission's time ran out, or its kernel could not start).
 */
export type ExerciseStatus = "correct" | "partial" | "wrong" | "unanswered" | "error" | "missing" | "not-run";

export interface PartGrade {
  name: string;
  points: number;
  max: number;
  /** Why the part earned nothing (absent when it earned its points). */
  feedback?: string;
}

export interface ExerciseGrade {
  exercise: number;
  title: string;
  points: number;
  max: number;
  status: ExerciseStatus;
  parts: PartGrade[];
  /** One line per problem, for the learner (empty when correct). */
  feedback: string[];
  /** The failing cell, when a cell failed: `lines` shows the offending line of a compile error, else its first lines. */
  cell: { index: number; label: string; lines: string[] } | null;
}

/** Scores every exercise of `key` from a run: points from the answers, or none when its cells failed. */
export function scoreSubmission(key: AssignmentKey, plan: SubmissionPlan, run: SubmissionRun | null): ExerciseGrade[] {
  const cellsOf = new Map(plan.exercises.map((e) => [e.exercise, e.cells]));
  return key.exercises.map((ex) => {
    const base = { exercise: ex.exercise, title: ex.title, points: 0, max: ex.points, parts: noPoints(ex), cell: null };
    const cells = cellsOf.get(ex.exercise);
    if (!cells) {
      return { ...base, status: "missing", feedback: [`no code cell of exercise ${ex.exercise} in the submission (deleted, or its cell metadata was removed)`] };
    }
    const failed = cells.map((i) => run?.cells.get(i)).find((c): c is CellResult => c?.status === "error");
    const state = run?.exercises.get(ex.exercise);
    if (failed) {
      const [error] = failed.errors;
      const lines = [`cell [${failed.index}] (${failed.label}) failed: ${error.ename}: ${error.evalue.split("\n")[0]}`];
      if (state && state.state === "crashed") lines.push(state.reason);
      const offending = error.ename === "CompileError" ? error.traceback.filter((l) => l.startsWith("    ")).map((l) => l.slice(4)).slice(0, 2) : [];
      const shown = offending.length > 0 ? offending : failed.firstLines;
      return { ...base, status: "error", feedback: lines, cell: { index: failed.index, label: failed.label, lines: shown } };
    }
    if (!state || state.state !== "read") {
      const status = state?.state === "crashed" ? "error" : "not-run";
      return { ...base, status, feedback: [state?.reason ?? "not run"] };
    }
    const parts = ex.parts.map((part): PartGrade => {
      const verdict = part.check(state.answers);
      return verdict.ok ? { name: part.name, points: part.points, max: part.points } : { name: part.name, points: 0, max: part.points, feedback: verdict.feedback };
    });
    const points = parts.reduce((sum, p) => sum + p.points, 0);
    const unanswered = ex.answers.every((name) => {
      const read = state.answers[name];
      return read?.ok === true && (read.value === null || read.value === undefined);
    });
    const status = points === ex.points ? "correct" : points > 0 ? "partial" : unanswered ? "unanswered" : "wrong";
    const feedback = [...new Set(parts.flatMap((p) => (p.feedback ? [p.feedback] : [])))];
    return { ...base, points, status, parts, feedback };
  });
}

function noPoints(ex: ExerciseKey): PartGrade[] {
  return ex.parts.map((p) => ({ name: p.name, points: 0, max: p.points }));
}
