import { allocFloat64, flatten, isFloatArray, readDeferred, unflatten } from "../core/tensor";
import { logFast as logFastImport } from "../math/log";
import { CHUNK, chunkOf, chunkTarget, sumScratch } from "../math/chunked";
import { checkNumber, checkOptions, checkReduction } from "../core/validate";
import { outputBuffer } from "../core/output";
import type { Matrix, NestedFloat64, Reduction, Tensor, Vector } from "../core/types";
import { checkUnitInterval } from "./bceKernels";

// Module-local copies of imported functions the hot loops call: under tsx/esbuild every use of an imported binding
// is a getter call, which spends V8's inlining budget (see src/math/chunked.ts). tsc's CommonJS output has no getters.
const logFast = logFastImport;

/** Options of {@link focalLoss} and {@link focalLossGrad}. */
export interface FocalLossOptions {
  /** Focusing exponent γ ≥ 0 of the modulating factor (1 − pt)^γ; 0 gives plain −log pt. Default 2. */
  readonly gamma?: number;
  /** `"none"` (default) keeps one value per element, `"mean"` averages, `"sum"` adds. */
  readonly reduction?: Reduction;
  /** A Float64Array of one slot per element to write the per-element result into (reused, not allocated; if the call throws, it may be partly written). */
  readonly out?: Float64Array;
}

/**
 * Reads and checks the arguments. With `defer`, a Float64Array/Float32Array `pt` is not scanned: the loops fold the
 * check into their arithmetic (pt(1 − pt) ≥ 0 exactly on [0, 1], so Σ (u − |u|) stays 0 there and turns negative or
 * NaN otherwise) and read again without `defer`, which throws what an eager read would, when it fails.
 */
function read(fn: string, pt: Tensor, opts: FocalLossOptions | undefined, defer: boolean) {
  const o = checkOptions(fn, opts);
  const reduction = checkReduction(fn, o.reduction ?? "none");
  const gamma = checkNumber(fn, "gamma", o.gamma ?? 2, { min: 0 });
  // ±∞ then fails the [0, 1] check as OUT_OF_DOMAIN
  const p = flatten(fn, "pt", pt, { allowInfinite: true, deferFloatArrays: defer });
  if (!defer || !isFloatArray(pt)) checkUnitInterval(fn, "pt", p.data);
  if (o.out !== undefined && (reduction === "none" || fn === "focalLossGrad")) outputBuffer(fn, p.data.length, o.out);
  return { o, reduction, gamma, data: p.data, shape: p.shape };
}

/** The modulating factor q^γ (q = 1 − pt), with the default γ = 2 as one multiplication (what `Math.pow` returns too). */
export function modulate(q: number, gamma: number): number {
  return gamma === 2 ? q * q : Math.pow(q, gamma);
}

/**
 * Focal loss on the probability of the true class, as in Lin et al. 2017 (RetinaNet), without α:
 * ℓ(pt) = −(1 − pt)^γ·log(pt). Easy examples (pt near 1) are down-weighted by (1 − pt)^γ relative to −log pt.
 * Gradient dℓ/dpt = γ(1 − pt)^(γ−1)·log(pt) − (1 − pt)^γ/pt (see {@link focalLossGrad}).
 *
 * Shapes: `pt` is a nested array of any depth with values in [0, 1]; `"none"` keeps its nesting (a Float64Array
 * for a Vector, a Float64Array[] for a Matrix), `"mean"`/`"sum"` give a number. Finite for every pt > 0
 * (pt = 1e-300 gives 690.77…, the smallest subnormal 744.44…). pt = 0 (a certain mistake) gives +∞, the true value
 * of −log 0: the one meaningful infinity. ℓ(1) = 0 for every γ.
 * @throws LossInputError `OUT_OF_DOMAIN` (pt ∉ [0, 1], gamma < 0, reduction), `NOT_FINITE` (NaN, non-finite gamma),
 *   `EMPTY`, `SHAPE_MISMATCH` (ragged, `out` length), `INVALID_TYPE`
 * @example
 * focalLoss([0.5]); // => [0.25 * Math.LN2]
 * focalLoss([0.95, 0.55, 0.1], { gamma: 0 }); // => [-Math.log(0.95), -Math.log(0.55), -Math.log(0.1)]
 * focalLoss([1, 0.5], { gamma: 1, reduction: "sum" }); // => 0.5 * Math.LN2
 */
