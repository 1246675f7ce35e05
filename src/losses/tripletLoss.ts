import { checkChoice, checkNumber, checkOptions, checkReduction } from "../core/validate";
import { gradOutputBuffers, outputBuffer } from "../core/output";
import { reductionScale } from "../core/reduce";
import type { Matrix, Reduction, Vector } from "../core/types";
import { readDeferred } from "../core/tensor";
import { matrixRows } from "../helpers/rowMatrix";
import { readTriplets, tripletGap, tripletRowGrad, type Triplets } from "./tripletRows";

/** The distance of {@link tripletLoss}: the seed's squared euclidean distance, or PyTorch's euclidean distance. */
export type TripletDistance = "squared" | "euclidean";

/** Options of {@link tripletLoss} and {@link tripletLossGrad}. */
export interface TripletLossOptions {
  /** How much closer the positive must be than the negative; any finite number. Default 1 (as PyTorch). */
  readonly margin?: number;
  /**
   * `"squared"` (default, the seed's): d(a, b) = Σᵢ (aᵢ − bᵢ)². `"euclidean"`: PyTorch's `TripletMarginLoss` distance
   * ‖a − b + eps‖₂ with eps = 1e-6 (p = 2, swap = false).
   */
  readonly distance?: TripletDistance;
  /** `"none"` (default) keeps one loss per row, `"mean"` averages them, `"sum"` adds them (as PyTorch). */
  readonly reduction?: Reduction;
  /** A Float64Array of one slot per row to write the per-row losses into (used for matrices with `"none"`). */
  readonly out?: Float64Array;
  /**
   * For {@link tripletLossGrad} (ignored by `tripletLoss`): buffers to write the gradients into instead of allocating
   * them; a key left out is allocated.
   */
  readonly gradOut?: TripletLossGradOut;
}

/**
 * Caller's buffers for {@link tripletLossGrad}: each a Float64Array of one slot per input element, [d] for Vector
 * inputs or [n·d] row-major for Matrix inputs. For a Vector the buffer itself is returned; for a Matrix the returned
 * rows are views into it. Each is optional and checked once per call; none may overlap another or an input (the
 * gradient is not computed in place: `OUT_OF_DOMAIN`).
 */
export interface TripletLossGradOut {
  /** Receives ∂/∂anchor. */
  readonly anchor?: Float64Array;
  /** Receives ∂/∂positive. */
  readonly positive?: Float64Array;
  /** Receives ∂/∂negative. */
  readonly negative?: Float64Array;
}

/** The gradient of {@link tripletLoss}: one entry per input, each shaped like it. */
export interface TripletLossGradient<T> {
  readonly anchor: T;
  readonly positive: T;
  readonly negative: T;
}

interface Settings {
  readonly margin: number;
  readonly euclidean: boolean;
  readonly reduction: Reduction;
  readonly t: Triplets;
}

type Inputs = readonly [Vector | Matrix, Vector | Matrix, Vector | Matrix];

/**
 * Reads the options and inputs; typed matrix rows are not scanned for NaN / ±∞ (the row loops find them as a NaN
 * gap and call {@link rejectNonFinite}). Errors are the eager read's, in its order.
 */
function settings(fn: string, inputs: Inputs, opts: TripletLossOptions | undefined): Settings {
  return readDeferred((defer) => {
    const o = checkOptions(fn, opts);
    const margin = checkNumber(fn, "margin", o.margin ?? 1);
    const distance = checkChoice<TripletDistance>(fn, "distance", o.distance ?? "squared", ["squared", "euclidean"]);
    const reduction = checkReduction(fn, o.reduction ?? "none");
    return { margin, euclidean: distance === "euclidean", reduction, t: readTriplets(fn, inputs[0], inputs[1], inputs[2], defer) };
  });
}

/** A NaN gap: finite inputs never give one, so one of them is NaN or ±∞; the eager read throws its error. */
function rejectNonFinite(fn: string, inputs: Inputs): void {
  readTriplets(fn, inputs[0], inputs[1], inputs[2], false);
}

