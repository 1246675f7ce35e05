// One real grading batch, shared by every assertion below: `losslab grade` (a child process, as a teacher runs it)
// over the instructor notebook, the submission fixtures (test/grade/fixtures, built by buildFixtures.ts) and bad
// input, with two jobs, JSON on stdout, CSV and JUnit files.
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SubmissionGrade } from "../../kernel/grade/run/gradeSubmission";
import { root, runCli, type CliRun } from "../kernel/support/cli";

const FIXTURES = path.join(root, "test", "grade", "fixtures");
const INSTRUCTOR = "notebooks/loss-functions-exercises.ipynb";
const SUBMISSIONS = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".ipynb")).map((f) => `test/grade/fixtures/${f}`);
const BAD = fs.readdirSync(path.join(FIXTURES, "bad")).map((f) => `test/grade/fixtures/bad/${f}`);
const CANARY = "/tmp/losslab-grade-canary.txt";
const OUTSIDE = ["/tmp/losslab-grade-outside.txt", "/tmp/losslab-grade-spawned.txt"];

const digest = (files: string[]) => {
  const hash = createHash("sha256");
  for (const f of files) hash.update(f).update(fs.readFileSync(path.join(root, f)));
  return hash.digest("hex");
};

let dir: string;
let cli: CliRun;
let report: { assignment: string; max: number; exitCode: number; submissions: SubmissionGrade[] };
let before: string;
const grade = (name: string) => {
  const found = report.submissions.find((s) => path.basename(s.file) === name);
  if (!found) throw new Error(`no grade for ${name}`);
  return found;
};
const points = (g: SubmissionGrade) => g.exercises.map((e) => e.points);
const statuses = (g: SubmissionGrade) => g.exercises.map((e) => e.status);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "losslab-grade-test-"));
  fs.writeFileSync(CANARY, "the grader must not let a submission delete me\n");
  for (const f of OUTSIDE) fs.rmSync(f, { force: true });
  before = digest([INSTRUCTOR, ...SUBMISSIONS]);
  const args = [INSTRUCTOR, ...SUBMISSIONS, ...BAD, "test/grade/fixtures/no-such-file.ipynb"];
  fs.mkdirSync(path.join(dir, "tmp"));
  const reports = ["--json", "--csv", path.join(dir, "grades.csv"), "--junit", path.join(dir, "grades.xml")];
  cli = await runCli(["grade", ...args, ...reports, "--jobs", "2", "--timeout", "5"], { env: { TMPDIR: path.join(dir, "tmp") } });
  report = JSON.parse(cli.stdout);
}, 600_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(CANARY, { force: true });
});

