import { allocFloat64, assertSameShape, flatten, isFloatArray, readDeferred, unflatten } from "../core/tensor";
import { expFast as expFastImport } from "../math/exp";
import { log1pUnit as log1pUnitImport } from "../math/softplus";
import { CHUNK, chunkOf, chunkTarget, sumScratch } from "../math/chunked";
import { checkNumber, checkOptions, checkReduction } from "../core/validate";
import { outputBuffer } from "../core/output";
import type { Matrix, NestedFloat64, Reduction, Tensor, Vector } from "../core/types";
import { checkTerm as checkTermImport, checkUnitInterval } from "./bceKernels";
import { modulate as modulateImport } from "./focalLoss";

// Module-local copies of imported functions the hot loops call: under tsx/esbuild every use of an imported binding
// is a getter call, which spends V8's inlining budget (see src/math/chunked.ts). tsc's CommonJS output has no getters.
const expFast = expFastImport;
const log1pUnit = log1pUnitImport;
const checkTerm = checkTermImport;
const modulate = modulateImport;

/** Options of {@link sigmoidFocalLoss} and {@link sigmoidFocalLossGrad}. */
export interface SigmoidFocalLossOptions {
  /** Weight α ∈ [0, 1] of the positive class (1 − α for the negative); `null` for no α weighting. Default 0.25. */
  readonly alpha?: number | null;
  /** Focusing exponent γ ≥ 0. Default 2. */
  readonly gamma?: number;
  /** `"none"` (default) keeps one value per element, `"mean"` averages, `"sum"` adds. */
  readonly reduction?: Reduction;
  /** A Float64Array of one slot per element to write the per-element result into (reused, not allocated; if the call throws, it may be partly written). */
  readonly out?: Float64Array;
}

/**
 * Reads and checks the arguments. With `defer`, Float64Array/Float32Array logits and targets are not scanned: the
 * loops fold the checks into their arithmetic (bceWithLogits' `checkTerm`) and read again without `defer`, which
 * throws what an eager read would, when that fails.
 */
function read(fn: string, logits: Tensor, targets: Tensor, opts: SigmoidFocalLossOptions | undefined, defer: boolean) {
  const o = checkOptions(fn, opts);
  const reduction = checkReduction(fn, o.reduction ?? "none");
  const gamma = checkNumber(fn, "gamma", o.gamma ?? 2, { min: 0 });
  const alpha = o.alpha === null ? null : checkNumber(fn, "alpha", o.alpha ?? 0.25, { min: 0, max: 1 });
  const z = flatten(fn, "logits", logits, { allowInfinite: true, deferFloatArrays: defer });
  const y = flatten(fn, "targets", targets, { allowInfinite: true, deferFloatArrays: defer });
  assertSameShape(fn, "logits", z, "targets", y);
  if (!defer || !isFloatArray(targets)) checkUnitInterval(fn, "targets", y.data);
  if (o.out !== undefined && (reduction === "none" || fn === "sigmoidFocalLossGrad")) outputBuffer(fn, z.data.length, o.out);
  return { o, reduction, gamma, alpha, z: z.data, y: y.data, shape: z.shape };
}

/**
 * BCE-with-logits (1 − y)·softplus(z) + y·softplus(−z), given l = log1p(e^−|z|); at z = ±∞ a term whose
 * coefficient is 0 vanishes (0·∞ = 0), so a saturated logit that agrees with a hard label costs 0.
 */
function crossEntropy(z: number, y: number, l: number): number {
  if (z - z !== 0) return (z > 0 ? 1 - y : y) > 0 ? Infinity : 0;
  const m = 0.5 * z + 0.5 * Math.abs(z); // max(z, 0) without a branch; m − z = max(−z, 0), exactly
  return (1 - y) * (m + l) + y * (m - z + l);
}

