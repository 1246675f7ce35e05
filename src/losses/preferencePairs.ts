import { LossInputError } from "../core/errors";
import { deferredVector } from "../core/tensor";
import { readVector } from "../helpers/logsumexp";
import type { Vector } from "../core/types";

/** The four log-probability vectors of a preference batch, read without copying, all of length n. */
export interface PreferencePairs {
  readonly logpW: ArrayLike<number>;
  readonly logpL: ArrayLike<number>;
  readonly refW: ArrayLike<number>;
  readonly refL: ArrayLike<number>;
  readonly n: number;
}

/**
 * Reads policy and reference log-probabilities of the chosen (W) and rejected (L) responses: four Vectors of one
 * length. Infinities are rejected: a log-probability of −∞ on both sides of a difference would give ∞ − ∞.
 *
 * With `defer`, Float64Array/Float32Array inputs are not scanned for NaN and ±Infinity: the caller folds that check
 * into its loop (any of them makes {@link logRatioGap} non-finite) and reads again without `defer` when it fails.
 * @throws LossInputError `INVALID_TYPE`, `EMPTY`, `NOT_FINITE` (NaN, ±Infinity), `SHAPE_MISMATCH` (a length that
 * differs from logpW's, named by its argument)
 */
export function readPreferencePairs(fn: string, logpW: Vector, logpL: Vector, refW: Vector, refL: Vector, defer = false): PreferencePairs {
  const w = deferredVector(logpW, defer) ?? readVector(fn, "logpW", logpW, false);
  const n = w.length;
  const read = (arg: string, x: Vector): ArrayLike<number> => {
    const v = deferredVector(x, defer) ?? readVector(fn, arg, x, false);
    if (v.length !== n) {
      throw new LossInputError("SHAPE_MISMATCH", fn, arg, `must have the length of logpW: shape mismatch, got [${v.length}] and [${n}]`);
    }
    return v;
  };
  return { logpW: w, logpL: read("logpL", logpL), refW: read("refW", refW), refL: read("refL", refL), n };
}

/**
 * h = (logpW − refW) − (logpL − refL), the chosen-minus-rejected log-ratio gap, in the seed's order of operations.
 * Inputs near ±1.8e308 can overflow the differences into ∞ − ∞; those are recomputed at half scale, so the result is
 * h exactly where it is representable and ±Infinity (never NaN) where it is not.
 */
export function logRatioGap(w: number, l: number, rw: number, rl: number): number {
  const h = w - rw - (l - rl);
  if (h - h === 0) return h;
  return 2 * (w / 2 - rw / 2 - (l / 2 - rl / 2));
}