describe("losslab grade, one batch", () => {
  it("grades every file it was given, says why it could not grade some (exit code 1), and leaves no process behind", () => {
    expect(report.submissions).toHaveLength(1 + SUBMISSIONS.length + BAD.length + 1);
    expect(cli.code).toBe(1);
    expect(report.exitCode).toBe(1);
    expect(cli.leftovers).toEqual([]);
    expect(fs.readdirSync(path.join(dir, "tmp")).filter((f) => f.startsWith("losslab-grade-"))).toEqual([]); // working folders removed
  });

  it("gives the instructor notebook 20/20", () => {
    const g = grade("loss-functions-exercises.ipynb");
    expect([g.status, g.score, g.max]).toEqual(["graded", 20, 20]);
    expect(statuses(g).every((s) => s === "correct")).toBe(true);
  });

  it("gives 20/20 to a correct submission written differently (loops, typed arrays, library calls, a helper cell)", () => {
    expect(grade("correct-alternative.ipynb")).toMatchObject({ status: "graded", score: 20, notes: [] });
  });

  it("scores a partly wrong submission exactly, with partial credit and feedback", () => {
    const g = grade("partly-wrong.ipynb");
    expect(g.score).toBe(5.5);
    expect(points(g)).toEqual([0.5, 1, 1, 1, 0, 2, 0, 0, 0, 0]);
    expect(statuses(g)).toEqual(["partial", "correct", "correct", "partial", "wrong", "correct", "wrong", "error", "unanswered", "wrong"]);
    expect(g.exercises[0].feedback[0]).toMatch(/^`grad` = \[1, -2, 4\], expected \[0\.3333333333, -0\.6666666667, 1\.333333333\]/);
    expect(g.exercises[3].feedback[0]).toMatch(/^`ce\[1\]` = Infinity, expected 2\.407605964 .* Hint: subtract each row's max/);
    expect(g.exercises[4].feedback[0]).toMatch(/Hint: divide by the number of valid tokens/);
    expect(g.exercises[7]).toMatchObject({ cell: { index: 27, label: "exercise 8 scaffold" } });
    expect(g.exercises[7].feedback[0]).toMatch(/^cell \[27\] \(exercise 8 scaffold\) failed: CompileError: .*Type 'string' is not assignable to type 'number'/);
    expect(g.exercises[8].feedback).toEqual(["`loss` is still null (not answered)"]);
  });

  it("gives a missing exercise nothing and says so, grading the rest", () => {
    const g = grade("missing-exercise.ipynb");
    expect([g.status, g.score]).toEqual(["graded", 18]);
    expect(g.exercises[5]).toMatchObject({ status: "missing", points: 0 });
  });
});

describe("tampering earns nothing it did not earn", () => {
  it("redefined checks, PASS lines printed by hand, getters, proxies, lying objects, 5 MB of output: only honest answers count", () => {
    const g = grade("tamper-lies.ipynb");
    expect(points(g)).toEqual([0, 0, 1, 0, 0, 0, 2, 3, 0, 0]);
    const said = g.exercises.map((e) => e.feedback[0] ?? "");
    expect(said[0]).toBe("`mse` is still null (not answered)");
    expect(said[1]).toBe("`huber[4]` is a getter: answers must be plain numbers, arrays or objects");
    expect(said[3]).toBe("`ce` is a Proxy: answers must be plain numbers, arrays or objects");
    expect(said[4]).toMatch(/^`maskedMean` = 0\.5, expected 0\.3333333333/); // the getter ran once, when tslab stored it
    expect(said[5]).toBe("`focal.toJSON` is a function, not plain data: answers must be plain numbers, arrays or objects");
    expect(said[8]).toBe("`loss` is an array of another prototype: answers must be plain numbers, arrays or objects");
    expect(said[9]).toBe("`shares` is an instance of a class, not plain data: answers must be plain numbers, arrays or objects");
    expect(g.notes).toContainEqual(expect.stringMatching(/^it printed 5\.\d MB of output \(output is not used for grading\)$/));
  });

  it("overwritten Math, JSON, Array.prototype and Object.prototype methods fool nothing: the answer is compared in the grader", () => {
    const g = grade("tamper-intrinsics.ipynb");
    expect(g.score).toBe(17);
    expect(g.exercises[9]).toMatchObject({ status: "wrong", points: 0 });
    expect(g.exercises[9].feedback[0]).toMatch(/^`shares` = \{ ce: 0\.5, kl: 0\.3, aux: 0\.2 \}, expected/);
  });

  it("an endless loop, process.exit, a throw from a timer, a rejection, a busy timer and a kill cost their own exercise", () => {
    const g = grade("tamper-crashes.ipynb");
    expect(points(g)).toEqual([1, 0, 0, 0, 0, 0, 0, 3, 3, 3]);
    const said = g.exercises.map((e) => e.feedback.join(" | "));
    expect(said[1]).toMatch(/^cell \[9\] \(exercise 2 scaffold\) failed: TimeoutError: the cell ran longer than 5 s/);
    expect(said[2]).toMatch(/failed: ProcessExitError: process\.exit\(0\) was called/);
    expect(said[3]).toMatch(/failed: Error: thrown from a timer/);
    expect(said[4]).toMatch(/failed: Error: rejected, and nobody handles it/);
    expect(said[5]).toMatch(/the kernel stopped responding|TimeoutError/);
    expect(said[6]).toMatch(/KernelDied: the kernel process ended \(signal SIGKILL\)/);
    expect(g.notes).toContainEqual(expect.stringMatching(/^the kernel was restarted 2 times/));
  });

  it("cannot write or delete outside its temporary folder, start a process or read the solutions; inside is fine", () => {
    const g = grade("tamper-files.ipynb");
    expect(points(g)).toEqual([1, 0, 1, 2, 2, 2, 2, 3, 3, 3]);
    expect(g.exercises[1].feedback[0]).toBe("cell [9] (exercise 2 scaffold) failed: Error: Access to this API has been restricted");
    expect(fs.existsSync(CANARY)).toBe(true);
    for (const f of OUTSIDE) expect(fs.existsSync(f)).toBe(false);
    expect(digest([INSTRUCTOR, ...SUBMISSIONS])).toBe(before); // nor change the submissions or the instructor notebook
  });
});

describe("bad input", () => {
  it("names each file that is not a submission of this assignment, with a code and a one-line reason", () => {
    const bad = (name: string) => [grade(name).status, grade(name).error?.code, grade(name).error?.message];
    expect(bad("not-json.ipynb")[1]).toBe("MALFORMED_JSON");
    expect(bad("python.ipynb")).toEqual(["rejected", "NOT_THIS_ASSIGNMENT", "test/grade/fixtures/bad/python.ipynb: not this assignment: a python notebook (kernel python3); loss-functions-exercises.ipynb is TypeScript"]);
    expect(bad("other-notebook.ipynb")[2]).toMatch(/not this assignment: it has no exercise cells/);
    expect(bad("foreign-exercises.ipynb")[2]).toMatch(/not this assignment: its exercise 1 asks for total; in loss-functions-exercises\.ipynb it asks for mse, grad$/);
    expect(bad("nbformat3.ipynb")[1]).toMatch(/^(NOT_A_NOTEBOOK|UNSUPPORTED_VERSION)$/);
    expect(bad("no-such-file.ipynb")).toEqual(["rejected", "NOT_FOUND", "test/grade/fixtures/no-such-file.ipynb: no such file"]);
    expect(cli.stderr).toContain("losslab grade: test/grade/fixtures/bad/python.ipynb: not this assignment");
  });
});

describe("reports", () => {
  it("CSV: a header and one row per submission, one column per exercise", () => {
    const rows = fs.readFileSync(path.join(dir, "grades.csv"), "utf8").trimEnd().split("\r\n");
    expect(rows[0]).toBe(
      "submission,score,max,status,ex1 MSE gradient (1),ex2 Huber loss (1),ex3 BCE from logits (1),ex4 Stable softmax CE (2),ex5 Masked sequence loss (2),ex6 Focal loss (2),ex7 InfoNCE (2),ex8 Triplet loss (3),ex9 Preference loss (3),ex10 Loss balancing (3),message",
    );
    expect(rows).toHaveLength(1 + report.submissions.length);
    expect(rows).toContain("test/grade/fixtures/partly-wrong.ipynb,5.5,20,graded,0.5,1,1,1,0,2,0,0,0,0,");
  });

  it("JUnit: a testsuite per submission and a testcase per exercise", () => {
    const xml = fs.readFileSync(path.join(dir, "grades.xml"), "utf8");
    expect(xml.match(/<testsuite /g)).toHaveLength(report.submissions.length);
    expect(xml).toContain('<testcase classname="partly-wrong.ipynb" name="exercise 2: Huber loss (1/1)"/>');
  });
});
