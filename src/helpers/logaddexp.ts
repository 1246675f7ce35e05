import { LossInputError } from "../core/errors";
import { assertSameShape, flatten, unflatten } from "../core/tensor";
import { checkScalar } from "../core/validate";
import type { Matrix, NestedFloat64, Tensor, Vector } from "../core/types";

/** log(e^a + e^b) for two numbers: max(a, b) + log1p(e^−|a−b|), exact at ±Infinity. */
export function logaddexpScalar(a: number, b: number): number {
  const m = a > b ? a : b;
  if (m === -Infinity || m === Infinity) return m; // both −∞, or one +∞: avoid ∞ − ∞
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/**
 * log(e^a + e^b), elementwise, as numpy's `logaddexp`: max(a, b) + log1p(e^−|a − b|), so it never overflows
 * (logaddexp(1000, 1000) = 1000 + log 2). ∂/∂a = σ(a − b).
 *
 * Shapes: two numbers give a number; a number and an array, or two arrays of one shape, give that array's nesting
 * (a number is broadcast): a Float64Array for Vectors, a Float64Array[] for Matrices. ±Infinity are meaningful
 * (logaddexp(−∞, x) = x).
 * @throws LossInputError `SHAPE_MISMATCH` (arrays of different shapes), `NOT_FINITE` (NaN), `INVALID_TYPE`, `EMPTY`
 * @example
 * logaddexp(0, 0); // => 0.6931471805599453
 * logaddexp(0, [-0.2, 0.1]); // => [0.5981388693815918, 0.7443966600735709]
 */
export function logaddexp(a: number, b: number): number;
export function logaddexp(a: Vector, b: number | Vector): Float64Array;
export function logaddexp(a: number, b: Vector): Float64Array;
export function logaddexp(a: Matrix, b: number | Matrix): Float64Array[];
export function logaddexp(a: number, b: Matrix): Float64Array[];
export function logaddexp(a: Tensor, b: number | Tensor): NestedFloat64;
export function logaddexp(a: number, b: Tensor): NestedFloat64;
export function logaddexp(a: number | Tensor, b: number | Tensor): number | NestedFloat64;
export function logaddexp(a: number | Tensor, b: number | Tensor): number | NestedFloat64 {
  const fn = "logaddexp";
  if (typeof a === "number" && typeof b === "number") {
    return logaddexpScalar(checkScalar(fn, "a", a, { allowInfinite: true }), checkScalar(fn, "b", b, { allowInfinite: true }));
  }
  if (typeof a === "number" || typeof b === "number") {
    const scalarArg = typeof a === "number" ? "a" : "b";
    const s = checkScalar(fn, scalarArg, typeof a === "number" ? a : b, { allowInfinite: true });
    const arr = flatten(fn, scalarArg === "a" ? "b" : "a", (typeof a === "number" ? b : a) as Tensor, { allowInfinite: true });
    const out = new Float64Array(arr.data.length);
    for (let i = 0; i < out.length; i++) out[i] = logaddexpScalar(s, arr.data[i]);
    return unflatten(out, arr.shape);
  }
  if (a === undefined || b === undefined) throw new LossInputError("INVALID_TYPE", fn, a === undefined ? "a" : "b", "is required");
  const fa = flatten(fn, "a", a, { allowInfinite: true });
  const fb = flatten(fn, "b", b, { allowInfinite: true });
  assertSameShape(fn, "a", fa, "b", fb);
  const out = new Float64Array(fa.data.length);
  for (let i = 0; i < out.length; i++) out[i] = logaddexpScalar(fa.data[i], fb.data[i]);
  return unflatten(out, fa.shape);
}
