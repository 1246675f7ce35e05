import { LossInputError } from "../core/errors";
import type { Matrix } from "../core/types";

/** A similarity matrix [n, m] (m ≥ n; m = n when symmetric) already read, and how to score it. */
export interface InfoNCEProblem {
  readonly sim: Matrix;
  readonly n: number;
  readonly m: number;
  /** 1/τ: the logits are sim·(1/τ). */
  readonly invTau: number;
  readonly symmetric: boolean;
}

/**
 * Per-index InfoNCE losses into `out` [n]: the row cross-entropy log Σⱼ e^{(sᵢⱼ − Mᵢ)/τ} − (sᵢᵢ − Mᵢ)/τ, shifted by
 * the row max Mᵢ; when symmetric, ½·(row CE + column CE) with the column CE shifted by the column max.
 * @throws LossInputError `NOT_FINITE` (+∞ anywhere, −∞ on the diagonal)
 */
export function infoNCEKernel(fn: string, p: InfoNCEProblem, out: Float64Array): void {
  const { sim, n, m, invTau } = p;
  for (let i = 0; i < n; i++) {
    const row = sim[i];
    const mx = rowMaxChecked(fn, row, i, m);
    let s = 0;
    for (let j = 0; j < m; j++) s += Math.exp((row[j] - mx) * invTau);
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
 * The gradient of Σᵢ cᵢ·ℓᵢ with every cᵢ = `scale`, with respect to the similarities, into `buf` [n·m] (row-major);
 * returns the rows as views. Row part: (softmax of row i − eᵢ)/τ; symmetric: ½·(row part + column part).
 * @throws LossInputError `NOT_FINITE` as {@link infoNCEKernel}
 */
export function infoNCEGradKernel(fn: string, p: InfoNCEProblem, scale: number, buf: Float64Array): Float64Array[] {
  const { sim, n, m, invTau, symmetric } = p;
  const half = symmetric ? 0.5 : 1;
  const unit = half * scale * invTau; // the factor of each softmax − one-hot term
  const grad: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = sim[i];
    const g = buf.subarray(i * m, (i + 1) * m);
    const mx = rowMaxChecked(fn, row, i, m);
    let s = 0;
    for (let j = 0; j < m; j++) s += g[j] = Math.exp((row[j] - mx) * invTau);
    const c = unit / s;
    for (let j = 0; j < m; j++) g[j] *= c;
    g[i] -= unit;
    grad.push(g);
  }
  if (!symmetric) return grad;
  const { colMax, colSum } = columnSums(p);
  for (let j = 0; j < n; j++) colSum[j] = unit / colSum[j];
  for (let i = 0; i < n; i++) {
    const row = sim[i];
    const g = grad[i];
    for (let j = 0; j < n; j++) g[j] += colSum[j] * Math.exp((row[j] - colMax[j]) * invTau);
    g[i] -= unit;
  }
  return grad;
}

/** Row max of row i over m entries; +∞ anywhere or a −∞ positive (diagonal) entry has no finite loss. */
function rowMaxChecked(fn: string, row: ArrayLike<number>, i: number, m: number): number {
  if (row[i] === -Infinity) {
    throw new LossInputError("NOT_FINITE", fn, "sim", `must be finite on the diagonal, the positive pairs (got -Infinity at index ${i}, ${i})`);
  }
  let mx = -Infinity;
  for (let j = 0; j < m; j++) if (row[j] > mx) mx = row[j];
  if (mx === Infinity) throw new LossInputError("NOT_FINITE", fn, "sim", `must not contain +Infinity (got it in row ${i})`);
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
    for (let j = 0; j < n; j++) colSum[j] += Math.exp((row[j] - colMax[j]) * invTau);
  }
  return { colMax, colSum };
}
