import * as fs from "fs";
import * as path from "path";
import type { FileResult } from "../run/runFile";
import type { CellProgress } from "../run/runNotebook";
import { runFile } from "../run/runFile";
import type { KernelChild } from "../run/forkKernel";
import { createKernelSupply } from "../run/kernelSupply";
import { startKernel, type KernelFactory } from "../run/startKernel";
import { writeFileAtomic } from "../run/writeFileAtomic";
import { formatSummary } from "./formatSummary";
import { parseRunArgs, RUN_USAGE, UsageError } from "./parseRunArgs";
import { createProgress, type ProgressStream } from "./progress";
import { toJunit } from "./toJunit";
import { toReport } from "./toReport";

/** The I/O a CLI command works with, passed in. */
export interface CommandIO {
  stdout: ProgressStream;
  stderr: ProgressStream;
  cwd: string;
  /** The losslab project the CLI belongs to: the default compiler root. */
  projectRoot: string;
  /** A kernel already starting in `projectRoot`, for the first notebook (`losslab run` without `--root`). */
  prestartedKernel?: KernelChild;
}

/**
 * `losslab run <notebook | folder>… --out <dir>`: executes each notebook in its own kernel process, writes the
 * executed copies, prints a summary (or JSON), and returns the exit code: 0 all passed, 1 a cell or check failed,
 * 2 bad usage or a notebook that cannot be read.
 */
export async function runCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const prestarted = io.prestartedKernel ?? null;
  if (argv.includes("--help") || argv.includes("-h")) {
    prestarted?.child.kill();
    io.stdout.write(`${RUN_USAGE}\n`);
    return 0;
  }
  let args;
  let files: string[];
  try {
    args = parseRunArgs(argv);
    files = args.notebooks.flatMap((n) => expand(path.resolve(io.cwd, n), n));
  } catch (e) {
    prestarted?.child.kill();
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`losslab run: ${e.message}\n${RUN_USAGE}\n`);
    return 2;
  }
  const rootDir = path.resolve(io.cwd, args.root ?? io.projectRoot);
  const sameRoot = rootDir === path.resolve(io.projectRoot);
  if (!sameRoot) prestarted?.child.kill(); // it was started in the project root
  const supply = createKernelSupply(rootDir, sameRoot ? prestarted : null);
  const outDir = path.resolve(io.cwd, args.out);
  const progress = createProgress(io.stderr);
  const results: FileResult[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const shown = path.relative(io.cwd, file) || file;
      const kernels: KernelFactory = (events) => startKernel({ rootDir, events, process: supply.take(i < files.length - 1) });
      const options = {
        timeoutMs: args.timeoutMs,
        keepGoing: args.keepGoing,
        onCellStart: (p: CellProgress) => progress.cellStart(shown, p),
        onCellDone: (p: CellProgress) => progress.cellDone(shown, p),
      };
      const result = await runFile(file, outDir, kernels, options, shown);
      progress.notebookDone(shown);
      if (result.readError) io.stderr.write(`losslab run: ${result.readError.message}\n`);
      results.push(result);
    }
  } finally {
    supply.dispose();
  }
  const report = toReport(results);
  if (args.junit) writeFileAtomic(path.resolve(io.cwd, args.junit), toJunit(results));
  io.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatSummary(report));
  return report.exitCode;
}

/** A folder stands for the notebooks in it (sorted); a file for itself (missing files are reported when run). */
function expand(absolute: string, given: string): string[] {
  if (!fs.existsSync(absolute) || !fs.statSync(absolute).isDirectory()) return [absolute];
  const notebooks = fs
    .readdirSync(absolute)
    .filter((f) => f.endsWith(".ipynb") && !f.startsWith("."))
    .sort()
    .map((f) => path.join(absolute, f));
  if (notebooks.length === 0) throw new UsageError(`no .ipynb notebooks in ${given}`);
  return notebooks;
}