/**
 * Sigmoid focal loss on logits, as `torchvision.ops.sigmoid_focal_loss` (RetinaNet): with p = σ(z),
 * p_t = p·y + (1 − p)(1 − y) and ce = BCE-with-logits(z, y),
 * ℓ = α_t·ce·(1 − p_t)^γ, α_t = α·y + (1 − α)(1 − y) (α_t = 1 when `alpha` is `null`).
 * Gradient (see {@link sigmoidFocalLossGrad}): α_t·(1 − p_t)^γ·[σ(z) − y + γ·ce·(1 − 2y)·σ(z)σ(−z)/(1 − p_t)].
 *
 * Stable for any logit: σ(z), σ(−z) and ce come from one e^−|z| (logits ±1000 give exact 0 or α_t·1000).
 * Shapes: `logits` and `targets` are nested arrays of one shape, any depth; `"none"` keeps the nesting (a
 * Float64Array for two Vectors, a Float64Array[] for two Matrices), `"mean"`/`"sum"` give a number. Targets in
 * [0, 1] (soft labels allowed).
 * Infinities: logits ±∞ are meaningful, as in {@link bceWithLogits}: ℓ = 0 when the target agrees exactly
 * (z = +∞, y = 1 or z = −∞, y = 0) or α_t = 0, +∞ otherwise.
 * @throws LossInputError `SHAPE_MISMATCH` (targets, `out`), `OUT_OF_DOMAIN` (target ∉ [0, 1], alpha ∉ [0, 1],
 *   gamma < 0, reduction), `NOT_FINITE` (NaN, non-finite alpha or gamma), `EMPTY`, `INVALID_TYPE`
 * @example
 * sigmoidFocalLoss([0, 0], [1, 0]); // => [0.0625 * Math.LN2, 0.1875 * Math.LN2]
 * sigmoidFocalLoss([1000, -1000, 1000], [0, 0, 1], { alpha: null }); // => [1000, 0, 0]
 * sigmoidFocalLoss([0], [1], { gamma: 0, alpha: 0.5, reduction: "sum" }); // => 0.5 * Math.LN2
 */
export function sigmoidFocalLoss(logits: Tensor, targets: Tensor, opts: SigmoidFocalLossOptions & { reduction: "mean" | "sum" }): number;
export function sigmoidFocalLoss(logits: Vector, targets: Vector, opts?: SigmoidFocalLossOptions & { reduction?: "none" }): Float64Array;
export function sigmoidFocalLoss(logits: Matrix, targets: Matrix, opts?: SigmoidFocalLossOptions & { reduction?: "none" }): Float64Array[];
export function sigmoidFocalLoss(logits: Tensor, targets: Tensor, opts?: SigmoidFocalLossOptions & { reduction?: "none" }): NestedFloat64;
export function sigmoidFocalLoss(logits: Vector, targets: Vector, opts?: SigmoidFocalLossOptions): number | Float64Array;
export function sigmoidFocalLoss(logits: Matrix, targets: Matrix, opts?: SigmoidFocalLossOptions): number | Float64Array[];
export function sigmoidFocalLoss(logits: Tensor, targets: Tensor, opts?: SigmoidFocalLossOptions): number | NestedFloat64;
export function sigmoidFocalLoss(logits: Tensor, targets: Tensor, opts?: SigmoidFocalLossOptions): number | NestedFloat64 {
  const fn = "sigmoidFocalLoss";
  const { o, reduction, gamma, alpha, z, y, shape } = readDeferred((defer) => read(fn, logits, targets, opts, defer));
  const n = z.length;
  const out = reduction === "none" ? o.out ?? allocFloat64(n) : null;
  let sum = 0;
  let check = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    check += focalValues(chunkOf(z, from, to, 0), chunkOf(y, from, to, 1), alpha, gamma, chunkTarget(out, from, to), to - from);
    if (out === null) sum += sumScratch(to - from);
  }
  if (!(check === 0)) read(fn, logits, targets, opts, false);
  if (out !== null) return unflatten(out, shape);
  return reduction === "sum" ? sum : sum / n;
}

/** Sigmoid focal values of one chunk of m elements into dst; returns the chunk's folded check (checkTerm). */
function focalValues(
  z: Float64Array, y: Float64Array, alpha: number | null, gamma: number,
  dst: Float64Array, m: number,
): number {
  let check = 0;
  for (let i = 0; i < m; i++) {
    const zi = z[i];
    const t = y[i];
    // σ(z) and σ(−z) from one e^−|z|, each with full relative accuracy, so 1 − p_t never cancels. The sign picks
    // σ(|z|) or σ(−|z|) arithmetically (pos is 1 or 0, each product exact), not with a mispredicted branch.
    const e = expFast(-Math.abs(zi));
    const big = 1 / (1 + e); // σ(|z|)
    const small = e * big; // σ(−|z|)
    const pos = +(zi >= 0);
    const m = (1 - t) * (pos * big + (1 - pos) * small) + t * (pos * small + (1 - pos) * big); // 1 − p_t
    const alphaT = alpha === null ? 1 : alpha * t + (1 - alpha) * (1 - t);
    // A zero factor removes the term even when ce = ∞ (a saturated wrong logit that α or p_t switches off).
    const factor = alphaT * modulate(m, gamma);
    dst[i] = factor === 0 ? 0 : factor * crossEntropy(zi, t, log1pUnit(e));
    check += checkTerm(zi, t);
  }
  return check;
}

