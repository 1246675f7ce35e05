import { LossInputError, show } from "../core/errors";
import { outputBuffer } from "../core/output";
import { readDeferred } from "../core/tensor";
import { matrixRows, readRows } from "../helpers/rowMatrix";
import { sum } from "../core/reduce";
import { checkNumber, checkOptions, checkReduction } from "../core/validate";
import type { Matrix, Reduction } from "../core/types";
import { infoNCEGradKernel, infoNCEKernel, type InfoNCEProblem } from "./infoNCEKernel";

/** Options of {@link infoNCE} and {@link infoNCEGrad}. */
export interface InfoNCEOptions {
  /** τ > 0: the logits are sim/τ. Default 1. */
  readonly temperature?: number;
  /** Average the row (anchor → candidates) and column (candidate → anchors) cross-entropies per index. Default false. */
  readonly symmetric?: boolean;
  /** `"none"` (default) one loss per row, `"mean"` over rows, or `"sum"`. */
  readonly reduction?: Reduction;
  /** A Float64Array to write into: `infoNCE` with `"none"` needs n slots, `infoNCEGrad` n·m (row-major, rows are views). */
  readonly out?: Float64Array;
}

/**
 * Reads `sim` and the options once for both functions; with `defer`, the NaN check of Float64Array / Float32Array
 * rows is left to the kernel's loops (helpers/rowMatrix.ts).
 */
function problem(fn: string, sim: Matrix, opts: InfoNCEOptions | undefined, defer: boolean): InfoNCEProblem & { reduction: Reduction } {
  const o = checkOptions(fn, opts);
  const tau = checkNumber(fn, "temperature", o.temperature ?? 1, { min: 0, minExclusive: true });
  const symmetric = o.symmetric ?? false;
  if (typeof symmetric !== "boolean") throw new LossInputError("INVALID_TYPE", fn, "symmetric", `must be true or false (got ${show(symmetric)})`);
  const reduction = checkReduction(fn, o.reduction ?? "none");
  const { rows, nRows: n, nCols: m } = readRows(fn, "sim", sim, { allowInfinite: true }, defer);
  if (m < n || (symmetric && m !== n)) {
    const need = symmetric ? "square with symmetric: true" : "at least as wide as it is tall (positives on the diagonal)";
    throw new LossInputError("SHAPE_MISMATCH", fn, "sim", `must be ${need} (got shape [${n}, ${m}])`);
  }
  return { sim: rows, n, m, invTau: 1 / tau, symmetric, reduction, deferred: defer };
}

/**
 * InfoNCE on a similarity matrix, one loss per row: the cross-entropy of row i of sim/τ with label i (the positive
 * pair is on the diagonal, every other entry of the row is a negative), shifted by the row max:
 * ℓᵢ = −sᵢᵢ/τ + log Σⱼ e^{sᵢⱼ/τ}. With `symmetric: true`, ℓᵢ = ½·(row CE of i + column CE of i), the column CE
 * being −sᵢᵢ/τ + log Σₖ e^{sₖᵢ/τ} (CLIP's two directions). `"mean"` averages over the n rows.
 *
 * Shapes: `sim` [n, m] with m ≥ n: columns n … m − 1 are extra negatives for every row (e.g. a queue of keys);
 * `symmetric` needs a square matrix. Result Float64Array [n] (`"none"`) or a number.
 * Infinities: an off-diagonal −∞ is a masked negative (contributes e^−∞ = 0); −∞ on the diagonal or +∞ anywhere
 * is an error.
 * @throws LossInputError `EMPTY`, `SHAPE_MISMATCH` (ragged, m < n, not square when symmetric), `NOT_FINITE` (NaN,
 * +∞, −∞ positive), `INVALID_TYPE`, `OUT_OF_DOMAIN` (temperature ≤ 0, unknown reduction)
 * @example
 * infoNCE([[1, 0], [0, 1]]); // => [0.31326168751822286, 0.31326168751822286]
 * infoNCE([[2, 0.5, 0.1], [0, 1.5, 0.2], [0.1, 0.4, 1]], { temperature: 0.5, reduction: "mean" }); // => 0.18983163377009304
 */
export function infoNCE(sim: Matrix, opts?: InfoNCEOptions & { reduction?: "none" }): Float64Array;
export function infoNCE(sim: Matrix, opts: InfoNCEOptions & { reduction: "mean" | "sum" }): number;
export function infoNCE(sim: Matrix, opts?: InfoNCEOptions): number | Float64Array;
export function infoNCE(sim: Matrix, opts?: InfoNCEOptions): number | Float64Array {
  const fn = "infoNCE";
  const p = readDeferred((defer) => problem(fn, sim, opts, defer));
  if (p.reduction === "none") {
    const out = outputBuffer(fn, p.n, opts?.out);
    infoNCEKernel(fn, p, out);
    return out;
  }
  const values = new Float64Array(p.n);
  infoNCEKernel(fn, p, values);
  const s = sum(values);
  return p.reduction === "sum" ? s : s / p.n;
}

/**
 * Gradient of {@link infoNCE} with respect to `sim` (of the sum of the returned values, or of the reduced number):
 * ∂ℓᵢ/∂sᵢⱼ = (softmax(sᵢ./τ)ⱼ − [i = j])/τ; symmetric adds the column terms
 * (softmax(s.ⱼ/τ)ᵢ − [i = j])/τ and halves both; `"mean"` divides by n.
 *
 * Shapes: Float64Array[] [n, m], like `sim`. Infinities as {@link infoNCE} (a masked negative gets 0).
 * @throws LossInputError as {@link infoNCE}
 * @example
 * infoNCEGrad([[0, 0], [0, 0]]); // => [[-0.5, 0.5], [0.5, -0.5]]
 */
export function infoNCEGrad(sim: Matrix, opts?: InfoNCEOptions): Float64Array[] {
  const fn = "infoNCEGrad";
  const p = readDeferred((defer) => problem(fn, sim, opts, defer));
  const given = opts?.out === undefined ? undefined : outputBuffer(fn, p.n * p.m, opts.out);
  return infoNCEGradKernel(fn, p, p.reduction === "mean" ? 1 / p.n : 1, matrixRows(p.n, p.m, given));
}
