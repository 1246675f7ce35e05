import { LossInputError } from "../core/errors";
import { gradOutputBuffers, outputBuffer } from "../core/output";
import { readDeferred } from "../core/tensor";
import { checkRows, matrixRows, readRows } from "../helpers/rowMatrix";
import { multiplyABt, transpose } from "../helpers/multiplyABt";
import { sum } from "../core/reduce";
import { checkNumber, checkOptions, checkReduction } from "../core/validate";
import type { Matrix, Reduction } from "../core/types";
import { infoNCEGradKernel, infoNCEKernel, type InfoNCEProblem } from "./infoNCEKernel";

/** Options of {@link clipLoss} and {@link clipLossGrad}. */
export interface ClipLossOptions {
  /** τ > 0: the logits are cos-similarities / τ (CLIP's logit scale is 1/τ). Default 0.07. */
  readonly temperature?: number;
  /** `"mean"` (default, as CLIP / open_clip), `"sum"`, or `"none"` (one symmetric loss per pair). */
  readonly reduction?: Reduction;
  /** For `clipLoss` with `"none"`: a Float64Array of n slots to write the per-pair losses into. */
  readonly out?: Float64Array;
  /**
   * For {@link clipLossGrad} (ignored by `clipLoss`): buffers to write the gradients into instead of allocating
   * them; a key left out is allocated.
   */
  readonly gradOut?: ClipLossGradOut;
}

/**
 * Caller's buffers for {@link clipLossGrad}: each a Float64Array [n·d] (row-major, one slot per embedding element);
 * the returned rows are views into it. Optional, checked once per call. The two must not overlap (`OUT_OF_DOMAIN`),
 * but either may overlap the inputs, e.g. hold embA's own rows: both embeddings are read into normalised copies
 * before anything is written, so the gradient can be computed in place (the inputs are then overwritten).
 */
export interface ClipLossGradOut {
  /** Receives ∂/∂embA. */
  readonly embA?: Float64Array;
  /** Receives ∂/∂embB. */
  readonly embB?: Float64Array;
}

/** Both embeddings L2-normalised (row-major copies, n·d each), their norms, and sim = Â·B̂ᵀ. */
interface Normalised {
  readonly n: number;
  readonly d: number;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly normA: Float64Array;
  readonly normB: Float64Array;
  readonly problem: InfoNCEProblem;
  readonly reduction: Reduction;
}

/**
 * Reads, checks and L2-normalises both embeddings, then S = Â·B̂ᵀ. With `defer`, Float64Array / Float32Array rows
 * are not scanned first: a NaN or ±∞ shows as a non-finite norm, and the eager check then names it.
 */
function prepare(fn: string, embA: Matrix, embB: Matrix, opts: ClipLossOptions | undefined, defer: boolean): Normalised {
  const o = checkOptions(fn, opts);
  const tau = checkNumber(fn, "temperature", o.temperature ?? 0.07, { min: 0, minExclusive: true });
  const reduction = checkReduction(fn, o.reduction ?? "mean");
  const A = readRows(fn, "embA", embA, {}, defer);
  const B = readRows(fn, "embB", embB, {}, defer);
  if (A.nRows !== B.nRows || A.nCols !== B.nCols) {
    throw new LossInputError("SHAPE_MISMATCH", fn, "embB", `must have the shape of embA: shape mismatch, got [${B.nRows}, ${B.nCols}] and [${A.nRows}, ${A.nCols}]`);
  }
  const n = A.nRows;
  const d = A.nCols;
  const a = new Float64Array(n * d);
  const b = new Float64Array(n * d);
  const normA = normalise(fn, "embA", A.rows, d, a);
  const normB = normalise(fn, "embB", B.rows, d, b);
  const sim = matrixRows(n, n, new Float64Array(n * n));
  multiplyABt(a, b, n, n, d, sim);
  return { n, d, a, b, normA, normB, problem: { sim, n, m: n, invTau: 1 / tau, symmetric: true, deferred: false }, reduction };
}

/**
 * Writes each row divided by its L2 norm into `dst` and returns the norms. The norm is taken as
 * M·‖x/M‖ with M = max |xₖ|, so rows of 1e200 or 1e-200 neither overflow nor underflow.
 * @throws LossInputError `NOT_FINITE` (NaN or ±∞, found by the eager check), `OUT_OF_DOMAIN` for a zero row (it
 * has no direction)
 */
function normalise(fn: string, arg: string, rows: Matrix, d: number, dst: Float64Array): Float64Array {
  const norms = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const x = rows[i];
    let big = 0;
    for (let k = 0; k < d; k++) {
      const v = Math.abs(x[k]);
      if (v > big) big = v;
    }
    let ss = 0;
    if (big !== 0) {
      for (let k = 0; k < d; k++) {
        const v = x[k] / big;
        ss += v * v;
      }
    }
    // NaN skips the max and makes ss NaN; ±∞ gives ∞/∞ = NaN: only a non-finite input leaves ss non-finite.
    if (!(ss - ss === 0)) checkRows(fn, arg, rows, {});
    if (big === 0) throw new LossInputError("OUT_OF_DOMAIN", fn, arg, `must have no zero row: a zero embedding cannot be L2-normalised (got row ${i} of zeros)`);
    const norm = big * Math.sqrt(ss);
    const inv = 1 / Math.sqrt(ss);
    for (let k = 0; k < d; k++) dst[i * d + k] = (x[k] / big) * inv;
    norms[i] = norm;
  }
  return norms;
}

