import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { UsageError } from "../../cli/parseRunArgs";

/** The options of `losslab grade`. */
export interface GradeArgs {
  submissions: string[];
  json: boolean;
  csv: string | null;
  junit: string | null;
  jobs: number;
  cellTimeoutMs: number;
  submissionTimeoutMs: number;
}

export const defaultJobs = () => (typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);

export const GRADE_USAGE = `usage: losslab grade <submission.ipynb | folder>… [--json] [--csv <file>] [--junit <file>] [--jobs <n>]
                     [--timeout <seconds>] [--submission-timeout <seconds>]
  --json                     print the grades as JSON on stdout instead of the tables
  --csv <file>               also write a CSV: one row per submission, one column per exercise
  --junit <file>             also write JUnit XML: a testsuite per submission, a testcase per exercise
  --jobs <n>                 submissions graded at once, each in its own kernel (default: cores, here ${defaultJobs()})
  --timeout <seconds>        per-cell time limit (default 10)
  --submission-timeout <s>   time limit for one submission, restarts included (default 120)
exit code: 0 every submission was graded (whatever its score), 1 a submission could not be graded (not a
notebook, not this assignment, the kernel did not start), 2 bad usage or the library does not compile`;

const seconds = (flag: string, text: string) => {
  const value = Number(text);
  if (!(value > 0) || !Number.isFinite(value)) throw new UsageError(`${flag} must be a number of seconds > 0 (got ${text})`);
  return Math.round(value * 1000);
};

/**
 * Parses the arguments after `grade` (`--name value` or `--name=value`).
 * @throws UsageError for an unknown option, a missing or bad value, or no submission
 */
export function parseGradeArgs(argv: readonly string[]): GradeArgs {
  const args: GradeArgs = { submissions: [], json: false, csv: null, junit: null, jobs: defaultJobs(), cellTimeoutMs: 10_000, submissionTimeoutMs: 120_000 };
  for (let i = 0; i < argv.length; i++) {
    const at = argv[i].startsWith("--") ? argv[i].indexOf("=") : -1;
    const [flag, inline] = at > 0 ? [argv[i].slice(0, at), argv[i].slice(at + 1)] : [argv[i], null];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === null && v.startsWith("--"))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--json":
        if (inline !== null) throw new UsageError("--json takes no value");
        args.json = true;
        break;
      case "--csv":
        args.csv = value();
        break;
      case "--junit":
        args.junit = value();
        break;
      case "--jobs": {
        const text = value();
        const jobs = Number(text);
        if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number ≥ 1 (got ${text})`);
        args.jobs = jobs;
        break;
      }
      case "--timeout":
        args.cellTimeoutMs = seconds(flag, value());
        break;
      case "--submission-timeout":
        args.submissionTimeoutMs = seconds(flag, value());
        break;
      default:
        if (flag.startsWith("-")) throw new UsageError(`unknown option ${flag}`);
        args.submissions.push(flag);
    }
  }
  if (args.submissions.length === 0) throw new UsageError("no submission given");
  return args;
}

/** A folder stands for the notebooks in it (sorted, hidden files left out); a file for itself, even if missing. */
export function expandSubmissions(given: readonly string[], cwd: string): { path: string; name: string }[] {
  return given.flatMap((arg) => {
    const absolute = path.resolve(cwd, arg);
    if (!fs.existsSync(absolute) || !fs.statSync(absolute).isDirectory()) return [{ path: absolute, name: arg }];
    const notebooks = fs.readdirSync(absolute).filter((f) => f.endsWith(".ipynb") && !f.startsWith(".")).sort();
    if (notebooks.length === 0) throw new UsageError(`no .ipynb notebooks in ${arg}`);
    return notebooks.map((f) => ({ path: path.join(absolute, f), name: path.join(arg, f) }));
  });
}
