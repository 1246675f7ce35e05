/** The options of `losslab run`. */
export interface RunArgs {
  notebooks: string[];
  out: string;
  timeoutMs: number;
  keepGoing: boolean;
  json: boolean;
  junit: string | null;
  /** The compiler root (default: the losslab project the CLI belongs to). */
  root: string | null;
}

/** Bad command-line usage: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const RUN_USAGE = `usage: losslab run <notebook.ipynb | folder>… [--out <dir>] [--timeout <seconds>] [--keep-going]
                   [--json] [--junit <file>] [--root <dir>]
  --out <dir>          where executed copies go (default build/notebooks)
  --timeout <seconds>  per-cell time limit (default 60)
  --keep-going         run the remaining cells after a failing cell (default: stop)
  --json               print the results as JSON on stdout instead of the table
  --junit <file>       also write a JUnit XML report
  --root <dir>         the compiler root notebooks import from (default: the losslab project)`;

/**
 * Parses the arguments after `run`. `--name value` and `--name=value` are both accepted.
 * @throws UsageError for an unknown option, a missing value, a bad timeout or no notebook
 */
export function parseRunArgs(argv: readonly string[]): RunArgs {
  const args: RunArgs = { notebooks: [], out: "build/notebooks", timeoutMs: 60_000, keepGoing: false, json: false, junit: null, root: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith("--") && argv[i].includes("=") ? splitOnce(argv[i]) : [argv[i], null];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === null && v.startsWith("--"))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--out":
        args.out = value();
        break;
      case "--timeout": {
        const text = value();
        const seconds = Number(text);
        if (!(seconds > 0) || !Number.isFinite(seconds)) throw new UsageError(`--timeout must be a number of seconds > 0 (got ${text})`);
        args.timeoutMs = Math.round(seconds * 1000);
        break;
      }
      case "--junit":
        args.junit = value();
        break;
      case "--root":
        args.root = value();
        break;
      case "--keep-going":
      case "--json":
        if (inline !== null) throw new UsageError(`${flag} takes no value`);
        if (flag === "--json") args.json = true;
        else args.keepGoing = true;
        break;
      default:
        if (flag.startsWith("-")) throw new UsageError(`unknown option ${flag}`);
        args.notebooks.push(flag);
    }
  }
  if (args.notebooks.length === 0) throw new UsageError("no notebook given");
  return args;
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf("=");
  return [arg.slice(0, at), arg.slice(at + 1)];
}
