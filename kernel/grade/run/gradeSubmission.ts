import { NotebookError } from "../../notebook/NotebookError";
import type { Kernel, KernelEvents } from "../../run/startKernel";
import { readNotebookFile } from "../../run/runFile";
import { maxPoints, type AssignmentKey } from "../key/answerKey";
import { planSubmission, SubmissionRejected, type SubmissionPlan } from "./planSubmission";
import { runSubmission, type RunSubmissionOptions, type SubmissionRun } from "./runSubmission";
import { scoreSubmission, type ExerciseGrade } from "./scoreSubmission";

/**
 * One submission's grade. `status`: `graded` (scored, whatever the score), `rejected` (not a notebook of this
 * assignment: `error` says why) or `failed` (the kernel could not start, nothing was scored).
 */
export interface SubmissionGrade {
  file: string;
  status: "graded" | "rejected" | "failed";
  /** NOT_FOUND, UNREADABLE, MALFORMED_JSON, NOT_A_NOTEBOOK, UNSUPPORTED_VERSION, NOT_THIS_ASSIGNMENT or KERNEL_START. */
  error: { code: string; message: string } | null;
  score: number;
  max: number;
  exercises: ExerciseGrade[];
  /** Remarks for the teacher: a failed set-up cell, restarts, huge output, solution cells left in … */
  notes: string[];
  seconds: number;
}

export interface GradeSubmissionOptions extends RunSubmissionOptions {
  /** Also run the plot cells (the release check does; grading skips them). */
  runPlots?: boolean;
}

const MB = 1_000_000;

/** Reads, checks and grades one submission file; never throws for a bad file (it is `rejected`). */
export async function gradeSubmission(
  file: string,
  name: string,
  key: AssignmentKey,
  startKernel: (events: KernelEvents) => Kernel,
  options: GradeSubmissionOptions,
): Promise<SubmissionGrade> {
  const started = Date.now();
  const result = (fields: Partial<SubmissionGrade>): SubmissionGrade => ({
    file: name,
    status: "graded",
    error: null,
    score: 0,
    max: maxPoints(key),
    exercises: [],
    notes: [],
    seconds: Math.round(Date.now() - started) / 1000,
    ...fields,
  });
  let notebook;
  let plan;
  try {
    notebook = readNotebookFile(file, name);
    plan = planSubmission(notebook, key, { runPlots: options.runPlots });
  } catch (e) {
    if (e instanceof NotebookError || e instanceof SubmissionRejected) {
      const message = e instanceof SubmissionRejected ? `${name}: ${e.message}` : e.message;
      return result({ status: "rejected", error: { code: e.code, message } });
    }
    throw e;
  }
  const run = plan.exercises.length > 0 ? await runSubmission(notebook, plan, key, startKernel, options) : null;
  if (run?.startError) {
    const message = `${name}: the kernel could not start: ${run.startError.ename}: ${run.startError.evalue}`;
    return result({ status: "failed", error: { code: "KERNEL_START", message } });
  }
  const exercises = scoreSubmission(key, plan, run);
  return result({ exercises, score: exercises.reduce((sum, e) => sum + e.points, 0), notes: [...plan.notes, ...runNotes(plan, run, options)] });
}

function runNotes(plan: SubmissionPlan, run: SubmissionRun | null, options: RunSubmissionOptions): string[] {
  if (!run) return [];
  const notes: string[] = [];
  for (const index of plan.preamble) {
    const cell = run.cells.get(index);
    if (cell?.status !== "error") continue;
    const [error] = cell.errors;
    notes.push(`cell [${cell.index}] (${cell.label}) failed: ${error.ename}: ${error.evalue.split("\n")[0]} — exercises that use what it defines fail too`);
  }
  if (run.kernelStarts > 1) notes.push(`the kernel was restarted ${run.kernelStarts - 1} time${run.kernelStarts === 2 ? "" : "s"} after it died or hung`);
  if (run.ms >= options.submissionTimeoutMs) notes.push(`the submission used up its ${options.submissionTimeoutMs / 1000} s`);
  if (run.outputChars > MB) notes.push(`it printed ${(run.outputChars / MB).toFixed(1)} MB of output (output is not used for grading)`);
  return notes;
}
