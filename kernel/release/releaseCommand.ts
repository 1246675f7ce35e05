import * as path from "path";
import { UsageError } from "../cli/parseRunArgs";
import type { CommandIO } from "../cli/runCommand";
import { LOSS_FUNCTIONS_KEY } from "../grade/key/lossFunctionsKey";
import { gradeBatch } from "../grade/run/gradeBatch";
import type { SubmissionGrade } from "../grade/run/gradeSubmission";
import { NotebookError } from "../notebook/NotebookError";
import { serializeNotebook } from "../notebook/serializeNotebook";
import { readNotebookFile } from "../run/runFile";
import { writeFileAtomic } from "../run/writeFileAtomic";
import { ReleaseError, releaseNotebook } from "./releaseNotebook";

export const RELEASE_USAGE = `usage: losslab release <notebook.ipynb> [--out <dir>] [--no-check]
  Writes the student version to <dir>/<same file name>: solution cells removed, outputs cleared, a "How to
  submit" cell added. Then checks it: every code cell (plots included) runs without an error in the grader's
  sandbox, and it grades 0 points.
  --out <dir>     where the student version goes (default build/release)
  --no-check      skip the check run
exit code: 0 released (and checked), 1 the check failed, 2 bad usage or a notebook that cannot be released`;

function parse(argv: readonly string[]): { notebook: string; out: string; check: boolean } {
  const args = { notebook: "", out: "build/release", check: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--no-check") args.check = false;
    else if (arg === "--out" || arg.startsWith("--out=")) {
      const value = arg === "--out" ? argv[++i] : arg.slice("--out=".length);
      if (!value || value.startsWith("--")) throw new UsageError("--out needs a value");
      args.out = value;
    } else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else if (args.notebook) throw new UsageError("release takes one notebook");
    else args.notebook = arg;
  }
  if (!args.notebook) throw new UsageError("no notebook given");
  return args;
}

/** Why a checked release is not fit to hand out (empty when it is). */
export function releaseProblems(grade: SubmissionGrade): string[] {
  if (grade.status !== "graded") return [grade.error?.message ?? `it was not graded (${grade.status})`];
  const problems = grade.exercises.flatMap((e) =>
    e.status === "error" || e.status === "missing" || e.status === "not-run" ? [`exercise ${e.exercise}: ${e.feedback.join("; ")}`] : [],
  );
  problems.push(...grade.notes.filter((n) => n.startsWith("cell [")));
  if (grade.score !== 0) problems.push(`it grades ${grade.score}/${grade.max}, not 0: a scaffold already answers`);
  return problems;
}

/** `losslab release <notebook> --out <dir>`: writes the student version, then checks it runs and grades 0. */
export async function releaseCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout.write(`${RELEASE_USAGE}\n`);
    return 0;
  }
  let args;
  let released;
  try {
    args = parse(argv);
    released = releaseNotebook(readNotebookFile(path.resolve(io.cwd, args.notebook), args.notebook));
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof NotebookError || e instanceof ReleaseError)) throw e;
    const usage = e instanceof UsageError ? `\n${RELEASE_USAGE}` : "";
    io.stderr.write(`losslab release: ${e.message}${usage}\n`);
    return 2;
  }
  const output = path.resolve(io.cwd, args.out, path.basename(args.notebook));
  if (output === path.resolve(io.cwd, args.notebook)) {
    io.stderr.write("losslab release: the student version would overwrite the instructor notebook: choose another --out\n");
    return 2;
  }
  writeFileAtomic(output, serializeNotebook(released));
  const shown = path.relative(io.cwd, output) || output;
  io.stdout.write(`released ${shown} (${released.cells.length} cells, solutions removed)\n`);
  if (!args.check) return 0;

  const [grade] = await gradeBatch([{ path: output, name: shown }], LOSS_FUNCTIONS_KEY, {
    root: io.projectRoot,
    jobs: 1,
    cellTimeoutMs: 60_000,
    submissionTimeoutMs: 300_000,
    runPlots: true,
  });
  if (grade.error?.code === "NOT_THIS_ASSIGNMENT") {
    io.stdout.write(`not checked: the grader's answer key is for ${LOSS_FUNCTIONS_KEY.notebook}\n`);
    return 0;
  }
  const problems = releaseProblems(grade);
  if (problems.length > 0) {
    io.stderr.write(`losslab release: the student version does not pass its check:\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
    return 1;
  }
  io.stdout.write(`checked: every code cell runs without an error, and it grades 0/${grade.max}\n`);
  return 0;
}
