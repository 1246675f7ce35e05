import * as fs from "fs";
import * as path from "path";
import type { CommandIO } from "../cli/runCommand";
import { NotebookError } from "../notebook/NotebookError";
import { PageNameClash, writeReport } from "./writeReport";

export const REPORT_USAGE = `usage: losslab report <executed notebook | folder>… --out <dir>

Writes an HTML page per executed notebook (markdown with its formulas, code, outputs, PASS/FAIL marked, live
charts with their sliders) and an index.html into <dir>, with every script and font copied into <dir>/assets:
the pages open from file:// with no network. A folder stands for the .ipynb files in it.

options:
  --out <dir>   where to write the report (required)
  -h, --help    show this help`;

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): { notebooks: string[]; out: string } {
  const notebooks: string[] = [];
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--out" || arg === "-o") {
      const value = argv[++i];
      if (value === undefined || value.startsWith("-")) throw new UsageError(`${arg} needs a folder`);
      out = value;
    } else if (arg.startsWith("--out=")) {
      out = arg.slice("--out=".length);
    } else if (arg.startsWith("-")) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      notebooks.push(arg);
    }
  }
  if (notebooks.length === 0) throw new UsageError("no notebooks given");
  if (!out) throw new UsageError("--out <dir> is required");
  return { notebooks, out };
}

/** A folder stands for its .ipynb files (sorted); a file for itself. */
function expand(absolute: string, given: string): string[] {
  if (!fs.existsSync(absolute) || !fs.statSync(absolute).isDirectory()) return [absolute];
  const found = fs
    .readdirSync(absolute)
    .filter((f) => f.endsWith(".ipynb") && !f.startsWith("."))
    .sort()
    .map((f) => path.join(absolute, f));
  if (found.length === 0) throw new UsageError(`no .ipynb notebooks in ${given}`);
  return found;
}

/**
 * `losslab report <executed notebook | folder>… --out <dir>`: writes the HTML report; returns 0 when written, 2 on
 * bad usage or a notebook that cannot be read (nothing is written then).
 */
export async function reportCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout.write(`${REPORT_USAGE}\n`);
    return 0;
  }
  let files: string[];
  let outDir: string;
  try {
    const args = parseArgs(argv);
    files = args.notebooks.flatMap((n) => expand(path.resolve(io.cwd, n), n));
    outDir = path.resolve(io.cwd, args.out);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`losslab report: ${e.message}\n${REPORT_USAGE}\n`);
    return 2;
  }
  const shown = (file: string) => path.relative(io.cwd, file) || file;
  try {
    const report = writeReport(files, outDir, new Date(), shown);
    for (const page of report.pages) {
      const s = page.summary;
      io.stdout.write(`${shown(page.page)}  ${s.pass} PASS, ${s.fail} FAIL, ${s.charts} charts${s.ok ? "" : "  (notebook did not pass)"}\n`);
    }
    io.stdout.write(`report: ${shown(report.index)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof NotebookError || e instanceof PageNameClash) {
      io.stderr.write(`losslab report: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
