import { checkScalar } from "../core/validate";
import { logSigmoidFast, sigmoidFast, softplusFast } from "../math/softplus";
import { flatten, unflatten } from "../core/tensor";
import type { Matrix, NestedFloat64, Tensor, Vector } from "../core/types";

/** σ(z) for one number, never overflowing: e^z / (1 + e^z) for z < 0, 1 / (1 + e^−z) otherwise (src/math). */
export const sigmoidScalar: (z: number) => number = sigmoidFast;

/** log σ(z) = −softplus(−z) = min(z, 0) − log1p(e^−|z|), finite for every finite z (src/math). */
export const logSigmoidScalar: (z: number) => number = logSigmoidFast;

/** softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^−|z|), never overflowing (src/math). */
export const softplusScalar: (z: number) => number = softplusFast;

function mapElementwise(fn: string, z: number | Tensor, f: (v: number) => number): number | NestedFloat64 {
  if (typeof z === "number") return f(checkScalar(fn, "z", z, { allowInfinite: true }));
  const { data, shape } = flatten(fn, "z", z, { allowInfinite: true });
  const out = new Float64Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = f(data[i]);
  return unflatten(out, shape);
}

/**
 * The logistic function σ(z) = 1 / (1 + e^−z), elementwise, computed so that it never overflows
 * (σ(−1000) = 0 exactly, σ(1000) = 1, no NaN). σ'(z) = σ(z)(1 − σ(z)).
 *
 * Shapes: a number gives a number; a nested array of any depth gives the same nesting: a Float64Array for a Vector,
 * a Float64Array[] for a Matrix (the last axis is always a Float64Array).
 * ±Infinity are meaningful (σ(−∞) = 0, σ(∞) = 1).
 * @throws LossInputError `NOT_FINITE` (NaN), `INVALID_TYPE`, `EMPTY`, `SHAPE_MISMATCH` (ragged)
 * @example
 * sigmoid(0); // => 0.5
 * sigmoid([-1000, 0, 1000]); // => [0, 0.5, 1]
 */
export function sigmoid(z: number): number;
export function sigmoid(z: Vector): Float64Array;
export function sigmoid(z: Matrix): Float64Array[];
export function sigmoid(z: Tensor): NestedFloat64;
export function sigmoid(z: number | Tensor): number | NestedFloat64;
export function sigmoid(z: number | Tensor): number | NestedFloat64 {
  return mapElementwise("sigmoid", z, sigmoidScalar);
}

/**
 * log σ(z) = −log(1 + e^−z) = min(z, 0) − log1p(e^−|z|), elementwise; stable where log(sigmoid(z)) underflows
 * to −∞ (logSigmoid(−1000) = −1000). d/dz log σ(z) = 1 − σ(z).
 *
 * Shapes as {@link sigmoid}. logSigmoid(−∞) = −∞, logSigmoid(∞) = 0.
 * @throws LossInputError `NOT_FINITE` (NaN), `INVALID_TYPE`, `EMPTY`, `SHAPE_MISMATCH`
 * @example
 * logSigmoid(-1000); // => -1000
 * logSigmoid([0]); // => [-0.6931471805599453]
 */
export function logSigmoid(z: number): number;
export function logSigmoid(z: Vector): Float64Array;
export function logSigmoid(z: Matrix): Float64Array[];
export function logSigmoid(z: Tensor): NestedFloat64;
export function logSigmoid(z: number | Tensor): number | NestedFloat64;
export function logSigmoid(z: number | Tensor): number | NestedFloat64 {
  return mapElementwise("logSigmoid", z, logSigmoidScalar);
}
