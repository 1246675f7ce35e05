import type { ReadResult } from "../../exec/plainData";
import type { Tolerance, Verdict } from "./compareAnswer";

/** The learner's answer variables as read out of its kernel, by name. */
export type Answers = Readonly<Record<string, ReadResult>>;

/** One scored part of an exercise (e.g. "the MSE value"): its points and how to check it. */
export interface PartKey {
  name: string;
  points: number;
  check(answers: Answers): Verdict;
}

/** One exercise: its number and title as in the notebook, its points (the original's ★), answers and parts. */
export interface ExerciseKey {
  exercise: number;
  title: string;
  /** ★ = 1, ★★ = 2, ★★★ = 3: the sum of the parts' points. */
  points: number;
  /** The answer variables read after the exercise's cells (the notebook's `metadata.losslab.answers`). */
  answers: readonly string[];
  parts: readonly PartKey[];
}

/** Everything the grader knows about an assignment; expected values are computed by the grader itself. */
export interface AssignmentKey {
  /** The source notebook's file name, for messages. */
  notebook: string;
  tolerance: Tolerance;
  exercises: readonly ExerciseKey[];
}

/** The most an assignment gives. */
export const maxPoints = (key: AssignmentKey) => key.exercises.reduce((sum, e) => sum + e.points, 0);

/** Adds `hint` to a wrong verdict when `applies` (a common mistake recognised from the answers). */
export function withHint(verdict: Verdict, applies: boolean, hint: string): Verdict {
  return verdict.ok || !applies ? verdict : { ok: false, feedback: `${verdict.feedback}. Hint: ${hint}` };
}