/**
 * Triplet margin loss: ℓ = max(0, d(a, p) − d(a, n) + margin), zero once the positive is closer to the anchor than
 * the negative by at least `margin`. As `torch.nn.TripletMarginLoss` with `distance: "euclidean"` (d = ‖a − p + eps‖₂,
 * eps = 1e-6, p = 2, swap = false); the seed's squared distance d = Σ(a − p)² by default.
 *
 * Gradient (see {@link tripletLossGrad}): where the hinge is active, squared: ∂/∂a = 2(n − p), ∂/∂p = 2(p − a),
 * ∂/∂n = 2(a − n); euclidean: ∂/∂a = uₚ/‖uₚ‖ − uₙ/‖uₙ‖, ∂/∂p = −uₚ/‖uₚ‖, ∂/∂n = uₙ/‖uₙ‖ with uₚ = a − p + eps.
 *
 * Shapes: three Vectors [d] give a number; three Matrices [n, d] give a Float64Array [n] (one loss per row) with
 * `"none"`, a number with `"mean"`/`"sum"`. No infinity is meaningful in the inputs. Squared distances past float64
 * (|values| ≳ 1e154) are computed rescaled, so the loss is exact where it is representable and +Infinity (never NaN)
 * where it is not; euclidean distances stay finite up to the largest doubles.
 * @throws LossInputError `EMPTY`, `SHAPE_MISMATCH` (ragged, or positive/negative shaped unlike anchor),
 * `NOT_FINITE` (NaN, ±Infinity, non-finite margin), `INVALID_TYPE`, `OUT_OF_DOMAIN` (distance, reduction)
 * @example
 * tripletLoss([0, 0], [0.4, 0], [0.6, 0], { margin: 0.5 }); // => 0.30000000000000004
 * tripletLoss([[0, 0], [0, 0]], [[1, 0], [3, 0]], [[2, 0], [1, 0]]); // => [0, 9]
 * tripletLoss([0, 0], [3, 4], [6, 8], { distance: "euclidean", margin: 10 }); // => 5.0000000000000036
 */
export function tripletLoss(anchor: Vector, positive: Vector, negative: Vector, opts?: TripletLossOptions): number;
export function tripletLoss(anchor: Matrix, positive: Matrix, negative: Matrix, opts: TripletLossOptions & { reduction: "mean" | "sum" }): number;
export function tripletLoss(anchor: Matrix, positive: Matrix, negative: Matrix, opts?: TripletLossOptions & { reduction?: "none" }): Float64Array;
export function tripletLoss(anchor: Vector | Matrix, positive: Vector | Matrix, negative: Vector | Matrix, opts?: TripletLossOptions): number | Float64Array;
export function tripletLoss(anchor: Vector | Matrix, positive: Vector | Matrix, negative: Vector | Matrix, opts?: TripletLossOptions): number | Float64Array {
  const fn = "tripletLoss";
  const inputs: Inputs = [anchor, positive, negative];
  const { margin, euclidean, reduction, t } = settings(fn, inputs, opts);
  const scratch = new Float64Array(4);
  const { nRows, nCols } = t;
  const perRow = reduction === "none" && !t.single;
  const out = perRow ? outputBuffer(fn, nRows, opts?.out) : undefined;
  let s = 0;
  for (let r = 0; r < nRows; r++) {
    const gap = tripletGap(t.anchor[r], t.positive[r], t.negative[r], nCols, euclidean, margin, scratch);
    if (gap !== gap) rejectNonFinite(fn, inputs);
    const loss = gap > 0 ? gap : 0;
    if (out) out[r] = loss;
    else s += loss;
  }
  if (out) return out;
  return reduction === "mean" ? s / nRows : s;
}

