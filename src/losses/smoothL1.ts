import { allocFloat64, flatten, readDeferred, unflatten } from "../core/tensor";
import { checkNumber, checkOptions, checkReduction } from "../core/validate";
import { outputBuffer } from "../core/output";
import type { Matrix, NestedFloat64, Reduction, Tensor, Vector } from "../core/types";
import { CHUNK, chunkOf, chunkTarget, sumScratch } from "../math/chunked";

/** Options of {@link smoothL1} and {@link smoothL1Grad}. */
export interface SmoothL1Options {
  /** Where the loss turns from quadratic to linear; ≥ 0 (0 gives the L1 loss |r|, as in PyTorch). Default 1. */
  readonly beta?: number;
  /** `"none"` (default) keeps one value per element, `"mean"` averages, `"sum"` adds. */
  readonly reduction?: Reduction;
  /** A Float64Array of one slot per element to write the per-element result into (reused, not allocated; if the call throws, it may be partly written). */
  readonly out?: Float64Array;
}

/**
 * Reads and checks the arguments. With `defer`, a Float64Array/Float32Array residual is not scanned: a NaN or ±∞
 * residual makes the loops' sums non-finite, and they then read again without `defer`, which throws what an eager
 * read would (or nothing, when only the sum overflowed).
 */
function read(fn: string, residual: Tensor, opts: SmoothL1Options | undefined, defer: boolean) {
  const o = checkOptions(fn, opts);
  const reduction = checkReduction(fn, o.reduction ?? "none");
  const beta = checkNumber(fn, "beta", o.beta ?? 1, { min: 0 });
  const r = flatten(fn, "residual", residual, { deferFloatArrays: defer });
  if (o.out !== undefined && (reduction === "none" || fn.endsWith("Grad"))) outputBuffer(fn, r.data.length, o.out);
  return { o, reduction, beta, data: r.data, shape: r.shape };
}

/** Smooth L1 values of one chunk of m elements into dst; returns the chunk's check: 0, or NaN for a NaN/±∞ residual. */
function smoothL1Values(data: Float64Array, beta: number, dst: Float64Array, m: number): number {
  let check = 0;
  for (let i = 0; i < m; i++) {
    const r = data[i];
    const a = Math.abs(r);
    let v = a; // beta = 0: the L1 loss
    if (beta > 0) {
      // Branch-free as in huber: t = max(|r| − β, 0) exactly, c = min(|r|, β); ½c²/β + t.
      const u = a - beta;
      const t = 0.5 * u + 0.5 * Math.abs(u);
      const c = a - t;
      v = (0.5 * c * c) / beta + t;
    }
    dst[i] = v;
    check += r - r;
  }
  return check;
}

/**
 * clamp(r, −β, β)/β (sign(r) for β = 0), divided by `scale` (1: no division), of one chunk of m elements into dst,
 * without a branch on the data: as in huber's gradient, exactly one of r·1 and ±β survives; r·0 − (neg − pos) is
 * sign(r) and keeps the sign of a zero, as Math.sign. Returns the chunk's check as {@link smoothL1Values}.
 */
function smoothL1Grads(data: Float64Array, beta: number, scale: number, dst: Float64Array, m: number): number {
  const inner = beta > 0 ? beta : 0;
  let check = 0;
  for (let i = 0; i < m; i++) {
    const r = data[i];
    const out = r - r + +(Math.abs(r) > inner); // a float 0 or 1 (r is finite here): see huber's gradient
    const neg = +(r < 0);
    const tail = out * inner * (1 - 2 * neg) - (1 - out);
    const g = beta > 0 ? (r * (1 - out) + out * tail) / beta : r * 0 - (neg - +(r > 0));
    dst[i] = scale === 1 ? g : g / scale;
    check += r - r;
  }
  return check;
}

