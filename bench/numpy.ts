import { spawn, spawnSync } from "node:child_process";
import { ALLOCATOR_ENV } from "../kernel/exec/allocatorEnv";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { createInterface } from "node:readline";
import type { Checksum } from "./checksum";
import type { Dtype, InputSpec } from "./data";
import type { Params, Task } from "./case";
import type { Protocol, Timing } from "./measure";

/** The interpreter the numpy side runs on: Debian's, whose numpy the issue's baselines were measured with. */
export const DEFAULT_PYTHON = "/usr/bin/python3";
const SCRIPT = path.join(__dirname, "numpy_bench.py");

/** What bench/numpy_bench.py says about itself when it starts. */
export interface NumpyInfo {
  readonly python: string;
  readonly numpy: string;
  readonly blas?: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** True when the worker ran with {@link PINNED_MALLOC}. */
  readonly pinnedMalloc?: boolean;
}

export interface NumpyRequest {
  readonly id: string;
  readonly dtype: Dtype;
  readonly shape: readonly number[];
  readonly params: Params;
  readonly inputs: readonly InputSpec[];
  readonly tasks: readonly Task[];
  readonly protocol: Protocol;
}

export type NumpyTiming = Timing & { readonly checksum?: Checksum };
export type NumpyReply =
  | { readonly ok: true; readonly results: Partial<Record<Task, NumpyTiming>> }
  | { readonly ok: false; readonly error: string };

/**
 * glibc settings that keep numpy's temporaries of up to 32 MiB on the heap and the heap untrimmed, and larger ones
 * on transparent huge pages (which numpy also asks for itself). Without them, whether a temporary is served from
 * the heap or from a fresh mapping (page faults, which are slow in this VM) depends on the process's allocation
 * history, and numpy's times at N = 1e6 swing between ~1 and ~30 ms from one request to the next (see the README).
 * The same settings losslab's kernels and `npm run bench`'s Node run with (kernel/exec/allocatorEnv.js).
 */
export const PINNED_MALLOC: Readonly<Record<string, string>> = ALLOCATOR_ENV;

/**
 * The environment for the numpy process: ours without OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE, which this machine sets
 * for older OpenBLAS builds and which slow a current one down (see the README), plus {@link PINNED_MALLOC} unless
 * `defaultMalloc`.
 */
function pythonEnv(defaultMalloc: boolean): NodeJS.ProcessEnv {
  const env = { ...process.env, ...(defaultMalloc ? {} : PINNED_MALLOC) };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

/** Why numpy cannot be used with `python`, or null when it can. */
export function numpyUnavailable(python: string): string | null {
  if (!existsSync(python)) return `${python} not found`;
  const r = spawnSync(python, ["-c", "import numpy"], { env: pythonEnv(true), encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) return `${python} cannot import numpy (${(r.stderr || String(r.error)).trim().split("\n").pop()})`;
  return null;
}

/** A long-lived bench/numpy_bench.py process answering one request at a time over stdin/stdout. */
export class NumpyWorker {
  private readonly lines: AsyncIterator<string>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly info: NumpyInfo,
    lines: AsyncIterator<string>,
    private readonly stderr: () => string,
  ) {
    this.lines = lines;
  }

  static async start(python: string, defaultMalloc: boolean): Promise<NumpyWorker> {
    const child = spawn(python, [SCRIPT], { env: pythonEnv(defaultMalloc), stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    // A worker that died (e.g. out of memory) shows as an error reply; writing to it must not crash the run.
    child.stdin.on("error", () => undefined);
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done === true) throw new Error(`numpy_bench.py exited before it was ready: ${stderr.trim()}`);
    const info: NumpyInfo = { ...(JSON.parse(first.value) as NumpyInfo), pinnedMalloc: !defaultMalloc };
    return new NumpyWorker(child, info, lines, () => stderr);
  }

  async run(request: NumpyRequest): Promise<NumpyReply> {
    this.child.stdin.write(`${JSON.stringify(request)}\n`);
    const next = await this.lines.next();
    if (next.done === true) {
      const why = this.stderr().trim().split("\n").pop() ?? "";
      return { ok: false, error: `numpy_bench.py exited (code ${String(this.child.exitCode)})${why === "" ? "" : `: ${why}`}` };
    }
    return JSON.parse(next.value) as NumpyReply;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once("exit", () => resolve());
      this.child.stdin.end();
    });
  }
}
