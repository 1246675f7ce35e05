import { LossInputError, show } from "../core/errors";
import { allocFloat64, assertSameShape, flatten, isFloatArray, readDeferred, unflatten } from "../core/tensor";
import { CHUNK, chunkOf, chunkTarget, sumScratch } from "../math/chunked";
import { bceGrads, bceValues, checkUnitInterval } from "./bceKernels";
import { checkNumber, checkOptions, checkReduction } from "../core/validate";
import { outputBuffer } from "../core/output";
import type { Matrix, NestedFloat64, Reduction, Tensor, Vector } from "../core/types";

/** Options of {@link bceWithLogits} and {@link bceWithLogitsGrad}. */
export interface BceWithLogitsOptions {
  /** A weight ≥ 0 per element, shaped like `logits`, multiplying each term. Default: all 1. */
  readonly weight?: Tensor;
  /** Weight p ≥ 0 of the positive term: one number, or a Vector with one entry per last-axis position. Default 1. */
  readonly posWeight?: number | Vector;
  /** `"none"` (default) keeps one value per element, `"mean"` averages, `"sum"` adds. */
  readonly reduction?: Reduction;
  /** A Float64Array of one slot per element to write the per-element result into (reused, not allocated; if the call throws, it may be partly written). */
  readonly out?: Float64Array;
}

function checkNonNegative(fn: string, arg: string, data: ArrayLike<number>): void {
  for (let i = 0; i < data.length; i++) {
    if (!(data[i] >= 0)) throw new LossInputError("OUT_OF_DOMAIN", fn, arg, `must be ≥ 0 (got ${show(data[i])} at flat index ${i})`);
  }
}

/**
 * Reads and checks the arguments. With `defer`, Float64Array/Float32Array logits and targets are not scanned: the
 * loops fold the checks into their arithmetic (see {@link checkTerm}) and read again without `defer`, which throws
 * what an eager read would, when the folded check fails.
 */
function read(fn: string, logits: Tensor, targets: Tensor, opts: BceWithLogitsOptions | undefined, defer: boolean) {
  const o = checkOptions(fn, opts);
  const reduction = checkReduction(fn, o.reduction ?? "none");
  const z = flatten(fn, "logits", logits, { allowInfinite: true, deferFloatArrays: defer });
  const y = flatten(fn, "targets", targets, { allowInfinite: true, deferFloatArrays: defer });
  assertSameShape(fn, "logits", z, "targets", y);
  if (!defer || !isFloatArray(targets)) checkUnitInterval(fn, "targets", y.data);
  let w: ArrayLike<number> | null = null;
  if (o.weight !== undefined) {
    const wf = flatten(fn, "weight", o.weight);
    assertSameShape(fn, "logits", z, "weight", wf);
    checkNonNegative(fn, "weight", wf.data);
    w = wf.data;
  }
  const cols = z.shape[z.shape.length - 1];
  let p: ArrayLike<number> | number = 1;
  if (typeof o.posWeight === "number" || o.posWeight === undefined) {
    p = checkNumber(fn, "posWeight", o.posWeight ?? 1, { min: 0 });
  } else {
    const pf = flatten(fn, "posWeight", o.posWeight as Tensor);
    if (pf.shape.length !== 1 || pf.shape[0] !== cols) {
      throw new LossInputError("SHAPE_MISMATCH", fn, "posWeight", `must be a number or a vector of ${cols} (last axis of logits) entries (got shape [${pf.shape.join(", ")}])`);
    }
    checkNonNegative(fn, "posWeight", pf.data);
    p = pf.data;
  }
  if (o.out !== undefined && (reduction === "none" || fn === "bceWithLogitsGrad")) outputBuffer(fn, z.data.length, o.out);
  return { o, reduction, z: z.data, y: y.data, w, p, cols, shape: z.shape };
}

/**
 * Binary cross-entropy on logits, as `torch.nn.functional.binary_cross_entropy_with_logits`:
 * ℓᵢ = wᵢ·[p·yᵢ·softplus(−zᵢ) + (1 − yᵢ)·softplus(zᵢ)] = −wᵢ·[p·yᵢ·log σ(zᵢ) + (1 − yᵢ)·log(1 − σ(zᵢ))],
 * computed stably from max(±z, 0) + log1p(e^−|z|) (the seed's max(z, 0) − z·y + log1p(e^−|z|) for p = 1, arranged
 * as a sum of two terms ≥ 0 so soft labels do not cancel), so logits ±1000 stay exact (BCE(1000, 0) = 1000).
 * Gradient ∂ℓᵢ/∂zᵢ = wᵢ·[(1 − yᵢ)·σ(zᵢ) − p·yᵢ·σ(−zᵢ)] = wᵢ·(σ(zᵢ) − yᵢ) for p = 1 (see {@link bceWithLogitsGrad}).
 *
 * Shapes: `logits`, `targets` (and `weight`) are nested arrays of one shape, any depth; `posWeight` is a number
 * or has one entry per last-axis position (broadcast over the rows). `"none"` keeps the nesting (a Float64Array for
 * two Vectors, a Float64Array[] for two Matrices); `"mean"` divides the (weighted) sum by the element count, as
 * PyTorch. Targets are probabilities in [0, 1] (soft labels allowed).
 * Infinities: logits ±∞ are meaningful (a saturated prediction): ℓ = 0 when the target agrees exactly
 * (z = +∞, y = 1 or z = −∞, y = 0), +∞ otherwise; a zero weight still gives 0. Other infinities are errors.
 * @throws LossInputError `SHAPE_MISMATCH` (targets/weight/posWeight/out), `OUT_OF_DOMAIN` (target ∉ [0, 1],
 *   negative weight or posWeight, reduction), `NOT_FINITE` (NaN, infinite weight), `EMPTY`, `INVALID_TYPE`
 * @example
 * bceWithLogits([-2, 0, 2], [0, 1, 1]); // => [0.1269280110429725, 0.6931471805599453, 0.1269280110429725]
 * bceWithLogits([1000, -1000], [0, 0]); // => [1000, 0]
 * bceWithLogits([[0, 0]], [[1, 1]], { posWeight: [1, 3], reduction: "sum" }); // => 4 * Math.LN2
 */
