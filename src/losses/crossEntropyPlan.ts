import { LossInputError, show } from "../core/errors";
import { checkValues, readDeferred, readMatrix } from "../core/tensor";
import { checkRows, readRows } from "../helpers/rowMatrix";
import { checkNumber, checkOptions, checkReduction } from "../core/validate";
import type { Matrix, Reduction, Vector } from "../core/types";
import { isMatrixInput } from "../helpers/logsumexp";

/** The options {@link crossEntropyPlan} reads (those of `softmaxCrossEntropy`, without `out`). */
export interface CrossEntropyPlanOptions {
  readonly classWeights?: Vector;
  readonly ignoreIndex?: number;
  readonly labelSmoothing?: number;
  readonly reduction?: Reduction;
}

/**
 * A validated softmax cross-entropy call. Every row r has target weights t_k ≥ 0 over the classes, and its loss is
 * ℓ_r = Σ_k t_k·(−log softmax(z_r)_k), with gradient (Σ_k t_k)·softmax(z_r) − t (see crossEntropyRow.ts).
 */
export interface CrossEntropyPlan {
  readonly rows: Matrix;
  readonly nRows: number;
  readonly nCols: number;
  /** Class index per row (index targets), or null for probability targets. */
  readonly index: ArrayLike<number> | null;
  /** Probability rows (probability targets), or null for index targets. */
  readonly probs: Matrix | null;
  /** Class weights w_k, or null (all 1). */
  readonly weights: ArrayLike<number> | null;
  /** Σ_k w_k (C without weights). */
  readonly weightSum: number;
  /** The ignored class index; NaN when none (NaN equals no index). */
  readonly ignoreIndex: number;
  readonly smoothing: number;
  readonly reduction: Reduction;
  /** What `"mean"` divides by: Σ w[y_r] over kept rows (index targets), the row count (probability targets). */
  readonly denominator: number;
  /** True when the logits' values may not have been scanned: the row loops check for NaN (see helpers/rowMatrix.ts). */
  readonly deferred: boolean;
}

/**
 * {@link crossEntropyPlan} with the logits' value scan folded into the row loops where the rows are Float64Array or
 * Float32Array; errors are those of the eager read, in its order.
 * @throws LossInputError as {@link crossEntropyPlan}
 */
export function readCrossEntropy(fn: string, logits: Matrix, targets: Vector | Matrix, opts: CrossEntropyPlanOptions | undefined): CrossEntropyPlan {
  return readDeferred((defer) => crossEntropyPlan(fn, logits, targets, opts, defer));
}

/** Throws the eager read's error for a NaN that a deferred row loop found (a NaN sum). */
export function rejectNaN(fn: string, plan: CrossEntropyPlan): void {
  checkRows(fn, "logits", plan.rows, { allowInfinite: true });
}

/**
 * Reads and checks the arguments of `softmaxCrossEntropy` / `softmaxCrossEntropyGrad` once. With `defer`, the values
 * of Float64Array / Float32Array logit rows are left to the row loops (see {@link readCrossEntropy}).
 * @throws LossInputError `EMPTY`, `SHAPE_MISMATCH`, `NOT_FINITE`, `INVALID_TYPE`, `OUT_OF_DOMAIN`, `EMPTY_MASK`
 */
