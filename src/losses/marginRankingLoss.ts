import { allocFloat64, readDeferred } from "../core/tensor";
import { gradOutputBuffers } from "../core/output";
import { reductionScale } from "../core/reduce";
import { CHUNK, chunkOf, chunkTarget, sumScratch } from "../math/chunked";
import type { Reduction, Vector } from "../core/types";
import { readMarginRankingPairs as readPairs, type MarginRankingPairs as Pairs } from "./marginRankingPairs";

/** Options of {@link marginRankingLoss} and {@link marginRankingLossGrad}. */
export interface MarginRankingLossOptions {
  /** The required gap y·(x1 − x2) ≥ margin; any finite number. Default 0 (as PyTorch). */
  readonly margin?: number;
  /** `"none"` (default) keeps one loss per pair, `"mean"` averages them, `"sum"` adds them (as PyTorch). */
  readonly reduction?: Reduction;
  /** A Float64Array of one slot per pair to write the per-pair losses into (used with `"none"`). */
  readonly out?: Float64Array;
  /**
   * For {@link marginRankingLossGrad} (ignored by `marginRankingLoss`): buffers to write the gradients into instead of
   * allocating them, each returned as the result's own entry; a key left out is allocated.
   */
  readonly gradOut?: MarginRankingLossGradOut;
}

/**
 * Caller's buffers for {@link marginRankingLossGrad}. Each is optional, checked once per call, and must not overlap
 * another buffer or an input (x1, x2, y): the gradient is not computed in place (an `OUT_OF_DOMAIN` error).
 */
export interface MarginRankingLossGradOut {
  /** A Float64Array [n] (one slot per pair) that receives ∂/∂x1 and is returned as the result's `x1`. */
  readonly x1?: Float64Array;
  /** A Float64Array [n] that receives ∂/∂x2 and is returned as the result's `x2`. */
  readonly x2?: Float64Array;
}

/** The gradient of {@link marginRankingLoss} with respect to x1 and x2. */
export interface MarginRankingLossGradient {
  readonly x1: Float64Array;
  readonly x2: Float64Array;
}

/**
 * The hinge max(0, −yᵢ(x1ᵢ − x2ᵢ) + margin) of one chunk of m pairs into dst (labels y, or yAll for all when y is
 * null); returns the chunk's check: 0, or NaN or > 0 for an invalid input or label (|y² − 1| is 0 exactly for ±1)
 * and for a hinge argument past float64. `exact` takes `v > 0 ? v : 0`, right also where the argument overflows to
 * ±∞; otherwise the branch-free (v + |v|)/2, exact for finite v below 2^1023 (random signs mispredict a branch).
 */
function hinges(
  a: Float64Array, b: Float64Array, y: Float64Array | null, yAll: number, margin: number, exact: boolean, dst: Float64Array, m: number,
): number {
  // Two pairs per iteration with two check sums, so that the additions do not wait for each other.
  let c0 = 0;
  let c1 = 0;
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const y0 = y === null ? yAll : y[i];
    const y1 = y === null ? yAll : y[i + 1];
    const v0 = -y0 * (a[i] - b[i]) + margin; // PyTorch's (-target * (input1 - input2) + margin).clamp_min_(0)
    const v1 = -y1 * (a[i + 1] - b[i + 1]) + margin;
    dst[i] = exact ? (v0 > 0 ? v0 : 0) : (v0 + Math.abs(v0)) * 0.5;
    dst[i + 1] = exact ? (v1 > 0 ? v1 : 0) : (v1 + Math.abs(v1)) * 0.5;
    c0 += Math.abs(y0 * y0 - 1) + (v0 - v0);
    c1 += Math.abs(y1 * y1 - 1) + (v1 - v1);
  }
  if (i < m) {
    const yi = y === null ? yAll : y[i];
    const v = -yi * (a[i] - b[i]) + margin;
    dst[i] = exact ? (v > 0 ? v : 0) : (v + Math.abs(v)) * 0.5;
    c0 += Math.abs(yi * yi - 1) + (v - v);
  }
  return c0 + c1;
}

/**
 * The gradient of one chunk of m pairs: −yᵢ·scale into g1 and yᵢ·scale into g2 where the hinge is active
 * (argument ≥ 0), else 0; returns the chunk's check as {@link hinges}.
 */
function hingeGrads(
  a: Float64Array, b: Float64Array, y: Float64Array | null, yAll: number, margin: number, scale: number,
  g1: Float64Array, g2: Float64Array, m: number,
): number {
  let check = 0;
  for (let i = 0; i < m; i++) {
    const yi = y === null ? yAll : y[i];
    const v = -yi * (a[i] - b[i]) + margin;
    // 1 or 0 without a branch, as a float (a − a is 0 for the finite inputs that get this far): an integer 0/1
    // times the integer ±1 label would carry a −0 check that branches on every inactive pair. + 0 turns −0 into 0.
    const active = a[i] - a[i] + +(v >= 0);
    g1[i] = active * (-yi * scale) + 0;
    g2[i] = active * (yi * scale) + 0;
    check += Math.abs(yi * yi - 1) + (v - v);
  }
  return check;
}