/**
 * The CLIP contrastive loss (Radford et al. 2021, as open_clip's `ClipLoss`): L2-normalise the rows of both
 * embeddings, S = Â·B̂ᵀ (cosine similarities, pair i on the diagonal), then symmetric InfoNCE on S/τ: per pair
 * ℓᵢ = ½·(CE(row i of S/τ, i) + CE(column i of S/τ, i)). `"mean"` gives ½·(mean A→B CE + mean B→A CE), CLIP's loss.
 *
 * Shapes: `embA`, `embB` [n, d] (pair i is row i of each); result a number, or Float64Array [n] with `"none"`.
 * Embeddings must be finite; a zero row has no direction.
 * @throws LossInputError `EMPTY`, `SHAPE_MISMATCH` (shapes differ, ragged), `NOT_FINITE`, `INVALID_TYPE`,
 * `OUT_OF_DOMAIN` (zero row, temperature ≤ 0, unknown reduction)
 * @example
 * clipLoss([[1, 0], [0, 1]], [[2, 0], [0, 3]], { temperature: 1 }); // => 0.31326168751822286
 */
export function clipLoss(embA: Matrix, embB: Matrix, opts: ClipLossOptions & { reduction: "none" }): Float64Array;
export function clipLoss(embA: Matrix, embB: Matrix, opts?: ClipLossOptions & { reduction?: "mean" | "sum" }): number;
export function clipLoss(embA: Matrix, embB: Matrix, opts?: ClipLossOptions): number | Float64Array;
export function clipLoss(embA: Matrix, embB: Matrix, opts?: ClipLossOptions): number | Float64Array {
  const fn = "clipLoss";
  const c = readDeferred((defer) => prepare(fn, embA, embB, opts, defer));
  const out = c.reduction === "none" ? outputBuffer(fn, c.n, opts?.out) : new Float64Array(c.n);
  infoNCEKernel(fn, c.problem, out);
  if (c.reduction === "none") return out;
  const s = sum(out);
  return c.reduction === "sum" ? s : s / c.n;
}

/**
 * Gradient of {@link clipLoss} (of the sum of the returned values, or of the reduced number) with respect to both
 * embeddings, through the normalisation. With G = ∂L/∂S from symmetric InfoNCE, ∂L/∂Â = G·B̂ and ∂L/∂B̂ = Gᵀ·Â;
 * then for x̂ = x/‖x‖: ∂L/∂x = (ĝ − x̂·(x̂·ĝ))/‖x‖ (the gradient is orthogonal to x: scaling a row changes nothing).
 *
 * Shapes: `{ embA, embB }`, each Float64Array[] [n, d]: rows of the caller's `gradOut.embA` / `gradOut.embB` [n·d]
 * when given (written completely, no allocation), fresh rows otherwise. `out` is not used (two results): `gradOut` is.
 * @throws LossInputError as {@link clipLoss}; for `gradOut`: `INVALID_TYPE` (not an object, a buffer not a
 * Float64Array), `SHAPE_MISMATCH` (a buffer's length ≠ n·d), `OUT_OF_DOMAIN` (an unknown key, the two buffers
 * sharing memory)
 * @example
 * clipLossGrad([[1, 0], [0, 1]], [[1, 0], [0, 1]], { temperature: 1 }).embA[0][0]; // => 0
 * const embB = new Float64Array(4).fill(NaN);
 * clipLossGrad([[1, 0], [0, 1]], [[1, 0], [0, 1]], { temperature: 1, gradOut: { embB } }).embB[1].buffer === embB.buffer; // => true
 * embB; // => [0, 0.13447071068499758, 0.13447071068499758, 0]
 */
export function clipLossGrad(embA: Matrix, embB: Matrix, opts?: Omit<ClipLossOptions, "out">): { embA: Float64Array[]; embB: Float64Array[] } {
  const fn = "clipLossGrad";
  const o = checkOptions(fn, opts);
  const c = readDeferred((defer) => prepare(fn, embA, embB, { temperature: o.temperature, reduction: o.reduction }, defer));
  const { n, d, a, b } = c;
  // No input to keep apart from: prepare() has read both embeddings into a and b, and nothing reads them again.
  const given = gradOutputBuffers(fn, o.gradOut, { embA: n * d, embB: n * d }, {});
  // G = ∂L/∂S; then ∂L/∂Â = G·B̂ and ∂L/∂B̂ = Gᵀ·Â, each as a product with a transposed right factor.
  const flatG = new Float64Array(n * n);
  infoNCEGradKernel(fn, c.problem, c.reduction === "mean" ? 1 / n : 1, matrixRows(n, n, flatG));
  // multiplyABt writes every element: the caller's buffers need no zeroing.
  const gA = matrixRows(n, d, given.embA ?? new Float64Array(n * d)); // ∂L/∂Â, then ∂L/∂embA in place
  const gB = matrixRows(n, d, given.embB ?? new Float64Array(n * d));
  const t = new Float64Array(n * d);
  multiplyABt(flatG, transpose(b, n, d, t), n, d, n, gA);
  const flatGt = transpose(flatG, n, n, new Float64Array(n * n));
  multiplyABt(flatGt, transpose(a, n, d, t), n, d, n, gB);
  return { embA: throughNorm(gA, a, c.normA, d), embB: throughNorm(gB, b, c.normB, d) };
}

/** Row-wise (ĝ − x̂·(x̂·ĝ))/‖x‖ in place on the rows of g; returns them. */
function throughNorm(g: Float64Array[], unit: Float64Array, norms: Float64Array, d: number): Float64Array[] {
  for (let i = 0; i < g.length; i++) {
    const gi = g[i];
    const o = i * d;
    let dot = 0;
    for (let k = 0; k < d; k++) dot += unit[o + k] * gi[k];
    const inv = 1 / norms[i];
    for (let k = 0; k < d; k++) gi[k] = (gi[k] - unit[o + k] * dot) * inv;
  }
  return g;
}
