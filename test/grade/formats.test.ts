import { describe, expect, it } from "vitest";
import { UsageError } from "../../kernel/cli/parseRunArgs";
import { formatGrades } from "../../kernel/grade/cli/formatGrades";
import { createGradeProgress } from "../../kernel/grade/cli/gradeProgress";
import { parseGradeArgs } from "../../kernel/grade/cli/parseGradeArgs";
import { toCsv } from "../../kernel/grade/cli/toCsv";
import { toGradeJunit } from "../../kernel/grade/cli/toGradeJunit";
import type { SubmissionGrade } from "../../kernel/grade/run/gradeSubmission";
import type { ExerciseGrade } from "../../kernel/grade/run/scoreSubmission";
import { MINI_KEY } from "./support/miniAssignment";

const ex = (exercise: number, points: number, fields: Partial<ExerciseGrade> = {}): ExerciseGrade => ({
  exercise,
  title: `Exercise ${exercise}`,
  points,
  max: exercise,
  status: points === exercise ? "correct" : "wrong",
  parts: [],
  feedback: points === exercise ? [] : [`\`x${exercise}\` = 0, expected ${exercise}`],
  cell: null,
  ...fields,
});

const alice: SubmissionGrade = {
  file: "subs/alice.ipynb",
  status: "graded",
  error: null,
  score: 4,
  max: 6,
  exercises: [ex(1, 1), ex(2, 0, { status: "error", feedback: ["cell [5] (exercise 2 scaffold) failed: Error: a, b"], cell: { index: 5, label: "exercise 2 scaffold", lines: ["// Your Solution"] } }), ex(3, 3)],
  notes: ['it printed "a lot", really'],
  seconds: 2.5,
};
const bob: SubmissionGrade = {
  file: "subs/bob.ipynb",
  status: "rejected",
  error: { code: "MALFORMED_JSON", message: "subs/bob.ipynb: not valid JSON (Unexpected token 'x',\n\"x\" is not valid JSON)" },
  score: 0,
  max: 6,
  exercises: [],
  notes: [],
  seconds: 0,
};

describe("grade reports", () => {
  it("CSV: one row per submission, one column per exercise, quoted where needed", () => {
    expect(toCsv([alice, bob], MINI_KEY).split("\r\n")).toEqual([
      "submission,score,max,status,ex1 Exercise 1 (1),ex2 Exercise 2 (2),ex3 Exercise 3 (3),message",
      'subs/alice.ipynb,4,6,graded,1,0,3,"it printed ""a lot"", really"',
      `subs/bob.ipynb,,6,rejected,,,,"subs/bob.ipynb: not valid JSON (Unexpected token 'x',\n""x"" is not valid JSON)"`,
      "",
    ]);
  });

  it("JUnit: a testsuite per submission, a failing testcase per exercise short of its points, an error when not graded", () => {
    const xml = toGradeJunit([alice, bob]);
    expect(xml).toContain('<testsuites name="losslab grade" tests="4" failures="1" errors="1">');
    expect(xml).toContain('<testsuite name="alice.ipynb" tests="3" failures="1" errors="0" time="2.500">');
    expect(xml).toContain('<testcase classname="alice.ipynb" name="exercise 1: Exercise 1 (1/1)"/>');
    expect(xml).toContain('<failure type="error" message="cell [5] (exercise 2 scaffold) failed: Error: a, b">cell [5] (exercise 2 scaffold) failed: Error: a, b\n| // Your Solution</failure>');
    expect(xml).toContain('<error type="MALFORMED_JSON" message="subs/bob.ipynb: not valid JSON (Unexpected token \'x\',\n&quot;x&quot; is not valid JSON)"/>');
  });

  it("text: a table per submission with each exercise's points, status and feedback, then a summary", () => {
    const text = formatGrades([alice, bob], MINI_KEY);
    expect(text).toContain("subs/alice.ipynb: 4/6\n");
    expect(text).toContain("  2  Exercise 2     0/2  error    cell [5] (exercise 2 scaffold) failed: Error: a, b\n                                    | // Your Solution\n");
    expect(text).toContain('  note: it printed "a lot", really');
    expect(text).toContain(`subs/bob.ipynb: NOT GRADED (MALFORMED_JSON): not valid JSON (Unexpected token 'x', "x" is not valid JSON)`);
    expect(text).toMatch(/alice\.ipynb\s+4\/6\s+1\s+0\s+3\s+graded \(1 note\)/);
  });
});

describe("parseGradeArgs", () => {
  it("reads the options and the submissions in any order", () => {
    const args = parseGradeArgs(["a.ipynb", "--jobs", "3", "--csv=out.csv", "--junit", "j.xml", "--json", "--timeout", "2.5", "--submission-timeout", "60", "b"]);
    expect(args).toEqual({ submissions: ["a.ipynb", "b"], json: true, csv: "out.csv", junit: "j.xml", jobs: 3, cellTimeoutMs: 2500, submissionTimeoutMs: 60_000 });
  });

  it("refuses bad usage with a UsageError that says what is wrong", () => {
    const message = (argv: string[]) => {
      try {
        parseGradeArgs(argv);
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        return (e as Error).message;
      }
      return "accepted";
    };
    expect(message([])).toBe("no submission given");
    expect(message(["a", "--jobs", "0"])).toBe("--jobs must be a whole number ≥ 1 (got 0)");
    expect(message(["a", "--timeout", "-1"])).toBe("--timeout must be a number of seconds > 0 (got -1)");
    expect(message(["a", "--csv"])).toBe("--csv needs a value");
    expect(message(["a", "--frobnicate"])).toBe("unknown option --frobnicate");
  });
});

describe("the progress bar", () => {
  it("redraws one line on a terminal and clears it at the end; prints nothing elsewhere", () => {
    const written: string[] = [];
    const tty = { isTTY: true, columns: 80, write: (s: string) => written.push(s) };
    const progress = createGradeProgress(tty, 2);
    progress.done(alice, 1);
    progress.done(bob, 2);
    progress.finish();
    expect(written).toEqual([
      "\r\x1b[Kgrading [------------------------] 0/2  ",
      "\r\x1b[Kgrading [############------------] 1/2  alice.ipynb 4/6",
      "\r\x1b[Kgrading [########################] 2/2  bob.ipynb not graded",
      "\r\x1b[K",
    ]);
    const log: string[] = [];
    const pipe = createGradeProgress({ isTTY: false, write: (s: string) => log.push(s) }, 2);
    pipe.done(alice, 1);
    pipe.finish();
    expect(log).toEqual([]);
  });
});