/**
 * Gradient of the sum of {@link tripletLoss}'s returned values (of the scalar for `"mean"`/`"sum"`) with respect to
 * anchor, positive and negative, each shaped like its input: a Float64Array for a Vector, `Float64Array[]` rows for a
 * Matrix. Formulas in {@link tripletLoss}; `"mean"` scales every row by 1/n.
 *
 * Where the hinge is flat (d(a, p) − d(a, n) + margin < 0) the gradient is 0. At exactly 0 — the kink — it is the
 * active side's gradient, as PyTorch's `clamp_min` backward (`where(x >= 0, grad, 0)`); both are valid subgradients.
 * A euclidean pair at distance exactly 0 (a − p = −eps) contributes 0, as PyTorch's norm backward.
 * With `gradOut`, the given results are written into the caller's buffers (completely; see {@link TripletLossGradOut}).
 * @throws LossInputError as {@link tripletLoss}; for `gradOut`: `INVALID_TYPE` (not an object, a buffer not a
 * Float64Array), `SHAPE_MISMATCH` (a buffer's length ≠ n·d), `OUT_OF_DOMAIN` (an unknown key; two buffers, or a
 * buffer and an input, that share memory)
 * @example
 * tripletLossGrad([0, 0], [0.4, 0], [0.6, 0], { margin: 0.5 }).anchor; // => [0.3999999999999999, 0]
 * tripletLossGrad([0, 0], [1, 0], [0, 2], { margin: 0.5 }).positive; // => [0, 0]
 * const flat = new Float64Array(4); // two rows of two
 * tripletLossGrad([[0, 0], [0, 0]], [[1, 0], [3, 0]], [[2, 0], [1, 0]], { gradOut: { anchor: flat } }).anchor[1]; // => [-4, 0]
 * flat; // => [0, 0, -4, 0]
 */
export function tripletLossGrad(anchor: Vector, positive: Vector, negative: Vector, opts?: TripletLossOptions): TripletLossGradient<Float64Array>;
export function tripletLossGrad(anchor: Matrix, positive: Matrix, negative: Matrix, opts?: TripletLossOptions): TripletLossGradient<Float64Array[]>;
export function tripletLossGrad(
  anchor: Vector | Matrix, positive: Vector | Matrix, negative: Vector | Matrix, opts?: TripletLossOptions,
): TripletLossGradient<Float64Array | Float64Array[]>;
export function tripletLossGrad(
  anchor: Vector | Matrix, positive: Vector | Matrix, negative: Vector | Matrix, opts?: TripletLossOptions,
): TripletLossGradient<Float64Array | Float64Array[]> {
  const fn = "tripletLossGrad";
  const inputs: Inputs = [anchor, positive, negative];
  const { margin, euclidean, reduction, t } = settings(fn, inputs, opts);
  const { nRows, nCols } = t;
  const g = reductionScale(reduction, nRows);
  const scratch = new Float64Array(4);
  const size = nRows * nCols;
  const read = { anchor: t.anchor, positive: t.positive, negative: t.negative };
  const given = gradOutputBuffers(fn, opts?.gradOut, { anchor: size, positive: size, negative: size }, read);
  // Fresh rows are not zeroed (helpers/rowMatrix.ts): every row is written, with zeros where the hinge is flat.
  const ga = resultRows(t, given.anchor);
  const gp = resultRows(t, given.positive);
  const gn = resultRows(t, given.negative);
  for (let r = 0; r < nRows; r++) {
    const a = t.anchor[r], p = t.positive[r], n = t.negative[r];
    const gap = tripletGap(a, p, n, nCols, euclidean, margin, scratch);
    if (gap >= 0) tripletRowGrad(a, p, n, nCols, euclidean, g, scratch, ga[r], gp[r], gn[r], 0);
    else {
      if (gap !== gap) rejectNonFinite(fn, inputs);
      ga[r].fill(0);
      gp[r].fill(0);
      gn[r].fill(0);
    }
  }
  if (t.single) return { anchor: ga[0], positive: gp[0], negative: gn[0] };
  return { anchor: ga, positive: gp, negative: gn };
}

/** The rows of one gradient result: the caller's buffer (itself for a Vector, row views for a Matrix), or fresh rows. */
function resultRows(t: Triplets, buf: Float64Array | undefined): Float64Array[] {
  return t.single && buf !== undefined ? [buf] : matrixRows(t.nRows, t.nCols, buf);
}