/**
 * Smooth L1 loss of residuals r = ŷ − y, as `torch.nn.SmoothL1Loss`:
 * ℓ(r) = ½r²/β for |r| < β, |r| − ½β otherwise (= huber(r; δ = β)/β); β = 0 gives |r| (PyTorch's L1 case).
 * Gradient dℓ/dr = clamp(r, −β, β)/β (sign(r) for β = 0, 0 at r = 0).
 *
 * Branch-free on the data like {@link huber}: bit-identical to ½r²/β in the quadratic zone, within ~1 ulp of
 * |r| − ½β in the linear zone.
 *
 * Shapes as {@link huber}: any nesting; `"none"` keeps it (a Float64Array for a Vector, a Float64Array[] for a
 * Matrix), `"mean"`/`"sum"` give a number. Residuals must be finite.
 * @throws LossInputError `OUT_OF_DOMAIN` (beta < 0, reduction), `NOT_FINITE` (NaN, ±∞), `EMPTY`,
 *   `SHAPE_MISMATCH` (ragged, `out` length), `INVALID_TYPE`
 * @example
 * smoothL1([-2, -0.5, 0, 0.5, 3]); // => [1.5, 0.125, 0, 0.125, 2.5]
 * smoothL1([-2, -0.5, 3], { beta: 2 }); // => [1, 0.0625, 2]
 * smoothL1([-2, 0.5], { beta: 0, reduction: "mean" }); // => 1.25
 */
export function smoothL1(residual: Tensor, opts: SmoothL1Options & { reduction: "mean" | "sum" }): number;
export function smoothL1(residual: Vector, opts?: SmoothL1Options & { reduction?: "none" }): Float64Array;
export function smoothL1(residual: Matrix, opts?: SmoothL1Options & { reduction?: "none" }): Float64Array[];
export function smoothL1(residual: Tensor, opts?: SmoothL1Options & { reduction?: "none" }): NestedFloat64;
export function smoothL1(residual: Vector, opts?: SmoothL1Options): number | Float64Array;
export function smoothL1(residual: Matrix, opts?: SmoothL1Options): number | Float64Array[];
export function smoothL1(residual: Tensor, opts?: SmoothL1Options): number | NestedFloat64;
export function smoothL1(residual: Tensor, opts?: SmoothL1Options): number | NestedFloat64 {
  const fn = "smoothL1";
  const { o, reduction, beta, data, shape } = readDeferred((defer) => read(fn, residual, opts, defer));
  const n = data.length;
  const out = reduction === "none" ? o.out ?? allocFloat64(n) : null;
  let sum = 0;
  let check = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    check += smoothL1Values(chunkOf(data, from, to, 0), beta, chunkTarget(out, from, to), to - from);
    if (out === null) sum += sumScratch(to - from);
  }
  if (!(check === 0)) read(fn, residual, opts, false); // a NaN or ±∞ residual
  if (out !== null) return unflatten(out, shape);
  return reduction === "sum" ? sum : sum / n;
}

/**
 * Gradient of {@link smoothL1} with respect to `residual`: clamp(r, −β, β)/β per element (sign(r) for β = 0),
 * divided by N for `"mean"`. Shaped like `residual` (a Float64Array for a Vector, a Float64Array[] for a Matrix).
 * Exact: ±1 in the tails, r/β inside.
 *
 * @throws LossInputError as {@link smoothL1}
 * @example
 * smoothL1Grad([-2, -0.5, 0, 0.5, 3], { beta: 2 }); // => [-1, -0.25, 0, 0.25, 1]
 * smoothL1Grad([-2, 0, 0.5], { beta: 0 }); // => [-1, 0, 1]
 */
export function smoothL1Grad(residual: Vector, opts?: SmoothL1Options): Float64Array;
export function smoothL1Grad(residual: Matrix, opts?: SmoothL1Options): Float64Array[];
export function smoothL1Grad(residual: Tensor, opts?: SmoothL1Options): NestedFloat64;
export function smoothL1Grad(residual: Tensor, opts?: SmoothL1Options): NestedFloat64 {
  const fn = "smoothL1Grad";
  const { o, reduction, beta, data, shape } = readDeferred((defer) => read(fn, residual, opts, defer));
  const n = data.length;
  const out = o.out ?? allocFloat64(n);
  const scale = reduction === "mean" ? n : 1;
  let check = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    check += smoothL1Grads(chunkOf(data, from, to, 0), beta, scale, out.subarray(from, to), to - from);
  }
  if (!(check === 0)) read(fn, residual, opts, false);
  return unflatten(out, shape);
}
