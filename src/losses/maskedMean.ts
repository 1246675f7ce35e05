import { LossInputError, show } from "../core/errors";
import { outputBuffer } from "../core/output";
import { flatten, readMatrix, unflatten } from "../core/tensor";
import { checkChoice, checkOptions } from "../core/validate";
import type { NestedFloat64, Tensor } from "../core/types";
import { isMatrixInput } from "../helpers/logsumexp";

/** Options of {@link maskedMean} and {@link maskedMeanGrad}. */
export interface MaskedMeanOptions {
  /**
   * `"global"` (default): Σ v·m / Σ m over every entry (a token-level mean). `"perSequence"`: each row's masked
   * mean, then the plain mean over the rows that have any mask weight (a sequence-level mean).
   */
  readonly normalize?: "global" | "perSequence";
  /** For `maskedMeanGrad`: a Float64Array of one slot per entry of `values` (row-major) to write the gradient into. */
  readonly out?: Float64Array;
}

interface Read {
  readonly rows: ReadonlyArray<ArrayLike<number>>;
  readonly shape: readonly number[];
}

/** Reads a tensor as rows along its last axis: a Matrix without copying, other depths through `flatten`. */
function readRows(fn: string, arg: string, x: Tensor): Read {
  if (isMatrixInput(x) && !isMatrixInput((x as ReadonlyArray<unknown>)[0])) {
    const m = readMatrix(fn, arg, x as ReadonlyArray<ArrayLike<number>>);
    return { rows: m.rows, shape: [m.nRows, m.nCols] };
  }
  const { data, shape } = flatten(fn, arg, x);
  if (shape.length === 1) return { rows: [data], shape };
  const len = shape[shape.length - 1];
  const flat = data as Float64Array; // deeper input is copied into a Float64Array by flatten
  const rows: Float64Array[] = [];
  for (let o = 0; o < flat.length; o += len) rows.push(flat.subarray(o, o + len));
  return { rows, shape };
}

function prepare(fn: string, values: Tensor, mask: Tensor, opts: MaskedMeanOptions | undefined) {
  const o = checkOptions(fn, opts);
  const normalize = checkChoice(fn, "normalize", o.normalize ?? "global", ["global", "perSequence"] as const);
  const v = readRows(fn, "values", values);
  const m = readRows(fn, "mask", mask);
  if (v.shape.length !== m.shape.length || v.shape.some((n, i) => n !== m.shape[i])) {
    throw new LossInputError("SHAPE_MISMATCH", fn, "mask", `must have the shape of values: shape mismatch, got [${m.shape.join(", ")}] and [${v.shape.join(", ")}]`);
  }
  for (let r = 0; r < m.rows.length; r++) {
    const row = m.rows[r];
    for (let j = 0; j < row.length; j++) {
      if (row[j] < 0) throw new LossInputError("OUT_OF_DOMAIN", fn, "mask", `must hold weights ≥ 0 (got ${show(row[j])} in row ${r}, column ${j})`);
    }
  }
  return { v, m, normalize, out: o.out };
}

function emptyMask(fn: string): LossInputError {
  return new LossInputError("EMPTY_MASK", fn, "mask", "must have a positive weight somewhere: a mean over nothing (got an all-zero mask)");
}

function rowWeight(mask: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < mask.length; j++) s += mask[j];
  return s;
}

/**
 * Masked mean of per-token values with mask weights mᵢⱼ ≥ 0 (1 = keep, 0 = padding; fractional weights allowed):
 * - `"global"`: Σᵢⱼ vᵢⱼ·mᵢⱼ / Σᵢⱼ mᵢⱼ (divide by the valid tokens, not the padded length);
 * - `"perSequence"`: (1/R) Σ_{i: Mᵢ > 0} (Σⱼ vᵢⱼ·mᵢⱼ / Mᵢ), with Mᵢ = Σⱼ mᵢⱼ and R the number of rows with Mᵢ > 0.
 *
 * Shapes: `values` and `mask` of one shape, any depth; rows are the last axis (a Vector is one row). Returns a number.
 * Values and weights must be finite (no infinity is meaningful here).
 * @throws LossInputError `EMPTY_MASK` (all weights 0), `OUT_OF_DOMAIN` (negative weight, unknown normalize),
 * `SHAPE_MISMATCH`, `EMPTY`, `NOT_FINITE`, `INVALID_TYPE`
 * @example
 * maskedMean([[0.2, 0.5, 0], [0.3, 0, 0]], [[1, 1, 0], [1, 0, 0]]); // => 0.3333333333333333
 * maskedMean([[0.2, 0.5, 0], [0.3, 0, 0]], [[1, 1, 0], [1, 0, 0]], { normalize: "perSequence" }); // => 0.325
 */
export function maskedMean(values: Tensor, mask: Tensor, opts?: MaskedMeanOptions): number {
  const fn = "maskedMean";
  const { v, m, normalize } = prepare(fn, values, mask, opts);
  let num = 0;
  let den = 0;
  let seqs = 0;
  for (let r = 0; r < v.rows.length; r++) {
    const x = v.rows[r];
    const w = m.rows[r];
    let s = 0;
    let ws = 0;
    for (let j = 0; j < x.length; j++) {
      s += x[j] * w[j];
      ws += w[j];
    }
    if (normalize === "global") {
      num += s;
      den += ws;
    } else if (ws > 0) {
      num += s / ws;
      seqs++;
    }
  }
  if (normalize === "global" ? !(den > 0) : seqs === 0) throw emptyMask(fn);
  return normalize === "global" ? num / den : num / seqs;
}

/**
 * Gradient of {@link maskedMean} with respect to `values`: `"global"` ∂/∂vᵢⱼ = mᵢⱼ / Σ m; `"perSequence"`
 * ∂/∂vᵢⱼ = mᵢⱼ / (R·Mᵢ) for rows with Mᵢ > 0, 0 elsewhere. Shaped like `values` (last axis a Float64Array).
 * @throws LossInputError as {@link maskedMean}; `SHAPE_MISMATCH` / `INVALID_TYPE` for a bad `out`
 * @example
 * maskedMeanGrad([[0.2, 0.5, 0], [0.3, 0, 0]], [[1, 1, 0], [1, 0, 0]], { normalize: "perSequence" }); // => [[0.25, 0.25, 0], [0.5, 0, 0]]
 */
export function maskedMeanGrad(values: Tensor, mask: Tensor, opts?: MaskedMeanOptions): NestedFloat64 {
  const fn = "maskedMeanGrad";
  const { v, m, normalize, out } = prepare(fn, values, mask, opts);
  const nRows = v.rows.length;
  const len = v.shape[v.shape.length - 1];
  const g = outputBuffer(fn, nRows * len, out);
  const rowScale = new Float64Array(nRows); // per row, not per element
  let den = 0;
  let seqs = 0;
  for (let r = 0; r < nRows; r++) {
    const ws = rowWeight(m.rows[r]);
    if (normalize === "global") den += ws;
    else if (ws > 0) {
      rowScale[r] = 1 / ws;
      seqs++;
    }
  }
  if (normalize === "global" ? !(den > 0) : seqs === 0) throw emptyMask(fn);
  if (normalize === "global") rowScale.fill(1 / den);
  else for (let r = 0; r < nRows; r++) rowScale[r] /= seqs;
  for (let r = 0; r < nRows; r++) {
    const w = m.rows[r];
    const c = rowScale[r];
    for (let j = 0; j < len; j++) g[r * len + j] = w[j] * c;
  }
  return unflatten(g, v.shape);
}
