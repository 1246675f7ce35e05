/**
 * The child process of `npm run bench -- --memory` (see bench/memory.ts): measures how much resident memory one
 * case's value and gradient calls take beyond the runtime, on Linux, and prints one JSON line.
 *
 *   node --expose-gc --import tsx bench/memoryProbe.ts <case id> <dtype> <dim>[x<dim>…]
 *
 * The kernel's high-water mark (VmHWM) is reset before each call (`/proc/self/clear_refs` ← 5), so each peak is
 * that call's own. Sizes are resident set sizes in bytes: `runtime` is the process before any input exists (Node,
 * tsx, the library), `inputs` what generating the inputs added, `valuePeak` / `gradPeak` the high-water marks
 * during each call. The value's result is dropped before the gradient runs, as in a notebook cell that keeps only
 * the gradient.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as losslab from "../src/index";
import { bind } from "./case";
import type { Library } from "./case";
import { ALL_CASES } from "./cases";
import { InputPool } from "./data";
import type { Dtype } from "./data";

/** What the probe prints. */
export interface MemoryProbe {
  readonly id: string;
  readonly dtype: Dtype;
  readonly shape: readonly number[];
  readonly inputBytes: number;
  readonly valueBytes: number;
  readonly gradBytes: number;
  readonly runtime: number;
  readonly inputs: number;
  readonly valuePeak: number;
  readonly gradPeak: number;
}

function status(field: "VmRSS" | "VmHWM"): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync("/proc/self/status", "utf8"));
  if (m === null) throw new Error(`/proc/self/status has no ${field}`);
  return Number(m[1]) * 1024;
}

function settle(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with --expose-gc");
  gc();
  gc();
}

/** The high-water mark of resident memory while `f` runs (the mark is reset first). */
function peakDuring(f: () => unknown): { peak: number; result: unknown } {
  settle();
  writeFileSync("/proc/self/clear_refs", "5");
  const result = f();
  return { peak: status("VmHWM"), result };
}

function main(argv: readonly string[]): void {
  const [id, dtype, dims] = argv;
  const c = ALL_CASES.find((x) => x.id === id);
  if (c === undefined || (dtype !== "f64" && dtype !== "f32") || dims === undefined) {
    throw new Error(`usage: memoryProbe.ts <case id> <f64|f32> <dims, e.g. 4096x32000> (got ${argv.join(" ")})`);
  }
  const shape = dims.split("x").map(Number);
  settle();
  const runtime = status("VmRSS");
  const pool = new InputPool(dtype);
  const bound = bind(losslab as unknown as Library, c, shape, pool);
  settle();
  const inputs = status("VmRSS") - runtime;
  const value = peakDuring(bound.value);
  value.result = null; // the value is dropped before the gradient, so its peak does not carry over
  const grad = peakDuring(bound.grad);
  const out = c.outputs(shape);
  const probe: MemoryProbe = {
    id, dtype, shape,
    inputBytes: pool.bytes,
    valueBytes: 8 * out.value,
    gradBytes: 8 * out.grad,
    runtime,
    inputs,
    valuePeak: value.peak,
    gradPeak: grad.peak,
  };
  process.stdout.write(`${JSON.stringify(probe)}\n`);
}

main(process.argv.slice(2));
