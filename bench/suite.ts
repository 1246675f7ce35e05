import { bind, missing, sizesFor } from "./case";
import type { BenchCase, Library, Task, Tier } from "./case";
import { checksum, disagreement } from "./checksum";
import type { Checksum } from "./checksum";
import { InputPool } from "./data";
import type { Dtype } from "./data";
import { measure } from "./measure";
import type { Protocol, Timing } from "./measure";
import { NumpyWorker, numpyUnavailable } from "./numpy";
import type { NumpyInfo, NumpyTiming } from "./numpy";

export interface SuiteOptions {
  readonly lib: Library;
  readonly cases: readonly BenchCase[];
  /** Case ids or function names to keep (case-insensitive substrings); empty keeps every case. */
  readonly filter: readonly string[];
  readonly tiers: readonly Tier[];
  readonly dtypes: readonly Dtype[];
  readonly tasks: readonly Task[];
  readonly protocol: Protocol;
  /** Run the numpy side (when `python` has numpy). */
  readonly numpy: boolean;
  readonly python: string;
  /** Run numpy with glibc's default, history-dependent allocation instead of the pinned settings (see numpy.ts). */
  readonly defaultMalloc?: boolean;
  /** Also run Float64 at the sizes that are Float32-only by default. */
  readonly f64Large: boolean;
  /** Progress lines (stderr in the CLI). */
  readonly log?: (line: string) => void;
}

/** One measured (case, size, dtype, task). */
export interface Row {
  readonly id: string;
  readonly fn: string;
  readonly shape: readonly number[];
  readonly dtype: Dtype;
  readonly task: Task;
  readonly elements: number;
  readonly bytes: number;
  readonly js?: Timing;
  readonly jsError?: string;
  readonly numpy?: Timing;
  readonly numpyError?: string;
  /** Largest relative checksum difference between the two sides' results (value and grad tasks). */
  readonly disagreement?: number;
  /** What `disagreement` must not exceed: numpy computes Float32 input in float32, losslab in float64. */
  readonly tolerance?: number;
}

export interface SuiteResult {
  readonly rows: Row[];
  /** Selected cases that could not run: the library does not export these functions yet. */
  readonly pending: ReadonlyArray<{ readonly id: string; readonly missing: readonly string[] }>;
  readonly numpy: NumpyInfo | null;
  /** Why the numpy side did not run, when it did not. */
  readonly numpyNote?: string;
}

const TOLERANCE: Record<Dtype, number> = { f64: 1e-9, f32: 1e-4 };

/** Cases whose id or function names contain one of the filter words (all cases for an empty filter). */
export function selectCases(cases: readonly BenchCase[], filter: readonly string[]): BenchCase[] {
  const words = filter.map((w) => w.toLowerCase()).filter((w) => w.length > 0);
  if (words.length === 0) return [...cases];
  return cases.filter((c) => words.some((w) => [c.id, c.value, c.grad].some((n) => n.toLowerCase().includes(w))));
}

function message(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

function releaseMemory(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) gc();
}

/** Runs the selected cases on losslab and, size by size, on numpy; returns one row per measurement. */
export async function runSuite(o: SuiteOptions): Promise<SuiteResult> {
  const log = o.log ?? ((): void => undefined);
  const selected = selectCases(o.cases, o.filter);
  const pending = selected.map((c) => ({ id: c.id, missing: missing(o.lib, c) })).filter((p) => p.missing.length > 0);
  const runnable = selected.filter((c) => missing(o.lib, c).length === 0);
  let worker: NumpyWorker | null = null;
  let numpyNote: string | undefined;
  if (o.numpy) {
    const why = numpyUnavailable(o.python);
    if (why === null) worker = await NumpyWorker.start(o.python, o.defaultMalloc === true);
    else numpyNote = why;
  } else {
    numpyNote = "not requested (--no-numpy)";
  }
  const rows: Row[] = [];
  try {
    for (const c of runnable) {
      for (const dtype of o.dtypes) {
        const pool = new InputPool(dtype);
        for (const size of sizesFor(c, o.tiers, dtype, o.f64Large)) {
          rows.push(...(await runSize(o, c, size.shape, dtype, pool, worker, log)));
        }
        pool.clear();
        releaseMemory();
      }
    }
  } finally {
    if (worker !== null) await worker.close();
  }
  return { rows, pending, numpy: worker?.info ?? null, ...(numpyNote === undefined ? {} : { numpyNote }) };
}

async function runSize(
  o: SuiteOptions,
  c: BenchCase,
  shape: readonly number[],
  dtype: Dtype,
  pool: InputPool,
  worker: NumpyWorker | null,
  log: (line: string) => void,
): Promise<Row[]> {
  const label = `${c.id} ${shape.join("×")} ${dtype}`;
  const b = bind(o.lib, c, shape, pool);
  const js = new Map<Task, { timing?: Timing; error?: string; sum?: Checksum }>();
  for (const task of o.tasks) {
    const fn = task === "value" ? b.value : task === "grad" ? b.grad : (): unknown => [b.value(), b.grad()];
    try {
      const sum = task === "both" ? undefined : checksum(fn());
      const timing = measure(`${label} ${task}`, fn, o.protocol);
      js.set(task, { timing, ...(sum === undefined ? {} : { sum }) });
      log(`losslab ${label} ${task}: ${timing.medianMs.toPrecision(4)} ms`);
    } catch (e) {
      js.set(task, { error: message(e) });
      log(`losslab ${label} ${task}: ${message(e)}`);
    }
  }
  releaseMemory();
  let np: Partial<Record<Task, NumpyTiming>> = {};
  let npError: string | undefined;
  if (worker !== null) {
    const reply = await worker.run({
      id: c.id,
      dtype,
      shape,
      params: c.params,
      inputs: c.inputs(shape),
      tasks: o.tasks,
      protocol: o.protocol,
    });
    if (reply.ok) np = reply.results;
    else npError = reply.error;
    log(`numpy   ${label}: ${reply.ok ? o.tasks.map((t) => np[t]?.medianMs.toPrecision(4)).join(" / ") + " ms" : reply.error}`);
  }
  return o.tasks.map((task): Row => {
    const mine = js.get(task) ?? {};
    const theirs = np[task];
    const compared = mine.sum !== undefined && theirs?.checksum !== undefined;
    return {
      id: c.id,
      fn: task === "grad" ? c.grad : c.value,
      shape,
      dtype,
      task,
      elements: b.elements,
      bytes: b.bytes[task],
      ...(mine.timing === undefined ? {} : { js: mine.timing }),
      ...(mine.error === undefined ? {} : { jsError: mine.error }),
      ...(theirs === undefined ? {} : { numpy: theirs }),
      ...(npError === undefined ? {} : { numpyError: npError }),
      ...(compared ? { disagreement: disagreement(mine.sum as Checksum, theirs.checksum as Checksum), tolerance: TOLERANCE[dtype] } : {}),
    };
  });
}