/**
 * Margin ranking loss: ℓᵢ = max(0, −yᵢ·(x1ᵢ − x2ᵢ) + margin), as `torch.nn.MarginRankingLoss`. yᵢ = 1 asks for
 * x1ᵢ to rank above x2ᵢ by at least `margin`, yᵢ = −1 for the reverse. Gradient where the hinge is active:
 * ∂ℓᵢ/∂x1ᵢ = −yᵢ, ∂ℓᵢ/∂x2ᵢ = yᵢ.
 *
 * Shapes: x1 and x2 are Vectors [n]; y is a Vector [n] of ±1 or one number ±1 for every pair. `"none"` gives a
 * Float64Array [n], `"mean"`/`"sum"` a number. No infinity is meaningful; a difference x1 − x2 past float64 gives an
 * Infinity loss (or 0), never NaN.
 * @throws LossInputError `EMPTY`, `SHAPE_MISMATCH` (lengths differ), `NOT_FINITE` (NaN, ±Infinity),
 * `OUT_OF_DOMAIN` (a label not ±1, reduction), `INVALID_TYPE`
 * @example
 * marginRankingLoss([0.8, 0.2, 0.5], [0.3, 0.6, 0.5], [1, 1, -1], { margin: 0.1 }); // => [0, 0.5, 0.1]
 * marginRankingLoss([2, -1], [1, 1], 1, { reduction: "mean" }); // => 1
 */
export function marginRankingLoss(x1: Vector, x2: Vector, y: Vector | number, opts: MarginRankingLossOptions & { reduction: "mean" | "sum" }): number;
export function marginRankingLoss(x1: Vector, x2: Vector, y: Vector | number, opts?: MarginRankingLossOptions & { reduction?: "none" }): Float64Array;
export function marginRankingLoss(x1: Vector, x2: Vector, y: Vector | number, opts?: MarginRankingLossOptions): number | Float64Array;
export function marginRankingLoss(x1: Vector, x2: Vector, y: Vector | number, opts?: MarginRankingLossOptions): number | Float64Array {
  const fn = "marginRankingLoss";
  const q = readDeferred((defer) => readPairs(fn, x1, x2, y, opts, defer));
  const n = q.x1.length;
  const out = q.reduction === "none" ? q.out ?? allocFloat64(n) : null;
  let s = hingeSums(q, false, out);
  if (Number.isNaN(s)) {
    readPairs(fn, x1, x2, y, opts, false); // throws for NaN, ±∞ or a bad label; else a difference overflowed
    s = hingeSums(q, true, out);
  }
  if (out !== null) return out;
  return q.reduction === "mean" ? s / n : s;
}

/** Runs {@link hinges} over all pairs, into `out` or summed; NaN when a chunk's check is not 0. */
function hingeSums(q: Pairs, exact: boolean, out: Float64Array | null): number {
  const n = q.x1.length;
  let sum = 0;
  let check = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    const y = q.y === null ? null : chunkOf(q.y, from, to, 2);
    check += hinges(chunkOf(q.x1, from, to, 0), chunkOf(q.x2, from, to, 1), y, q.yAll, q.margin, exact, chunkTarget(out, from, to), to - from);
    if (out === null) sum += sumScratch(to - from);
  }
  return check === 0 ? sum : NaN;
}

/**
 * Gradient of the sum of {@link marginRankingLoss}'s returned values (of the scalar for `"mean"`/`"sum"`):
 * ∂/∂x1ᵢ = −yᵢ and ∂/∂x2ᵢ = yᵢ where −yᵢ(x1ᵢ − x2ᵢ) + margin ≥ 0, else 0; times 1/n for `"mean"`. At exactly 0 — the
 * kink — it takes the active side, as PyTorch's `clamp_min` backward (`where(x >= 0, grad, 0)`).
 *
 * Shapes: `{x1, x2}`, two Float64Arrays [n]: the caller's `gradOut.x1` / `gradOut.x2` when given (written
 * completely, no allocation), fresh arrays otherwise.
 * @throws LossInputError as {@link marginRankingLoss}; for `gradOut`: `INVALID_TYPE` (not an object, a buffer not a
 * Float64Array), `SHAPE_MISMATCH` (a buffer's length ≠ n), `OUT_OF_DOMAIN` (an unknown key; two buffers, or a buffer
 * and an input, that share memory)
 * @example
 * marginRankingLossGrad([0.8, 0.2], [0.3, 0.6], [1, 1]).x1; // => [0, -1]
 * marginRankingLossGrad([0.8, 0.2], [0.3, 0.6], [1, 1], { reduction: "mean" }).x2; // => [0, 0.5]
 * const gradOut = { x1: new Float64Array(2), x2: new Float64Array(2) };
 * marginRankingLossGrad([0.8, 0.2], [0.3, 0.6], [1, 1], { gradOut }).x1 === gradOut.x1; // => true
 * gradOut.x2; // => [0, 1]
 */
export function marginRankingLossGrad(x1: Vector, x2: Vector, y: Vector | number, opts?: MarginRankingLossOptions): MarginRankingLossGradient {
  const fn = "marginRankingLossGrad";
  const q = readDeferred((defer) => readPairs(fn, x1, x2, y, opts, defer));
  const n = q.x1.length;
  const scale = reductionScale(q.reduction, n);
  const inputs = { x1: [q.x1], x2: [q.x2], y: q.y === null ? [] : [q.y] };
  const given = gradOutputBuffers(fn, opts?.gradOut, { x1: n, x2: n }, inputs);
  const g1 = given.x1 ?? allocFloat64(n);
  const g2 = given.x2 ?? allocFloat64(n);
  let check = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    const y = q.y === null ? null : chunkOf(q.y, from, to, 2);
    check += hingeGrads(chunkOf(q.x1, from, to, 0), chunkOf(q.x2, from, to, 1), y, q.yAll, q.margin, scale, g1.subarray(from, to), g2.subarray(from, to), to - from);
  }
  if (!(check === 0)) readPairs(fn, x1, x2, y, opts, false); // throws for NaN, ±∞ or a bad label
  return { x1: g1, x2: g2 };
}
