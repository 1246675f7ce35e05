import { LossInputError } from "./errors";

/**
 * The buffer a function writes `n` per-element results into: the caller's `out` (reused, no allocation) when
 * given, a fresh Float64Array otherwise.
 * @throws LossInputError `SHAPE_MISMATCH` when `out` has the wrong length, `INVALID_TYPE` when it is not a Float64Array
 */
export function outputBuffer(fn: string, n: number, out: Float64Array | undefined): Float64Array {
  if (out === undefined) return new Float64Array(n);
  if (!(out instanceof Float64Array)) {
    throw new LossInputError("INVALID_TYPE", fn, "out", `must be a Float64Array (got ${Object.prototype.toString.call(out)})`);
  }
  if (out.length !== n) {
    throw new LossInputError("SHAPE_MISMATCH", fn, "out", `must have ${n} elements, one per input element (got ${out.length})`);
  }
  return out;
}
