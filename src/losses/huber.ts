import { allocFloat64, flatten, readDeferred, unflatten } from "../core/tensor";
import { checkNumber, checkOptions, checkReduction } from "../core/validate";
import { outputBuffer } from "../core/output";
import type { Matrix, NestedFloat64, Reduction, Tensor, Vector } from "../core/types";
import { CHUNK, chunkOf, chunkTarget, sumScratch } from "../math/chunked";

/** Options of {@link huber} and {@link huberGrad}. */
export interface HuberOptions {
  /** Where the loss turns from quadratic to linear; > 0. Default 1. */
  readonly delta?: number;
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
function read(fn: string, residual: Tensor, opts: HuberOptions | undefined, defer: boolean) {
  const o = checkOptions(fn, opts);
  const reduction = checkReduction(fn, o.reduction ?? "none");
  const delta = checkNumber(fn, "delta", o.delta ?? 1, { min: 0, minExclusive: true });
  const r = flatten(fn, "residual", residual, { deferFloatArrays: defer });
  if (o.out !== undefined && (reduction === "none" || fn.endsWith("Grad"))) outputBuffer(fn, r.data.length, o.out);
  return { o, reduction, delta, data: r.data, shape: r.shape };
}

/**
 * Huber values of one chunk of m elements into dst, without data-dependent branches; returns the chunk's check:
 * 0, or NaN when a residual is NaN or ±∞.
 */
function huberValues(data: Float64Array, delta: number, dst: Float64Array, m: number): number {
  let check = 0;
  for (let i = 0; i < m; i++) {
    const r = data[i];
    const a = Math.abs(r);
    const u = a - delta;
    const t = 0.5 * u + 0.5 * Math.abs(u); // max(u, 0), exactly: ½u + ½|u| is u or 0
    const c = a - t; // min(|r|, δ); exactly |r| when |r| ≤ δ
    dst[i] = 0.5 * c * c + delta * t;
    check += r - r;
  }
  return check;
}

/** clamp(r, −δ, δ)/scale of one chunk of m elements into dst; returns the chunk's check as {@link huberValues}. */
function huberGrads(data: Float64Array, delta: number, scale: number, dst: Float64Array, m: number): number {
  let check = 0;
  for (let i = 0; i < m; i++) {
    const r = data[i];
    // Without a branch: out and neg are 1 or 0, so exactly one of r·1 and ±δ survives; tail is ±δ outside and −1
    // inside, where out·tail = −0 and r + (−0) keeps even r = −0. out is made a float (r − r is 0 for the finite
    // residuals that get this far): with δ = 1, V8 would multiply out·δ as integers, with a −0 check that branches
    // on every element inside the quadratic zone.
    const out = r - r + +(Math.abs(r) > delta);
    const neg = +(r < 0);
    const tail = out * delta * (1 - 2 * neg) - (1 - out);
    const g = r * (1 - out) + out * tail;
    dst[i] = scale === 1 ? g : g / scale;
    check += r - r;
  }
  return check;
}

/**
 * Huber loss of residuals r = ŷ − y, as `torch.nn.HuberLoss`:
 * ℓ(r) = ½r² for |r| ≤ δ, δ·(|r| − ½δ) otherwise; gradient dℓ/dr = clamp(r, −δ, δ).
 *
 * Computed without a data-dependent branch (V8 turns `Math.min` and `?:` into branches, ~6× slower here):
 * t = max(|r| − δ, 0) = ½u + ½|u| with u = |r| − δ (exact), c = |r| − t (= min(|r|, δ)), ℓ = ½c² + δ·t.
 * In the quadratic zone t = 0 and c = |r| exactly, so ℓ is bit-identical to ½r²; in the linear zone it is within
 * ~1.2 ulp of the exact value (the textbook δ·(|r| − ½δ) is within ~1.4 ulp).
 *
 * Shapes: `residual` is a nested array of any depth; `"none"` returns its nesting (a Float64Array for a Vector, a
 * Float64Array[] for a Matrix; the last axis is always a Float64Array), `"mean"`/`"sum"` a number. Residuals must
 * be finite (an infinite residual has no useful Huber value here).
 * @throws LossInputError `OUT_OF_DOMAIN` (delta ≤ 0, reduction), `NOT_FINITE` (NaN, ±∞, non-finite delta),
 *   `EMPTY`, `SHAPE_MISMATCH` (ragged, `out` length), `INVALID_TYPE`
 * @example
 * huber([-2, -0.5, 0, 0.5, 3]); // => [1.5, 0.125, 0, 0.125, 2.5]
 * huber([-2, 3], { delta: 2, reduction: "sum" }); // => 6
 */
export function huber(residual: Tensor, opts: HuberOptions & { reduction: "mean" | "sum" }): number;
export function huber(residual: Vector, opts?: HuberOptions & { reduction?: "none" }): Float64Array;
export function huber(residual: Matrix, opts?: HuberOptions & { reduction?: "none" }): Float64Array[];
export function huber(residual: Tensor, opts?: HuberOptions & { reduction?: "none" }): NestedFloat64;
export function huber(residual: Vector, opts?: HuberOptions): number | Float64Array;
export function huber(residual: Matrix, opts?: HuberOptions): number | Float64Array[];
export function huber(residual: Tensor, opts?: HuberOptions): number | NestedFloat64;
export function huber(residual: Tensor, opts?: HuberOptions): number | NestedFloat64 {
  const fn = "huber";
  const { o, reduction, delta, data, shape } = readDeferred((defer) => read(fn, residual, opts, defer));
  const n = data.length;
  const out = reduction === "none" ? o.out ?? allocFloat64(n) : null;
  let sum = 0;
  let check = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    check += huberValues(chunkOf(data, from, to, 0), delta, chunkTarget(out, from, to), to - from);
    if (out === null) sum += sumScratch(to - from);
  }
  if (!(check === 0)) read(fn, residual, opts, false); // a NaN or ±∞ residual
  if (out !== null) return unflatten(out, shape);
  return reduction === "sum" ? sum : sum / n;
}

/**
 * Gradient of {@link huber} with respect to `residual`: clamp(r, −δ, δ) per element for `"none"` and `"sum"`
 * (the gradient of the sum of the returned values), clamp(r, −δ, δ)/N for `"mean"`. Shaped like `residual`
 * (a Float64Array for a Vector, a Float64Array[] for a Matrix).
 * At |r| = δ both sides agree (the slope is ±δ). Exact: ±δ in the tails, r itself inside.
 *
 * @throws LossInputError as {@link huber}
 * @example
 * huberGrad([-2, -0.5, 0, 0.5, 3]); // => [-1, -0.5, 0, 0.5, 1]
 * huberGrad([[-2], [0.5]], { reduction: "mean" }); // => [[-0.5], [0.25]]
 */
export function huberGrad(residual: Vector, opts?: HuberOptions): Float64Array;
export function huberGrad(residual: Matrix, opts?: HuberOptions): Float64Array[];
export function huberGrad(residual: Tensor, opts?: HuberOptions): NestedFloat64;
export function huberGrad(residual: Tensor, opts?: HuberOptions): NestedFloat64 {
  const fn = "huberGrad";
  const { o, reduction, delta, data, shape } = readDeferred((defer) => read(fn, residual, opts, defer));
  const n = data.length;
  const out = o.out ?? allocFloat64(n);
  const scale = reduction === "mean" ? n : 1;
  let check = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    check += huberGrads(chunkOf(data, from, to, 0), delta, scale, out.subarray(from, to), to - from);
  }
  if (!(check === 0)) read(fn, residual, opts, false);
  return unflatten(out, shape);
}
