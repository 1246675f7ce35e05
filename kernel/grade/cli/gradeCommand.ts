import * as path from "path";
import { LibraryBuildError } from "../../lib/ensureLibrary";
import { UsageError } from "../../cli/parseRunArgs";
import type { CommandIO } from "../../cli/runCommand";
import { writeFileAtomic } from "../../run/writeFileAtomic";
import { maxPoints } from "../key/answerKey";
import { LOSS_FUNCTIONS_KEY } from "../key/lossFunctionsKey";
import { gradeBatch } from "../run/gradeBatch";
import { expandSubmissions, GRADE_USAGE, parseGradeArgs } from "./parseGradeArgs";
import { formatGrades, reason } from "./formatGrades";
import { createGradeProgress } from "./gradeProgress";
import { toCsv } from "./toCsv";
import { toGradeJunit } from "./toGradeJunit";

/**
 * `losslab grade <submission…>`: grades each submission of the exercises notebook in its own sandboxed kernel and
 * prints a table per submission (or JSON); returns 0 when every submission was graded, 1 when one could not be
 * (not a notebook, not this assignment, no kernel), 2 on bad usage or a library that does not compile.
 */
export async function gradeCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout.write(`${GRADE_USAGE}\n`);
    return 0;
  }
  let args;
  let files;
  try {
    args = parseGradeArgs(argv);
    files = expandSubmissions(args.submissions, io.cwd);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`losslab grade: ${e.message}\n${GRADE_USAGE}\n`);
    return 2;
  }
  const key = LOSS_FUNCTIONS_KEY;
  const progress = createGradeProgress(io.stderr, files.length);
  let grades;
  try {
    grades = await gradeBatch(files, key, {
      root: io.projectRoot,
      jobs: args.jobs,
      cellTimeoutMs: args.cellTimeoutMs,
      submissionTimeoutMs: args.submissionTimeoutMs,
      onDone: (grade, done) => progress.done(grade, done),
    });
  } catch (e) {
    if (!(e instanceof LibraryBuildError)) throw e;
    io.stderr.write(`losslab grade: ${e.message}\n`);
    return 2;
  } finally {
    progress.finish();
  }
  const exitCode = grades.every((g) => g.status === "graded") ? 0 : 1;
  for (const g of grades) if (g.error) io.stderr.write(`losslab grade: ${g.file}: ${reason(g)}\n`);
  if (args.csv) writeFileAtomic(path.resolve(io.cwd, args.csv), toCsv(grades, key));
  if (args.junit) writeFileAtomic(path.resolve(io.cwd, args.junit), toGradeJunit(grades));
  const report = { assignment: key.notebook, max: maxPoints(key), exitCode, submissions: grades };
  io.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatGrades(grades, key));
  return exitCode;
}