export function crossEntropyPlan(
  fn: string, logits: Matrix, targets: Vector | Matrix, opts: CrossEntropyPlanOptions | undefined, defer = false,
): CrossEntropyPlan {
  const o = checkOptions(fn, opts);
  const reduction = checkReduction(fn, o.reduction ?? "none");
  const smoothing = checkNumber(fn, "labelSmoothing", o.labelSmoothing ?? 0, { min: 0, max: 1, maxExclusive: true });
  const ignore = o.ignoreIndex === undefined ? NaN : checkNumber(fn, "ignoreIndex", o.ignoreIndex, { integer: true });
  const { rows, nRows, nCols } = readRows(fn, "logits", logits, { allowInfinite: true }, defer);
  const weights = o.classWeights === undefined ? null : readWeights(fn, o.classWeights, nCols);
  let weightSum = nCols;
  if (weights !== null) {
    weightSum = 0;
    for (let k = 0; k < nCols; k++) weightSum += weights[k];
  }
  const base = { rows, nRows, nCols, weights, weightSum, ignoreIndex: ignore, smoothing, reduction, deferred: defer };
  if (isMatrixInput(targets)) {
    if (ignore >= 0) {
      throw new LossInputError("OUT_OF_DOMAIN", fn, "ignoreIndex", `is not supported with probability targets, as in PyTorch (got ${ignore})`);
    }
    return { ...base, index: null, probs: readProbabilities(fn, targets as Matrix, nRows, nCols), denominator: nRows };
  }
  const index = targets as Vector;
  if (!Array.isArray(index) && !ArrayBuffer.isView(index)) {
    throw new LossInputError("INVALID_TYPE", fn, "targets", `must be class indices (a Vector) or a Matrix of probabilities (got ${show(index)})`);
  }
  if (index.length !== nRows) {
    throw new LossInputError("SHAPE_MISMATCH", fn, "targets", `must hold one class index per row of logits: shape mismatch, got [${index.length}] and [${nRows}]`);
  }
  checkValues(fn, "targets", index);
  let denominator = 0;
  for (let r = 0; r < nRows; r++) {
    const y = index[r];
    if (y === ignore) continue;
    if (!Number.isInteger(y) || y < 0 || y >= nCols) {
      throw new LossInputError("OUT_OF_DOMAIN", fn, "targets", `must be integer class indices in [0, ${nCols}) (got ${show(y)} at index ${r})`);
    }
    denominator += weights === null ? 1 : weights[y];
  }
  if (reduction === "mean" && !(denominator > 0)) {
    const why = denominator === 0 && o.ignoreIndex !== undefined && !hasKept(index, ignore) ? "every row is ignored" : "the kept rows' class weights sum to 0";
    throw new LossInputError("EMPTY_MASK", fn, "targets", `leave nothing to average over with reduction "mean" (${why})`);
  }
  return { ...base, index, probs: null, denominator };
}

function hasKept(index: ArrayLike<number>, ignore: number): boolean {
  for (let r = 0; r < index.length; r++) if (index[r] !== ignore) return true;
  return false;
}

function readWeights(fn: string, w: Vector, nCols: number): ArrayLike<number> {
  if (!Array.isArray(w) && !ArrayBuffer.isView(w)) {
    throw new LossInputError("INVALID_TYPE", fn, "classWeights", `must be a Vector (got ${show(w)})`);
  }
  if (w.length !== nCols) {
    throw new LossInputError("SHAPE_MISMATCH", fn, "classWeights", `must have one weight per class: shape mismatch, got [${w.length}] and [${nCols}]`);
  }
  checkValues(fn, "classWeights", w);
  for (let k = 0; k < nCols; k++) {
    if (w[k] < 0) throw new LossInputError("OUT_OF_DOMAIN", fn, "classWeights", `must be ≥ 0 (got ${show(w[k])} at index ${k})`);
  }
  return w;
}

function readProbabilities(fn: string, targets: Matrix, nRows: number, nCols: number): Matrix {
  const q = readMatrix(fn, "targets", targets);
  if (q.nRows !== nRows || q.nCols !== nCols) {
    throw new LossInputError(
      "SHAPE_MISMATCH", fn, "targets",
      `must have the shape of logits: shape mismatch, got [${q.nRows}, ${q.nCols}] and [${nRows}, ${nCols}]`,
    );
  }
  for (let r = 0; r < nRows; r++) {
    const row = q.rows[r];
    for (let k = 0; k < nCols; k++) {
      const v = row[k];
      if (v < 0 || v > 1) throw new LossInputError("OUT_OF_DOMAIN", fn, "targets", `must be probabilities in [0, 1] (got ${show(v)} at index ${r}, ${k})`);
    }
  }
  return q.rows;
}

/** True when row r is ignored (its class index equals ignoreIndex). */
export function isIgnored(plan: CrossEntropyPlan, r: number): boolean {
  return plan.index !== null && plan.index[r] === plan.ignoreIndex;
}