export function bceWithLogits(logits: Tensor, targets: Tensor, opts: BceWithLogitsOptions & { reduction: "mean" | "sum" }): number;
export function bceWithLogits(logits: Vector, targets: Vector, opts?: BceWithLogitsOptions & { reduction?: "none" }): Float64Array;
export function bceWithLogits(logits: Matrix, targets: Matrix, opts?: BceWithLogitsOptions & { reduction?: "none" }): Float64Array[];
export function bceWithLogits(logits: Tensor, targets: Tensor, opts?: BceWithLogitsOptions & { reduction?: "none" }): NestedFloat64;
export function bceWithLogits(logits: Vector, targets: Vector, opts?: BceWithLogitsOptions): number | Float64Array;
export function bceWithLogits(logits: Matrix, targets: Matrix, opts?: BceWithLogitsOptions): number | Float64Array[];
export function bceWithLogits(logits: Tensor, targets: Tensor, opts?: BceWithLogitsOptions): number | NestedFloat64;
export function bceWithLogits(logits: Tensor, targets: Tensor, opts?: BceWithLogitsOptions): number | NestedFloat64 {
  const fn = "bceWithLogits";
  const { o, reduction, z, y, w, p, cols, shape } = readDeferred((defer) => read(fn, logits, targets, opts, defer));
  const n = z.length;
  const out = reduction === "none" ? o.out ?? allocFloat64(n) : null;
  const pS = typeof p === "number" ? p : 1;
  const pV = typeof p === "number" ? null : Float64Array.from(p);
  let sum = 0;
  let check = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    const wc = w === null ? null : chunkOf(w, from, to, 2);
    check += bceValues(chunkOf(z, from, to, 0), chunkOf(y, from, to, 1), pS, pV, from % cols, cols, wc, chunkTarget(out, from, to), to - from);
    if (out === null) sum += sumScratch(to - from);
  }
  if (!(check === 0)) read(fn, logits, targets, opts, false);
  if (out !== null) return unflatten(out, shape);
  return reduction === "sum" ? sum : sum / n;
}

/**
 * Gradient of {@link bceWithLogits} with respect to `logits`: wᵢ·[(1 − yᵢ)·σ(zᵢ) − p·yᵢ·σ(−zᵢ)], which is
 * wᵢ·(σ(zᵢ) − yᵢ) without posWeight, written directly rather than by differentiating the stable form (whose
 * max(z, 0) has no derivative at 0). Divided by N for `"mean"`. Shaped like `logits` (a Float64Array for two
 * Vectors, a Float64Array[] for two Matrices); finite for every logit, ±∞ included (σ(∞) = 1).
 *
 * @throws LossInputError as {@link bceWithLogits}
 * @example
 * bceWithLogitsGrad([0, 0], [1, 0]); // => [-0.5, 0.5]
 * bceWithLogitsGrad([1000, -1000], [0, 0], { reduction: "mean" }); // => [0.5, 0]
 */
export function bceWithLogitsGrad(logits: Vector, targets: Vector, opts?: BceWithLogitsOptions): Float64Array;
export function bceWithLogitsGrad(logits: Matrix, targets: Matrix, opts?: BceWithLogitsOptions): Float64Array[];
export function bceWithLogitsGrad(logits: Tensor, targets: Tensor, opts?: BceWithLogitsOptions): NestedFloat64;
export function bceWithLogitsGrad(logits: Tensor, targets: Tensor, opts?: BceWithLogitsOptions): NestedFloat64 {
  const fn = "bceWithLogitsGrad";
  const { o, reduction, z, y, w, p, cols, shape } = readDeferred((defer) => read(fn, logits, targets, opts, defer));
  const n = z.length;
  const out = o.out ?? allocFloat64(n);
  const scale = reduction === "mean" ? n : 1;
  const pS = typeof p === "number" ? p : 1;
  const pV = typeof p === "number" ? null : Float64Array.from(p);
  let check = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    const wc = w === null ? null : chunkOf(w, from, to, 2);
    check += bceGrads(chunkOf(z, from, to, 0), chunkOf(y, from, to, 1), pS, pV, from % cols, cols, wc, scale, out.subarray(from, to), to - from);
  }
  if (!(check === 0)) read(fn, logits, targets, opts, false);
  return unflatten(out, shape);
}
