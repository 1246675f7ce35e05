import { readMatrix, checkValues } from "../core/tensor";
import { LossInputError, show } from "../core/errors";
import type { Matrix, Vector } from "../core/types";
import { expSum, rowMax } from "./softmaxRow";

/**
 * log Σ e^x over the first `n` values of a row, shifted by the maximum so nothing overflows.
 * −∞ entries contribute e^−∞ = 0; all −∞ gives −∞; any +∞ gives +∞; a NaN gives NaN.
 */
export function logsumexpRow(x: ArrayLike<number>, n: number = x.length): number {
  const m = rowMax(x, n);
  if (m === -Infinity || m === Infinity) return m;
  return m + Math.log(expSum(x, n, m, 1));
}

/** True when the input is a matrix (an array whose first element is itself an array). */
export function isMatrixInput(x: unknown): boolean {
  return Array.isArray(x) && x.length > 0 && (Array.isArray(x[0]) || ArrayBuffer.isView(x[0]));
}

/** Reads a Vector argument: an array or typed array of numbers, non-empty. */
export function readVector(fn: string, arg: string, x: Vector, allowInfinite: boolean): ArrayLike<number> {
  if (!Array.isArray(x) && !ArrayBuffer.isView(x)) {
    throw new LossInputError("INVALID_TYPE", fn, arg, `must be an array or typed array (got ${show(x)})`);
  }
  if (x.length === 0) throw new LossInputError("EMPTY", fn, arg, "must not be empty (got [])");
  checkValues(fn, arg, x, { allowInfinite });
  return x;
}

/**
 * log Σⱼ e^{xⱼ} over the last axis, shifted by the maximum m: m + log Σⱼ e^{xⱼ − m}, so `[1000, 999, 998]` gives
 * 1000.4076059644444 instead of ∞. ∂/∂xⱼ = softmax(x)ⱼ.
 *
 * Shapes: a Vector [n] gives a number; a Matrix [rows, n] gives a Float64Array [rows] (one value per row).
 * −∞ entries are meaningful (a masked logit contributes 0); a row of all −∞ gives −∞; +∞ gives +∞.
 * @throws LossInputError `EMPTY`, `SHAPE_MISMATCH` (ragged rows), `NOT_FINITE` (NaN), `INVALID_TYPE`
 * @example
 * logsumexp([1000, 999, 998]); // => 1000.4076059644444
 * logsumexp([[0, 0], [1, 1]]); // => [0.6931471805599453, 1.6931471805599454]
 */
export function logsumexp(x: Vector): number;
export function logsumexp(x: Matrix): Float64Array;
export function logsumexp(x: Vector | Matrix): number | Float64Array {
  const fn = "logsumexp";
  if (isMatrixInput(x)) {
    const { rows, nRows } = readMatrix(fn, "x", x as Matrix, { allowInfinite: true });
    const out = new Float64Array(nRows);
    for (let r = 0; r < nRows; r++) out[r] = logsumexpRow(rows[r]);
    return out;
  }
  return logsumexpRow(readVector(fn, "x", x as Vector, true));
}
