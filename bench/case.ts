import { rows, sizeOf } from "./data";
import type { Dtype, InputPool, InputSpec, Numeric } from "./data";

/** What a measurement times: the loss, its gradient, or both one after the other. */
export type Task = "value" | "grad" | "both";
export const TASKS: readonly Task[] = ["value", "grad", "both"];

/** Size classes, so that a run can be limited: `small` is what CI's smoke test runs. */
export type Tier = "small" | "medium" | "large";
export const TIERS: readonly Tier[] = ["small", "medium", "large"];

/** One size of a case. */
export interface CaseSize {
  readonly tier: Tier;
  readonly shape: readonly number[];
  /** Float32 only unless asked (the Float64 inputs, outputs and numpy temporaries would take several GiB). */
  readonly f32Only?: boolean;
}

/** Option values passed to the losslab function and to the numpy case alike. */
export type Params = Readonly<Record<string, number | string | boolean | null>>;

/**
 * A benchmark case: a losslab value function and its gradient, called with the case's inputs in order (1-D
 * inputs as typed arrays, 2-D inputs as arrays of row views) and then `params` as the options object when it is
 * not empty. bench/numpy_bench.py holds the numpy version of the same case under the same `id`.
 */
export interface BenchCase {
  /** Short name used by `--filter` and by the numpy side. */
  readonly id: string;
  /** The losslab value and gradient function names. */
  readonly value: string;
  readonly grad: string;
  readonly sizes: readonly CaseSize[];
  readonly params: Params;
  /** The inputs for one shape, in call order. */
  inputs(shape: readonly number[]): readonly InputSpec[];
  /** Float64 elements written by the value and by the gradient (1 for a scalar). */
  outputs(shape: readonly number[]): { readonly value: number; readonly grad: number };
  /** Optional remark shown in the README's case list (e.g. what bounds it). */
  readonly note?: string;
}

/** The library as the bench sees it: functions looked up by name, so cases for losses not yet exported wait. */
export type Library = Readonly<Record<string, unknown>>;
type AnyFn = (...args: unknown[]) => unknown;

/** The losslab functions a case needs that the library does not export (empty when the case can run). */
export function missing(lib: Library, c: BenchCase): string[] {
  return [c.value, c.grad].filter((name) => typeof lib[name] !== "function");
}

/** A case bound to its inputs at one shape and dtype: closures ready to time. */
export interface Bound {
  readonly value: () => unknown;
  readonly grad: () => unknown;
  /** Logical elements (N, or rows × columns) for elements/s. */
  readonly elements: number;
  /** Bytes a one-pass implementation must read and write, per task (outputs are Float64). */
  readonly bytes: Readonly<Record<Task, number>>;
}

/** Builds (or reuses from `pool`) the inputs of `c` at `shape` and binds the library functions to them. */
export function bind(lib: Library, c: BenchCase, shape: readonly number[], pool: InputPool): Bound {
  const specs = c.inputs(shape);
  const args: unknown[] = [];
  let inBytes = 0;
  for (const spec of specs) {
    const flat: Numeric = pool.flat(spec);
    inBytes += flat.byteLength;
    args.push(spec.shape.length === 2 ? rows(flat, spec.shape[0], spec.shape[1]) : flat);
  }
  if (Object.keys(c.params).length > 0) args.push({ ...c.params });
  const f = lib[c.value] as AnyFn;
  const g = lib[c.grad] as AnyFn;
  const out = c.outputs(shape);
  return {
    value: () => f(...args),
    grad: () => g(...args),
    elements: sizeOf(shape),
    bytes: { value: inBytes + 8 * out.value, grad: inBytes + 8 * out.grad, both: inBytes + 8 * (out.value + out.grad) },
  };
}

/** The sizes of `c` selected by tier and dtype, largest first (so smaller sizes reuse the inputs as views). */
export function sizesFor(c: BenchCase, tiers: readonly Tier[], dtype: Dtype, f64Large: boolean): CaseSize[] {
  return c.sizes
    .filter((s) => tiers.includes(s.tier) && (dtype === "f32" || !s.f32Only || f64Large))
    .slice()
    .sort((a, b) => sizeOf(b.shape) - sizeOf(a.shape));
}

/** "1e6" for a power-of-ten length, "512×32000" for a matrix. */
export function formatShape(shape: readonly number[]): string {
  const text = shape.map(String);
  return text.length === 1 && /^10{3,}$/.test(text[0]) ? `1e${text[0].length - 1}` : text.join("×");
}
