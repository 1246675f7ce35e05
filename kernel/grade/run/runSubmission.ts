import type { ErrorInfo } from "../../exec/errorInfo";
import type { ReadResult } from "../../exec/plainData";
import { describeCell } from "../../notebook/losslabMeta";
import { firstLines, joinSource } from "../../notebook/source";
import type { Notebook } from "../../notebook/types";
import type { Kernel, KernelEvents } from "../../run/startKernel";
import { KernelError } from "../../run/startKernel";
import type { AssignmentKey } from "../key/answerKey";
import type { SubmissionPlan } from "./planSubmission";
import { readAnswers } from "./readAnswers";

/** What happened to one code cell the grader ran. */
export interface CellResult {
  index: number;
  label: string;
  status: "ok" | "error" | "not-run";
  errors: ErrorInfo[];
  firstLines: string[];
}

/** An exercise's answers as read after its cells, or why they were not read. */
export type ExerciseRun =
  | { exercise: number; state: "read"; answers: Record<string, ReadResult> }
  | { exercise: number; state: "crashed" | "not-run"; reason: string };

export interface SubmissionRun {
  cells: Map<number, CellResult>;
  exercises: Map<number, ExerciseRun>;
  /** The kernel could not start at all: nothing ran. */
  startError: ErrorInfo | null;
  kernelStarts: number;
  /** Characters the notebook printed (ignored for grading, reported when large). */
  outputChars: number;
  ms: number;
}

export interface RunSubmissionOptions {
  /** Per-cell limit (the kernel's start-up, with the library's compilation, has its own). */
  cellTimeoutMs: number;
  submissionTimeoutMs: number;
  /** Most kernel starts for one submission (the first, and restarts after crashes; default 4). */
  maxStarts?: number;
  /** How long reading an exercise's answers may take before the kernel counts as hung (default 5 s). */
  readTimeoutMs?: number;
}

const DRAIN_MS = 300;

class Deadline extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const seconds = Number((Math.max(0, ms) / 1000).toFixed(1));
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Deadline(`no reply within ${seconds} s`)), Math.max(0, ms))));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const errorOf = (e: unknown): ErrorInfo =>
  e instanceof KernelError ? e.info : { ename: e instanceof Deadline ? "TimeoutError" : "Error", evalue: String(e instanceof Error ? e.message : e), traceback: [] };

/**
 * Runs a planned submission in sandboxed kernels: the preamble, then each exercise's cells followed by reading its
 * answers as plain data. A failing cell costs its exercise only: the next cells still run. When the kernel dies (a
 * crash, a hang that had to be killed), a fresh kernel replays the cells that ran without error (preamble and the
 * finished exercises) and goes on with the next exercise. Late errors (a timer's throw) count against the cell
 * that started them. Everything is bounded by the per-cell and per-submission limits.
 */
export async function runSubmission(
  notebook: Notebook,
  plan: SubmissionPlan,
  key: AssignmentKey,
  startKernel: (events: KernelEvents) => Kernel,
  options: RunSubmissionOptions,
): Promise<SubmissionRun> {
  const started = Date.now();
  const deadline = started + options.submissionTimeoutMs;
  const left = () => deadline - Date.now();
  const answersOf = new Map(key.exercises.map((e) => [e.exercise, [...e.answers]]));
  const run: SubmissionRun = { cells: new Map(), exercises: new Map(), startError: null, kernelStarts: 0, outputChars: 0, ms: 0 };
  for (const index of [...plan.preamble, ...plan.exercises.flatMap((e) => e.cells)]) {
    const cell = notebook.cells[index];
    run.cells.set(index, { index, label: describeCell(cell), status: "not-run", errors: [], firstLines: firstLines(cell.source, 3) });
  }
  const fail = (index: number, error: ErrorInfo) => {
    const cell = run.cells.get(index);
    if (!cell) return;
    cell.status = "error";
    cell.errors.push(error);
  };
  const stop = (state: "crashed" | "not-run", reason: string) => (exercise: number) => run.exercises.set(exercise, { exercise, state, reason });

  const queue = [...plan.exercises];
  const replay: number[] = [];
  let firstStart = true;
  while (queue.length > 0 || firstStart) {
    const remainingExercises = () => queue.map((e) => e.exercise);
    if (left() <= 0) {
      remainingExercises().forEach(stop("not-run", `not run: the submission used up its ${options.submissionTimeoutMs / 1000} s`));
      break;
    }
    if (run.kernelStarts >= (options.maxStarts ?? 4)) {
      remainingExercises().forEach(stop("not-run", `not run: the kernel died ${run.kernelStarts} times`));
      break;
    }
    run.kernelStarts += 1;
    const fresh = new Set<number>(); // cells run (not replayed) by this kernel: only their late errors count
    const kernel = startKernel({
      stream: (_cell, _name, text) => void (run.outputChars += text.length),
      display: () => {},
      lateError: (cell, error) => void (fresh.has(cell) && fail(cell, error)),
    });
    const execute = (index: number) =>
      kernel.execute(index, joinSource(notebook.cells[index].source), Math.max(1, Math.min(left(), options.cellTimeoutMs)));
    try {
      await within(kernel.ready(), left());
    } catch (e) {
      await kernel.close();
      if (firstStart) run.startError = errorOf(e);
      remainingExercises().forEach(stop("not-run", `not run: the kernel could not start (${errorOf(e).evalue})`));
      break;
    }

    for (const index of firstStart ? plan.preamble : replay) {
      if (firstStart) fresh.add(index);
      const outcome = await execute(index);
      if (firstStart) {
        const cell = run.cells.get(index) as CellResult;
        if (cell.status === "not-run") cell.status = "ok";
        outcome.errors.forEach((error) => fail(index, error));
        if (outcome.ok && kernel.alive) replay.push(index);
      }
      if (!kernel.alive || left() <= 0) break;
    }
    firstStart = false;

    while (queue.length > 0 && kernel.alive && left() > 0) {
      const exercise = queue[0];
      for (const index of exercise.cells) {
        fresh.add(index);
        const outcome = await execute(index);
        const cell = run.cells.get(index) as CellResult;
        if (cell.status === "not-run") cell.status = "ok";
        outcome.errors.forEach((error) => fail(index, error));
        if (!kernel.alive || left() <= 0) break;
      }
      if (!kernel.alive) {
        stop("crashed", "the kernel died while running this exercise; the other exercises ran in a fresh kernel")(exercise.exercise);
        queue.shift();
        break;
      }
      if (exercise.cells.some((i) => run.cells.get(i)?.status === "not-run")) break; // out of time: reported above
      try {
        const values = await within(kernel.read(answersOf.get(exercise.exercise) ?? []), Math.min(options.readTimeoutMs ?? 5000, Math.max(left(), 1000)));
        run.exercises.set(exercise.exercise, { exercise: exercise.exercise, state: "read", answers: readAnswers(answersOf.get(exercise.exercise) ?? [], values) });
        if (exercise.cells.every((i) => run.cells.get(i)?.status === "ok")) replay.push(...exercise.cells);
      } catch (e) {
        const why = `its answers could not be read: the kernel stopped responding (${errorOf(e).evalue}); the other exercises ran in a fresh kernel`;
        stop("crashed", why)(exercise.exercise);
        await kernel.close();
      }
      queue.shift();
    }
    if (kernel.alive && queue.length === 0) await within(kernel.drain(DRAIN_MS), DRAIN_MS + 2000).catch(() => kernel.close());
    await kernel.close();
  }
  run.ms = Date.now() - started;
  return run;
}