export function focalLoss(pt: Tensor, opts: FocalLossOptions & { reduction: "mean" | "sum" }): number;
export function focalLoss(pt: Vector, opts?: FocalLossOptions & { reduction?: "none" }): Float64Array;
export function focalLoss(pt: Matrix, opts?: FocalLossOptions & { reduction?: "none" }): Float64Array[];
export function focalLoss(pt: Tensor, opts?: FocalLossOptions & { reduction?: "none" }): NestedFloat64;
export function focalLoss(pt: Vector, opts?: FocalLossOptions): number | Float64Array;
export function focalLoss(pt: Matrix, opts?: FocalLossOptions): number | Float64Array[];
export function focalLoss(pt: Tensor, opts?: FocalLossOptions): number | NestedFloat64;
export function focalLoss(pt: Tensor, opts?: FocalLossOptions): number | NestedFloat64 {
  const fn = "focalLoss";
  const { o, reduction, gamma, data, shape } = readDeferred((defer) => read(fn, pt, opts, defer));
  const n = data.length;
  const out = reduction === "none" ? o.out ?? allocFloat64(n) : null;
  let sum = 0;
  let check = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    check += focalValues(chunkOf(data, from, to, 0), gamma, chunkTarget(out, from, to), to - from);
    if (out === null) sum += sumScratch(to - from);
  }
  if (!(check === 0)) read(fn, pt, opts, false);
  if (out !== null) return unflatten(out, shape);
  return reduction === "sum" ? sum : sum / n;
}

/**
 * 0 when p ∈ [0, 1], negative or NaN otherwise: p(1 − p) ≥ 0 exactly on [0, 1], so u − |u| is 0 there (the
 * loops' folded input check; see `read`).
 */
function unitCheck(p: number): number {
  const u = p * (1 - p);
  return u - Math.abs(u);
}

/** Focal values of one chunk of m elements into dst; returns the chunk's folded check. */
function focalValues(data: Float64Array, gamma: number, dst: Float64Array, m: number): number {
  let check = 0;
  for (let i = 0; i < m; i++) {
    const p = data[i];
    dst[i] = modulate(1 - p, gamma) * (0 - logFast(p)); // 0 − log 1 = +0, not −0
    check += unitCheck(p);
  }
  return check;
}

/** Focal gradients of one chunk, divided by `scale` (1: no division), into dst; returns the chunk's folded check. */
function focalGrads(data: Float64Array, gamma: number, scale: number, dst: Float64Array, m: number): number {
  let check = 0;
  for (let i = 0; i < m; i++) {
    const p = data[i];
    const q = 1 - p;
    let g = -Infinity; // pt = 0
    if (p > 0) {
      const logOverQ = q > 0 ? logFast(p) / q : -1; // → −1 as pt → 1
      g = modulate(q, gamma) * (gamma * logOverQ - 1 / p);
    }
    dst[i] = (scale === 1 ? g : g / scale) + 0; // + 0 turns the −0 at pt = 1 into 0
    check += unitCheck(p);
  }
  return check;
}

/**
 * Gradient of {@link focalLoss} with respect to `pt`: with q = 1 − pt,
 * dℓ/dpt = γ·q^(γ−1)·log(pt) − q^γ/pt = q^γ·(γ·log(pt)/q − 1/pt), divided by N for `"mean"`. Shaped like `pt`
 * (a Float64Array for a Vector, a Float64Array[] for a Matrix).
 *
 * Written with log(pt)/q, which tends to −1 as pt → 1, so the factor q^(γ−1) (infinite at pt = 1 when γ < 1) never
 * appears alone: the gradient at pt = 1 is its true limit, 0 for γ > 0 and −1 for γ = 0. At pt = 0 it is −∞ (the
 * limit of −q^γ/pt); it also overflows to −∞ for pt < ~5.6e-309, where |1/pt| exceeds the float64 range.
 *
 * @throws LossInputError as {@link focalLoss}
 * @example
 * focalLossGrad([0.5], { gamma: 0 }); // => [-2]
 * focalLossGrad([1, 1], { gamma: 0.5 }); // => [0, 0]
 * focalLossGrad([0.5]); // => [Math.log(0.5) - 0.5]
 */
export function focalLossGrad(pt: Vector, opts?: FocalLossOptions): Float64Array;
export function focalLossGrad(pt: Matrix, opts?: FocalLossOptions): Float64Array[];
export function focalLossGrad(pt: Tensor, opts?: FocalLossOptions): NestedFloat64;
export function focalLossGrad(pt: Tensor, opts?: FocalLossOptions): NestedFloat64 {
  const fn = "focalLossGrad";
  const { o, reduction, gamma, data, shape } = readDeferred((defer) => read(fn, pt, opts, defer));
  const n = data.length;
  const out = o.out ?? allocFloat64(n);
  const scale = reduction === "mean" ? n : 1;
  let check = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    check += focalGrads(chunkOf(data, from, to, 0), gamma, scale, out.subarray(from, to), to - from);
  }
  if (!(check === 0)) read(fn, pt, opts, false);
  return unflatten(out, shape);
}
