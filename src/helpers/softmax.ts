import { LossInputError } from "../core/errors";
import { readMatrix } from "../core/tensor";
import type { Matrix, Vector } from "../core/types";
import { isMatrixInput, logsumexpRow, readVector } from "./logsumexp";

function rowWise(fn: string, x: Vector | Matrix, f: (row: ArrayLike<number>) => Float64Array): Float64Array | Float64Array[] {
  if (isMatrixInput(x)) {
    const { rows } = readMatrix(fn, "x", x as Matrix, { allowInfinite: true });
    return rows.map((row) => f(checkRow(fn, row)));
  }
  return f(checkRow(fn, readVector(fn, "x", x as Vector, true)));
}

function checkRow(fn: string, row: ArrayLike<number>): ArrayLike<number> {
  // +∞ has no softmax (∞ − ∞); −∞ is a masked entry. A row of only −∞ has nothing to normalise.
  const lse = logsumexpRow(row);
  if (lse === Infinity || lse === -Infinity) {
    throw new LossInputError(
      "NOT_FINITE", fn, "x",
      lse === Infinity ? "must not contain +Infinity (softmax is undefined there)" : "must have a finite entry in every row (got a row of −Infinity)",
    );
  }
  return row;
}

/**
 * Log-probabilities log softmax(x)ⱼ = xⱼ − logsumexp(x) over the last axis, exact for huge logits
 * (`[1000, 999, 998]` → `[-0.4076…, -1.4076…, -2.4076…]`). ∂/∂xₖ of Σⱼ gⱼ·logSoftmax(x)ⱼ = gₖ − softmax(x)ₖ Σⱼ gⱼ.
 *
 * Shapes: Vector [n] → Float64Array [n]; Matrix [rows, n] → Float64Array[] (one row each).
 * −∞ entries are meaningful (log-probability −∞); +∞, or a row of only −∞, is an error.
 * @throws LossInputError `NOT_FINITE` (NaN, +∞, all −∞), `EMPTY`, `SHAPE_MISMATCH`, `INVALID_TYPE`
 * @example
 * logSoftmax([0, 0]); // => [-0.6931471805599453, -0.6931471805599453]
 */
export function logSoftmax(x: Vector): Float64Array;
export function logSoftmax(x: Matrix): Float64Array[];
export function logSoftmax(x: Vector | Matrix): Float64Array | Float64Array[] {
  return rowWise("logSoftmax", x, (row) => {
    // (xⱼ − m) − log Σ e^{xₖ − m} rather than xⱼ − logsumexp(x): the shift is exact, so [1000, 999, 998] gives
    // the same digits as [2, 1, 0] (xⱼ − (m + log s) would lose the low bits of log s next to m = 1000).
    let m = -Infinity;
    for (let j = 0; j < row.length; j++) if (row[j] > m) m = row[j];
    let s = 0;
    for (let j = 0; j < row.length; j++) s += Math.exp(row[j] - m);
    const logS = Math.log(s);
    const out = new Float64Array(row.length);
    for (let j = 0; j < row.length; j++) out[j] = row[j] - m - logS;
    return out;
  });
}

/**
 * softmax(x)ⱼ = e^{xⱼ − m} / Σₖ e^{xₖ − m} over the last axis, with m the row maximum so nothing overflows.
 * Jacobian: ∂softmaxⱼ/∂xₖ = softmaxⱼ(δⱼₖ − softmaxₖ).
 *
 * Shapes and infinities as {@link logSoftmax}; every row sums to 1 (to rounding).
 * @throws LossInputError `NOT_FINITE` (NaN, +∞, all −∞), `EMPTY`, `SHAPE_MISMATCH`, `INVALID_TYPE`
 * @example
 * softmax([0, 0]); // => [0.5, 0.5]
 * softmax([[1000, 1000], [0, -Infinity]]); // => [[0.5, 0.5], [1, 0]]
 */
export function softmax(x: Vector): Float64Array;
export function softmax(x: Matrix): Float64Array[];
export function softmax(x: Vector | Matrix): Float64Array | Float64Array[] {
  return rowWise("softmax", x, (row) => {
    let m = -Infinity;
    for (let j = 0; j < row.length; j++) if (row[j] > m) m = row[j];
    const out = new Float64Array(row.length);
    let s = 0;
    for (let j = 0; j < row.length; j++) s += out[j] = Math.exp(row[j] - m);
    for (let j = 0; j < row.length; j++) out[j] /= s;
    return out;
  });
}
