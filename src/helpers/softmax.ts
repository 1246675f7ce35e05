import { LossInputError } from "../core/errors";
import { readMatrix } from "../core/tensor";
import type { Matrix, Vector } from "../core/types";
import { isMatrixInput, readVector } from "./logsumexp";
import { matrixRows } from "./rowMatrix";
import { expInto, rowMax, scaleRow } from "./softmaxRow";

/** Applies `f(row, max, out)` to a Vector or to each row of a Matrix, after checking each row's max. */
function rowWise(fn: string, x: Vector | Matrix, f: (row: ArrayLike<number>, m: number, out: Float64Array) => void): Float64Array | Float64Array[] {
  if (isMatrixInput(x)) {
    const { rows, nRows, nCols } = readMatrix(fn, "x", x as Matrix, { allowInfinite: true });
    const out = matrixRows(nRows, nCols);
    for (let r = 0; r < nRows; r++) f(rows[r], checkedMax(fn, rows[r]), out[r]);
    return out;
  }
  const row = readVector(fn, "x", x as Vector, true);
  const out = new Float64Array(row.length);
  f(row, checkedMax(fn, row), out);
  return out;
}

/** The row max, which must be finite: +∞ has no softmax (∞ − ∞); a row of only −∞ has nothing to normalise. */
function checkedMax(fn: string, row: ArrayLike<number>): number {
  const m = rowMax(row, row.length);
  if (m === Infinity || m === -Infinity) {
    throw new LossInputError(
      "NOT_FINITE", fn, "x",
      m === Infinity ? "must not contain +Infinity (softmax is undefined there)" : "must have a finite entry in every row (got a row of −Infinity)",
    );
  }
  return m;
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
  return rowWise("logSoftmax", x, (row, m, out) => {
    // (xⱼ − m) − log Σ e^{xₖ − m} rather than xⱼ − logsumexp(x): the shift is exact, so [1000, 999, 998] gives
    // the same digits as [2, 1, 0] (xⱼ − (m + log s) would lose the low bits of log s next to m = 1000).
    const logS = Math.log(expInto(row, row.length, m, 1, out));
    for (let j = 0; j < row.length; j++) out[j] = row[j] - m - logS;
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
  return rowWise("softmax", x, (row, m, out) => {
    const s = expInto(row, row.length, m, 1, out);
    scaleRow(out, row.length, 1 / s);
  });
}