/** Sigmoid focal gradients of one chunk, divided by `scale` (1: no division), into dst; returns the folded check. */
function focalGrads(
  z: Float64Array, y: Float64Array, alpha: number | null, gamma: number, scale: number,
  dst: Float64Array, m: number,
): number {
  let check = 0;
  for (let i = 0; i < m; i++) {
    const zi = z[i];
    const t = y[i];
    const e = expFast(-Math.abs(zi));
    const big = 1 / (1 + e);
    const small = e * big;
    const pos = +(zi >= 0);
    const sig = pos * big + (1 - pos) * small; // σ(z)
    const sigNeg = pos * small + (1 - pos) * big; // σ(−z)
    const m = (1 - t) * sig + t * sigNeg; // 1 − p_t
    const alphaT = alpha === null ? 1 : alpha * t + (1 - alpha) * (1 - t);
    const ratio = m > 0 ? (sig * sigNeg) / m : 1; // ≤ 1; m = 0 only with a saturated hard label
    // γ·ce·(1 − 2y)·σ(z)σ(−z)/m; its limit at z = ±∞ is 0 (ce grows like |z|, σ(−|z|) decays like e^−|z|).
    const ceTerm = zi - zi === 0 && gamma !== 0 ? gamma * crossEntropy(zi, t, log1pUnit(e)) * (1 - t - t) * ratio : 0;
    const g = alphaT * modulate(m, gamma) * ((1 - t) * sig - t * sigNeg + ceTerm);
    dst[i] = (scale === 1 ? g : g / scale) + 0;
    check += checkTerm(zi, t);
  }
  return check;
}

/**
 * Gradient of {@link sigmoidFocalLoss} with respect to `logits`, with s = σ(z), m = 1 − p_t:
 * dℓ/dz = α_t·m^γ·[(1 − y)·s − y·(1 − s) + γ·ce·(1 − 2y)·s(1 − s)/m], divided by N for `"mean"`. Shaped like `logits`
 * (a Float64Array for two Vectors, a Float64Array[] for two Matrices).
 *
 * The factor s(1 − s)/m is at most 1 (m ≥ min(s, 1 − s)), so m^(γ−1) never appears alone: finite for γ < 1 and
 * for |z| = 1000, where it gives the exact limits (e.g. −α_t for z = −1000, y = 1). At z = ±∞ the ce term's
 * limit (ce·σ(−|z|) → 0) is used.
 *
 * @throws LossInputError as {@link sigmoidFocalLoss}
 * @example
 * sigmoidFocalLossGrad([0], [1], { gamma: 0, alpha: null }); // => [-0.5]
 * sigmoidFocalLossGrad([-1000, 1000], [1, 1]); // => [-0.25, 0]
 */
export function sigmoidFocalLossGrad(logits: Vector, targets: Vector, opts?: SigmoidFocalLossOptions): Float64Array;
export function sigmoidFocalLossGrad(logits: Matrix, targets: Matrix, opts?: SigmoidFocalLossOptions): Float64Array[];
export function sigmoidFocalLossGrad(logits: Tensor, targets: Tensor, opts?: SigmoidFocalLossOptions): NestedFloat64;
export function sigmoidFocalLossGrad(logits: Tensor, targets: Tensor, opts?: SigmoidFocalLossOptions): NestedFloat64 {
  const fn = "sigmoidFocalLossGrad";
  const { o, reduction, gamma, alpha, z, y, shape } = readDeferred((defer) => read(fn, logits, targets, opts, defer));
  const n = z.length;
  const out = o.out ?? allocFloat64(n);
  const scale = reduction === "mean" ? n : 1;
  let check = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    check += focalGrads(chunkOf(z, from, to, 0), chunkOf(y, from, to, 1), alpha, gamma, scale, out.subarray(from, to), to - from);
  }
  if (!(check === 0)) read(fn, logits, targets, opts, false);
  return unflatten(out, shape);
}
