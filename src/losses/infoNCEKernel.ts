import { LossInputError } from "../core/errors";
import type { Matrix } from "../core/types";
import { expFast } from "../math/exp";
import { checkRows } from "../helpers/rowMatrix";
import { expInto, expSum, rowMax, scaleRow } from "../helpers/softmaxRow";

const exp = expFast; // a module-local binding: an imported one is a getter call per element under CommonJS interop

/** A similarity matrix [n, m] (m ≥ n; m = n when symmetric) already read, and how to score it. */
export interface InfoNCEProblem {
  readonly sim: Matrix;
  readonly n: number;
  readonly m: number;
  /** 1/τ: the logits are sim·(1/τ). */
  readonly invTau: number;
  readonly symmetric: boolean;
  /** True when sim's values may not have been scanned for NaN: the loops here check (helpers/rowMatrix.ts). */
  readonly deferred: boolean;
}

/**
 * Per-index InfoNCE losses into `out` [n]: the row cross-entropy log Σⱼ e^{(sᵢⱼ − Mᵢ)/τ} − (sᵢᵢ − Mᵢ)/τ, shifted by
 * the row max Mᵢ; when symmetric, ½·(row CE + column CE) with the column CE shifted by the column max.
 * @throws LossInputError `NOT_FINITE` (NaN, +∞ anywhere, −∞ on the diagonal)
 */
export function infoNCEKernel(fn: string, p: InfoNCEProblem, out: Float64Array): void {
  const { sim, n, m, invTau } = p;
  for (let i = 0; i < n; i++) {
    const row = sim[i];
    const mx = rowMaxChecked(fn, p, i);
    const s = expSum(row, m, mx, invTau);
    if (s !== s) rejectNaN(fn, p);
    out[i] = Math.log(s) - (row[i] - mx) * invTau;
  }
  if (!p.symmetric) return;
  const { colMax, colSum } = columnSums(p);
  for (let j = 0; j < n; j++) {
    const colCE = Math.log(colSum[j]) - (sim[j][j] - colMax[j]) * invTau;
    out[j] = 0.5 * (out[j] + colCE);
  }
}

/**
 * The gradient of Σᵢ cᵢ·ℓᵢ with every cᵢ = `scale`, with respect to the similarities, into the rows `grad` [n][m]
 * (every element written). Row part: (softmax of row i − eᵢ)/τ; symmetric: ½·(row part + column part).
 * @throws LossInputError `NOT_FINITE` as {@link infoNCEKernel}
 */
export function infoNCEGradKernel(fn: string, p: InfoNCEProblem, scale: number, grad: Float64Array[]): Float64Array[] {
  const { sim, n, m, invTau, symmetric } = p;
  const half = symmetric ? 0.5 : 1;
  const unit = half * scale * invTau; // the factor of each softmax − one-hot term
  for (let i = 0; i < n; i++) {
    const g = grad[i];
    const mx = rowMaxChecked(fn, p, i);
    const s = expInto(sim[i], m, mx, invTau, g);
    if (s !== s) rejectNaN(fn, p);
    scaleRow(g, m, unit / s);
    g[i] -= unit;
  }
  if (!symmetric) return grad;
  const { colMax, colSum } = columnSums(p);
  for (let j = 0; j < n; j++) colSum[j] = unit / colSum[j];
  for (let i = 0; i < n; i++) {
    const row = sim[i];
    const g = grad[i];
    for (let j = 0; j < n; j++) g[j] += colSum[j] * exp((row[j] - colMax[j]) * invTau);
    g[i] -= unit;
  }
  return grad;
}

/** Throws the eager read's error for a NaN that a deferred loop found. */
function rejectNaN(fn: string, p: InfoNCEProblem): void {
  if (p.deferred) checkRows(fn, "sim", p.sim, { allowInfinite: true });
}

/** Row max of row i; +∞ anywhere or a −∞ positive (diagonal) entry has no finite loss (a NaN is reported first). */
function rowMaxChecked(fn: string, p: InfoNCEProblem, i: number): number {
  const row = p.sim[i];
  if (row[i] === -Infinity) {
    rejectNaN(fn, p);
    throw new LossInputError("NOT_FINITE", fn, "sim", `must be finite on the diagonal, the positive pairs (got -Infinity at index ${i}, ${i})`);
  }
  const mx = rowMax(row, p.m);
  if (mx === Infinity) {
    rejectNaN(fn, p);
    throw new LossInputError("NOT_FINITE", fn, "sim", `must not contain +Infinity (got it in row ${i})`);
  }
  return mx;
}

/** Column maxima and Σᵢ e^{(sᵢⱼ − Mⱼ)/τ} of a square matrix (one array of n each, not per element). */
function columnSums(p: InfoNCEProblem): { colMax: Float64Array; colSum: Float64Array } {
  const { sim, n, invTau } = p;
  const colMax = new Float64Array(n).fill(-Infinity);
  const colSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = sim[i];
    for (let j = 0; j < n; j++) if (row[j] > colMax[j]) colMax[j] = row[j];
  }
  for (let i = 0; i < n; i++) {
    const row = sim[i];
    for (let j = 0; j < n; j++) colSum[j] += exp((row[j] - colMax[j]) * invTau);
  }
  return { colMax, colSum };
}
