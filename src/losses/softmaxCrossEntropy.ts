import { outputBuffer } from "../core/output";
import type { Matrix, Reduction, Vector } from "../core/types";
import { matrixRows } from "../helpers/rowMatrix";
import { isIgnored, readCrossEntropy, rejectNaN, type CrossEntropyPlan } from "./crossEntropyPlan";
import { crossEntropyRowGrad, crossEntropyRowLoss } from "./crossEntropyRow";

/** Options of {@link softmaxCrossEntropy} and {@link softmaxCrossEntropyGrad} (PyTorch's names, camelCased). */
export interface SoftmaxCrossEntropyOptions {
  /** One weight w_k ≥ 0 per class (PyTorch's `weight`). Default: all 1. */
  readonly classWeights?: Vector;
  /** Rows whose class index equals this integer are skipped: loss 0, gradient 0, not counted by `"mean"`. Default: none. */
  readonly ignoreIndex?: number;
  /** ε ∈ [0, 1): the target becomes (1 − ε)·target + ε/C. Default 0. */
  readonly labelSmoothing?: number;
  /** `"none"` (default) one loss per row, `"sum"`, or `"mean"` (weighted, as PyTorch: see {@link softmaxCrossEntropy}). */
  readonly reduction?: Reduction;
  /**
   * A Float64Array to write into instead of allocating: `softmaxCrossEntropy` with `"none"` needs one slot per row,
   * `softmaxCrossEntropyGrad` rows × classes slots (row-major; the returned rows are views into it).
   */
  readonly out?: Float64Array;
}

/**
 * Softmax cross-entropy from logits, one value per row, as `torch.nn.functional.cross_entropy`:
 * ℓᵣ = −Σₖ tᵣₖ·log softmax(zᵣ)ₖ, with log softmax(z)ₖ = (zₖ − m) − log Σⱼ e^{zⱼ − m} shifted by the row max m, so
 * logits `[1000, 999, 998]` give a finite, exact loss. The target weights tᵣₖ are
 * - class indices yᵣ: (1 − ε)·w_{yᵣ}·[k = yᵣ] + (ε/C)·wₖ (ε = `labelSmoothing`, w = `classWeights`, C classes);
 * - probabilities qᵣ: wₖ·((1 − ε)·qᵣₖ + ε/C) (rows need not sum to 1).
 *
 * Reductions as PyTorch: `"mean"` with class indices is the weighted mean over kept rows, Σᵣ ℓᵣ / Σ_{kept r} w_{yᵣ};
 * with probabilities it is Σᵣ ℓᵣ / rows. Ignored rows give 0 with `"none"`.
 *
 * Shapes: `logits` [rows, C]; `targets` a Vector [rows] of integer class indices or a Matrix [rows, C] of
 * probabilities in [0, 1]; result Float64Array [rows] (`"none"`) or a number.
 * Infinities: a −∞ logit is meaningful for a class with zero target weight (a masked class: probability 0);
 * −∞ where the target weight is positive (the loss would be +∞), +∞, or a kept row of only −∞ are errors.
 * Rows that are ignored are only checked for NaN.
 * @throws LossInputError `EMPTY`, `SHAPE_MISMATCH`, `NOT_FINITE`, `INVALID_TYPE`, `OUT_OF_DOMAIN` (class index not
 * an integer in [0, C), probability ∉ [0, 1], negative class weight, labelSmoothing ∉ [0, 1), ignoreIndex not an
 * integer or ≥ 0 with probability targets, unknown reduction), `EMPTY_MASK` (`"mean"` with every row ignored or
 * zero total weight)
 * @example
 * softmaxCrossEntropy([[2, 1, 0], [1000, 999, 998]], [0, 2]); // => [0.4076059644443804, 2.4076059644443806]
 * softmaxCrossEntropy([[0, 0], [5, 1]], [1, -1], { ignoreIndex: -1, reduction: "mean" }); // => 0.6931471805599453
 */
export function softmaxCrossEntropy(logits: Matrix, targets: Vector | Matrix, opts?: SoftmaxCrossEntropyOptions & { reduction?: "none" }): Float64Array;
export function softmaxCrossEntropy(logits: Matrix, targets: Vector | Matrix, opts: SoftmaxCrossEntropyOptions & { reduction: "mean" | "sum" }): number;
export function softmaxCrossEntropy(logits: Matrix, targets: Vector | Matrix, opts?: SoftmaxCrossEntropyOptions): number | Float64Array;
export function softmaxCrossEntropy(logits: Matrix, targets: Vector | Matrix, opts?: SoftmaxCrossEntropyOptions): number | Float64Array {
  const fn = "softmaxCrossEntropy";
  const plan = readCrossEntropy(fn, logits, targets, opts);
  const out = plan.reduction === "none" ? outputBuffer(fn, plan.nRows, opts?.out) : null;
  let total = 0;
  for (let r = 0; r < plan.nRows; r++) {
    const loss = isIgnored(plan, r) ? skipRow(fn, plan, r) : crossEntropyRowLoss(fn, plan, r);
    if (out !== null) out[r] = loss;
    else total += loss;
  }
  if (out !== null) return out;
  return plan.reduction === "sum" ? total : total / plan.denominator;
}

/**
 * Gradient of {@link softmaxCrossEntropy} with respect to the logits (of the sum of the returned values, or of the
 * reduced number): ∂/∂zᵣₖ = s·(Tᵣ·softmax(zᵣ)ₖ − tᵣₖ), with Tᵣ = Σₖ tᵣₖ, s = 1/denominator for `"mean"` and 1
 * otherwise; without weights and smoothing this is softmax − one-hot. Ignored rows get 0.
 *
 * Shapes: Float64Array[] [rows, C], like `logits`. Infinities as {@link softmaxCrossEntropy} (a masked class gets 0).
 * @throws LossInputError as {@link softmaxCrossEntropy}
 * @example
 * softmaxCrossEntropyGrad([[0, 0]], [1]); // => [[0.5, -0.5]]
 * softmaxCrossEntropyGrad([[0, -Infinity]], [0], { reduction: "mean" }); // => [[0, 0]]
 */
export function softmaxCrossEntropyGrad(logits: Matrix, targets: Vector | Matrix, opts?: SoftmaxCrossEntropyOptions): Float64Array[] {
  const fn = "softmaxCrossEntropyGrad";
  const plan = readCrossEntropy(fn, logits, targets, opts);
  const { nRows, nCols } = plan;
  const given = opts?.out === undefined ? undefined : outputBuffer(fn, nRows * nCols, opts.out);
  const grad = matrixRows(nRows, nCols, given);
  const scale = plan.reduction === "mean" ? 1 / plan.denominator : 1;
  for (let r = 0; r < nRows; r++) {
    const g = grad[r];
    if (isIgnored(plan, r)) g.fill(skipRow(fn, plan, r));
    else crossEntropyRowGrad(fn, plan, r, scale, g);
  }
  return grad;
}

/** An ignored row contributes 0; it is still checked for NaN, as the eager read did. */
function skipRow(fn: string, plan: CrossEntropyPlan, r: number): number {
  if (plan.deferred) {
    const z = plan.rows[r];
    for (let k = 0; k < plan.nCols; k++) if (z[k] !== z[k]) rejectNaN(fn, plan);
  }
  return 0;
}
