import { describe, expect, it } from "vitest";
import { planSubmission } from "../../kernel/grade/run/planSubmission";
import { runSubmission, type RunSubmissionOptions } from "../../kernel/grade/run/runSubmission";
import { scoreSubmission } from "../../kernel/grade/run/scoreSubmission";
import { code, MINI_KEY, miniSubmission } from "./support/miniAssignment";
import { scriptedKernels, type CellScript } from "./support/scriptedKernel";

const boom = { ename: "TypeError", evalue: "x is not a function", traceback: [] };
const options: RunSubmissionOptions = { cellTimeoutMs: 1000, submissionTimeoutMs: 10_000, readTimeoutMs: 50 };
const right: Record<string, CellScript> = { ex1: { sets: { x1: 1 } }, ex2: { sets: { x2: 2 } }, ex3: { sets: { x3: 3 } } };

async function grade(scripts: Record<string, CellScript>, nb = miniSubmission(), opts = options, failStart?: typeof boom) {
  const plan = planSubmission(nb, MINI_KEY);
  const { factory, log } = scriptedKernels(scripts, { failStart });
  const run = await runSubmission(nb, plan, MINI_KEY, factory, opts);
  const grades = scoreSubmission(MINI_KEY, plan, run);
  return { run, log, grades, points: grades.map((g) => g.points), statuses: grades.map((g) => g.status) };
}

describe("runSubmission", () => {
  it("runs the set-up, then each exercise's cells followed by reading its answers, in one kernel", async () => {
    const { log, points, statuses } = await grade(right);
    expect(log).toEqual(["1 start", "1 execute 1", "1 execute 3", "1 read x1", "1 execute 5", "1 read x2", "1 execute 7", "1 read x3", "1 drain", "1 close"]);
    expect(points).toEqual([1, 2, 3]);
    expect(statuses).toEqual(["correct", "correct", "correct"]);
  });

  it("lets a failing cell cost its own exercise only, and says which cell failed and why", async () => {
    const { grades, points } = await grade({ ...right, ex2: { sets: { x2: 2 }, errors: [boom] } });
    expect(points).toEqual([1, 0, 3]);
    expect(grades[1]).toMatchObject({ status: "error", feedback: ["cell [5] (exercise 2 scaffold) failed: TypeError: x is not a function"], cell: { index: 5 } });
  });

  it("restarts a dead kernel, replays the cells that ran without error, and goes on with the next exercise", async () => {
    const scripts = { ...right, ex1: { sets: { x1: 1 }, errors: [boom] }, ex2: { dies: true } };
    const { log, run, points, grades } = await grade(scripts);
    expect(log).toEqual([
      "1 start", "1 execute 1", "1 execute 3", "1 read x1", "1 execute 5", "1 close",
      "2 start", "2 execute 1", "2 execute 7", "2 read x3", "2 drain", "2 close", // exercise 1 failed: not replayed
    ]);
    expect(run.kernelStarts).toBe(2);
    expect(points).toEqual([0, 0, 3]);
    expect(grades[1].feedback).toEqual([
      "cell [5] (exercise 2 scaffold) failed: KernelDied: the kernel process ended (signal SIGKILL)",
      "the kernel died while running this exercise; the other exercises ran in a fresh kernel",
    ]);
  });

  it("counts a late error (a timer's throw) against the exercise whose cell started it", async () => {
    const { points, grades } = await grade({ ...right, ex3: { sets: { x3: 3 }, lateErrorFor: { cell: 3, error: boom } } });
    expect(points).toEqual([0, 2, 3]);
    expect(grades[0].status).toBe("error");
  });

  it("treats a kernel that stops answering while its answers are read as hung: that exercise only", async () => {
    const { points, grades, run } = await grade({ ...right, ex1: { sets: { x1: 1 }, blocks: true } });
    expect(points).toEqual([0, 2, 3]);
    expect(grades[0].feedback[0]).toMatch(/^its answers could not be read: the kernel stopped responding \(no reply within 0\.1 s\)/);
    expect(run.kernelStarts).toBe(2);
  });

  it("gives up after the most kernel starts it allows, and says so for the exercises left", async () => {
    const scripts = { ex1: { dies: true }, ex2: { dies: true }, ex3: { sets: { x3: 3 } } };
    const { grades, run } = await grade(scripts, miniSubmission(), { ...options, maxStarts: 2 });
    expect(run.kernelStarts).toBe(2);
    expect(grades.map((g) => g.status)).toEqual(["error", "error", "not-run"]);
    expect(grades[2].feedback).toEqual(["not run: the kernel died 2 times"]);
  });

  it("reports a kernel that cannot start, and runs nothing", async () => {
    const failStart = { ename: "KernelStartError", evalue: "the library did not load", traceback: [] };
    const { run, log } = await grade(right, miniSubmission(), options, failStart);
    expect(run.startError).toEqual(failStart);
    expect(log).toEqual(["1 start", "1 close"]);
  });

  it("scores an untouched scaffold as unanswered and a missing exercise as missing", async () => {
    const nb = miniSubmission([1, 3]);
    nb.cells.push(code("extra")); // a cell the learner added after exercise 3: it belongs to exercise 3
    const { grades, log } = await grade({ ex1: { sets: { x1: null } }, ex3: { sets: { x3: 3 } } }, nb);
    expect(grades.map((g) => [g.status, g.points])).toEqual([["unanswered", 0], ["missing", 0], ["correct", 3]]);
    expect(log).toContain("1 execute 6");
    expect(log.indexOf("1 execute 6")).toBeLessThan(log.indexOf("1 read x3"));
  });
});
