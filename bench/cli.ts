import { parseArgs } from "node:util";
import { TASKS, TIERS } from "./case";
import type { Task, Tier } from "./case";
import type { Dtype } from "./data";
import { DEFAULT_PROTOCOL } from "./measure";
import type { Protocol } from "./measure";
import { DEFAULT_PYTHON } from "./numpy";

export const USAGE = `npm run bench -- [options]

  --filter a,b      cases whose id or function name contains a or b (e.g. bce, softmax, focal)
  --sizes t,…       size tiers: small, medium, large, or all (default all)
  --dtypes d,…      f64, f32 (default both)
  --tasks t,…       value, grad, both (default all three)
  --f64-large       also run Float64 at the sizes that are Float32-only by default (4096×32000: several GiB)
  --time ms         sampling budget per measurement (default ${DEFAULT_PROTOCOL.timeMs})
  --warmup ms       warm-up budget per measurement (default ${DEFAULT_PROTOCOL.warmupMs})
  --min-samples n   at least n samples (default ${DEFAULT_PROTOCOL.minSamples})
  --no-numpy        losslab only
  --python path     interpreter with numpy (default ${DEFAULT_PYTHON})
  --default-malloc  run numpy with glibc's default allocation settings (history-dependent page faults)
  --memory          also measure peak resident memory of each case's largest selected size (fresh process each)
  --no-timing       skip the timing table (with --memory: memory only)
  --json file       also write the raw results as JSON
  --write           regenerate bench/RESULTS.md from this run
  --list            list the cases and their sizes, run nothing
  --help`;

export interface CliOptions {
  readonly filter: string[];
  readonly tiers: Tier[];
  readonly dtypes: Dtype[];
  readonly tasks: Task[];
  readonly protocol: Protocol;
  readonly f64Large: boolean;
  readonly numpy: boolean;
  readonly python: string;
  readonly defaultMalloc: boolean;
  readonly memory: boolean;
  readonly timing: boolean;
  readonly json?: string;
  readonly write: boolean;
  readonly list: boolean;
  readonly help: boolean;
}

function list<T extends string>(flag: string, text: string | undefined, allowed: readonly T[], all: readonly T[]): T[] {
  if (text === undefined || text === "all") return [...all];
  const items = text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) {
      throw new Error(`--${flag}: unknown value ${JSON.stringify(item)} (expected ${allowed.join(", ")} or all)`);
    }
  }
  return items as T[];
}

function count(flag: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${flag}: expected a number ≥ ${min} (got ${JSON.stringify(text)})`);
  return n;
}

/** Parses the command line. @throws Error with a message for the user on an unknown flag or value. */
export function parseCli(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      filter: { type: "string" },
      sizes: { type: "string" },
      dtypes: { type: "string" },
      tasks: { type: "string" },
      "f64-large": { type: "boolean", default: false },
      time: { type: "string" },
      warmup: { type: "string" },
      "min-samples": { type: "string" },
      "no-numpy": { type: "boolean", default: false },
      python: { type: "string" },
      "default-malloc": { type: "boolean", default: false },
      memory: { type: "boolean", default: false },
      "no-timing": { type: "boolean", default: false },
      json: { type: "string" },
      write: { type: "boolean", default: false },
      list: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const dtypes: readonly Dtype[] = ["f64", "f32"];
  if (values.write === true && values["no-timing"] === true) {
    throw new Error("--write: RESULTS.md keeps a whole run, so it cannot be combined with --no-timing");
  }
  return {
    filter: (values.filter ?? "").split(",").map((s) => s.trim()).filter((s) => s.length > 0),
    tiers: list("sizes", values.sizes, TIERS, TIERS),
    dtypes: list("dtypes", values.dtypes, dtypes, dtypes),
    tasks: list("tasks", values.tasks, TASKS, TASKS),
    protocol: {
      timeMs: count("time", values.time, DEFAULT_PROTOCOL.timeMs, 0),
      warmupMs: count("warmup", values.warmup, DEFAULT_PROTOCOL.warmupMs, 0),
      warmupIters: DEFAULT_PROTOCOL.warmupIters,
      minSamples: count("min-samples", values["min-samples"], DEFAULT_PROTOCOL.minSamples, 1),
    },
    f64Large: values["f64-large"] === true,
    numpy: values["no-numpy"] !== true,
    python: values.python ?? DEFAULT_PYTHON,
    defaultMalloc: values["default-malloc"] === true,
    memory: values.memory === true,
    timing: values["no-timing"] !== true,
    ...(values.json === undefined ? {} : { json: values.json }),
    write: values.write === true,
    list: values.list === true,
    help: values.help === true,
  };
}
