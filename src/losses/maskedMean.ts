import { LossInputError, show } from "../core/errors";
import { outputBuffer } from "../core/output";
import { flatten, readDeferred, unflatten } from "../core/tensor";
import { checkChoice, checkOptions } from "../core/validate";
import type { Matrix, NestedFloat64, Tensor, Vector } from "../core/types";
import { isMatrixInput } from "../helpers/logsumexp";
import { matrixRows, readRows } from "../helpers/rowMatrix";

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

/**
 * Reads a tensor as rows along its last axis: a Matrix or a typed Vector without copying (with `defer`, typed rows
 * are not scanned: the loops below check them), other depths through `flatten`.
 */
function readLastAxisRows(fn: string, arg: string, x: Tensor, defer: boolean): Read {
  if (defer && (x instanceof Float64Array || x instanceof Float32Array) && x.length > 0) return { rows: [x], shape: [x.length] };
  if (isMatrixInput(x) && !isMatrixInput((x as ReadonlyArray<unknown>)[0])) {
    const m = readRows(fn, arg, x as Matrix, {}, defer);
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

/**
 * Reads and checks both inputs. With `defer`, the values of typed rows and the mask's signs are checked by the
 * caller's loop ({@link sums}), which calls this again without `defer` to throw the eager read's error.
 */
function prepare(fn: string, values: Tensor, mask: Tensor, opts: MaskedMeanOptions | undefined, defer: boolean) {
  const o = checkOptions(fn, opts);
  const normalize = checkChoice(fn, "normalize", o.normalize ?? "global", ["global", "perSequence"] as const);
  const v = readLastAxisRows(fn, "values", values, defer);
  const m = readLastAxisRows(fn, "mask", mask, defer);
  if (v.shape.length !== m.shape.length || v.shape.some((n, i) => n !== m.shape[i])) {
    throw new LossInputError("SHAPE_MISMATCH", fn, "mask", `must have the shape of values: shape mismatch, got [${m.shape.join(", ")}] and [${v.shape.join(", ")}]`);
  }
  if (!defer) {
    for (let r = 0; r < m.rows.length; r++) {
      const row = m.rows[r];
      for (let j = 0; j < row.length; j++) {
        if (row[j] < 0) throw new LossInputError("OUT_OF_DOMAIN", fn, "mask", `must hold weights ≥ 0 (got ${show(row[j])} in row ${r}, column ${j})`);
      }
    }
  }
  return { v, m, normalize, out: o.out };
}

function emptyMask(fn: string): LossInputError {
  return new LossInputError("EMPTY_MASK", fn, "mask", "must have a positive weight somewhere: a mean over nothing (got an all-zero mask)");
}

/**
 * Per row r: Σⱼ vᵣⱼ·mᵣⱼ (when `weighted`, else Σⱼ vᵣⱼ, a finiteness probe) into `num[r]` and Mᵣ = Σⱼ mᵣⱼ into
 * `den[r]`, in one pass over both inputs; then the eager read when a value was not finite or a weight negative.
 */
function sums(
  fn: string, args: [Tensor, Tensor, MaskedMeanOptions | undefined], v: Read, m: Read, weighted: boolean,
  num: Float64Array, den: Float64Array,
): void {
  let negative = false;
  let probe = 0;
  for (let r = 0; r < v.rows.length; r++) {
    const x = v.rows[r];
    const w = m.rows[r];
    // Two elements per iteration into two pairs of sums, so that the additions do not wait for each other.
    let s0 = 0;
    let s1 = 0;
    let ws0 = 0;
    let ws1 = 0;
    let j = 0;
    for (; j + 1 < x.length; j += 2) {
      const w0 = w[j];
      const w1 = w[j + 1];
      if (w0 < 0 || w1 < 0) negative = true;
      s0 += weighted ? x[j] * w0 : x[j];
      s1 += weighted ? x[j + 1] * w1 : x[j + 1];
      ws0 += w0;
      ws1 += w1;
    }
    if (j < x.length) {
      const wj = w[j];
      if (wj < 0) negative = true;
      s0 += weighted ? x[j] * wj : x[j];
      ws0 += wj;
    }
    const s = s0 + s1;
    const ws = ws0 + ws1;
    num[r] = s;
    den[r] = ws;
    probe += s + ws;
  }
  // NaN or ±∞ anywhere makes the probe non-finite (0·∞ is NaN); so can a true overflow, which the eager read accepts.
  if (negative || !(probe - probe === 0)) prepare(fn, args[0], args[1], args[2], false);
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
  const { v, m, normalize } = readDeferred((defer) => prepare(fn, values, mask, opts, defer));
  const nRows = v.rows.length;
  const num = new Float64Array(nRows); // per row, not per element
  const den = new Float64Array(nRows);
  sums(fn, [values, mask, opts], v, m, true, num, den);
  let total = 0;
  let weight = 0;
  let seqs = 0;
  for (let r = 0; r < nRows; r++) {
    if (normalize === "global") {
      total += num[r];
      weight += den[r];
    } else if (den[r] > 0) {
      total += num[r] / den[r];
      seqs++;
    }
  }
  if (normalize === "global" ? !(weight > 0) : seqs === 0) throw emptyMask(fn);
  return normalize === "global" ? total / weight : total / seqs;
}

/**
 * Gradient of {@link maskedMean} with respect to `values`: `"global"` ∂/∂vᵢⱼ = mᵢⱼ / Σ m; `"perSequence"`
 * ∂/∂vᵢⱼ = mᵢⱼ / (R·Mᵢ) for rows with Mᵢ > 0, 0 elsewhere. Shaped like `values`: a Float64Array for two Vectors, a
 * Float64Array[] for two Matrices (the last axis is always a Float64Array).
 * @throws LossInputError as {@link maskedMean}; `SHAPE_MISMATCH` / `INVALID_TYPE` for a bad `out`
 * @example
 * maskedMeanGrad([[0.2, 0.5, 0], [0.3, 0, 0]], [[1, 1, 0], [1, 0, 0]], { normalize: "perSequence" }); // => [[0.25, 0.25, 0], [0.5, 0, 0]]
 */
export function maskedMeanGrad(values: Vector, mask: Vector, opts?: MaskedMeanOptions): Float64Array;
export function maskedMeanGrad(values: Matrix, mask: Matrix, opts?: MaskedMeanOptions): Float64Array[];
export function maskedMeanGrad(values: Tensor, mask: Tensor, opts?: MaskedMeanOptions): NestedFloat64;
export function maskedMeanGrad(values: Tensor, mask: Tensor, opts?: MaskedMeanOptions): NestedFloat64 {
  const fn = "maskedMeanGrad";
  const { v, m, normalize, out } = readDeferred((defer) => prepare(fn, values, mask, opts, defer));
  const nRows = v.rows.length;
  const len = v.shape[v.shape.length - 1];
  const given = out === undefined ? undefined : outputBuffer(fn, nRows * len, out);
  const rowScale = new Float64Array(nRows); // per row, not per element
  const den = new Float64Array(nRows);
  sums(fn, [values, mask, opts], v, m, false, rowScale, den);
  let total = 0;
  let seqs = 0;
  for (let r = 0; r < nRows; r++) {
    if (normalize === "global") total += den[r];
    else if (den[r] > 0) seqs++;
  }
  if (normalize === "global" ? !(total > 0) : seqs === 0) throw emptyMask(fn);
  for (let r = 0; r < nRows; r++) {
    rowScale[r] = normalize === "global" ? 1 / total : den[r] > 0 ? 1 / den[r] / seqs : 0;
  }
  if (v.shape.length === 2) {
    const g = matrixRows(nRows, len, given);
    for (let r = 0; r < nRows; r++) scaleInto(m.rows[r], rowScale[r], g[r]);
    return g;
  }
  const g = given ?? new Float64Array(nRows * len);
  for (let r = 0; r < nRows; r++) scaleInto(m.rows[r], rowScale[r], g.subarray(r * len, (r + 1) * len));
  return unflatten(g, v.shape);
}

/** gⱼ = c·wⱼ. */
function scaleInto(w: ArrayLike<number>, c: number, g: Float64Array): void {
  for (let j = 0; j < g.length; j++) g[j] = w[j] * c;
}
