import { LossInputError, show } from "../core/errors";
import { checkNumber, checkOptions, checkReduction, checkScalar } from "../core/validate";
import { outputBuffer } from "../core/output";
import { reductionScale } from "../core/reduce";
import { readVector } from "../helpers/logsumexp";
import type { Reduction, Vector } from "../core/types";

/** Options of {@link marginRankingLoss} and {@link marginRankingLossGrad}. */
export interface MarginRankingLossOptions {
  /** The required gap y·(x1 − x2) ≥ margin; any finite number. Default 0 (as PyTorch). */
  readonly margin?: number;
  /** `"none"` (default) keeps one loss per pair, `"mean"` averages them, `"sum"` adds them (as PyTorch). */
  readonly reduction?: Reduction;
  /** A Float64Array of one slot per pair to write the per-pair losses into (used with `"none"`). */
  readonly out?: Float64Array;
}

/** The gradient of {@link marginRankingLoss} with respect to x1 and x2. */
export interface MarginRankingLossGradient {
  readonly x1: Float64Array;
  readonly x2: Float64Array;
}

interface Pairs {
  readonly x1: ArrayLike<number>;
  readonly x2: ArrayLike<number>;
  /** The labels, or null when one label `yAll` applies to every pair. */
  readonly y: ArrayLike<number> | null;
  readonly yAll: number;
  readonly margin: number;
  readonly reduction: Reduction;
}

function checkLabel(fn: string, v: number, at: string): void {
  if (v !== 1 && v !== -1) {
    throw new LossInputError("OUT_OF_DOMAIN", fn, "y", `must hold only 1 or -1 (got ${show(v)}${at})`);
  }
}

function readPairs(fn: string, x1: Vector, x2: Vector, y: Vector | number, opts: MarginRankingLossOptions | undefined): Pairs {
  const o = checkOptions(fn, opts);
  const margin = checkNumber(fn, "margin", o.margin ?? 0);
  const reduction = checkReduction(fn, o.reduction ?? "none");
  const a = readVector(fn, "x1", x1, false);
  const b = readVector(fn, "x2", x2, false);
  const n = a.length;
  if (b.length !== n) {
    throw new LossInputError("SHAPE_MISMATCH", fn, "x2", `must have the length of x1: shape mismatch, got [${b.length}] and [${n}]`);
  }
  if (typeof y === "number") {
    checkLabel(fn, checkScalar(fn, "y", y), "");
    return { x1: a, x2: b, y: null, yAll: y, margin, reduction };
  }
  const labels = readVector(fn, "y", y, false);
  if (labels.length !== n) {
    throw new LossInputError("SHAPE_MISMATCH", fn, "y", `must have the length of x1: shape mismatch, got [${labels.length}] and [${n}]`);
  }
  for (let i = 0; i < n; i++) checkLabel(fn, labels[i], ` at index ${i}`);
  return { x1: a, x2: b, y: labels, yAll: 0, margin, reduction };
}

/**
 * Margin ranking loss: ℓᵢ = max(0, −yᵢ·(x1ᵢ − x2ᵢ) + margin), as `torch.nn.MarginRankingLoss`. yᵢ = 1 asks for
 * x1ᵢ to rank above x2ᵢ by at least `margin`, yᵢ = −1 for the reverse. Gradient where the hinge is active:
 * ∂ℓᵢ/∂x1ᵢ = −yᵢ, ∂ℓᵢ/∂x2ᵢ = yᵢ.
 *
 * Shapes: x1 and x2 are Vectors [n]; y is a Vector [n] of ±1 or one number ±1 for every pair. `"none"` gives a
 * Float64Array [n], `"mean"`/`"sum"` a number. No infinity is meaningful; a difference x1 − x2 past float64 gives an
 * Infinity loss (or 0), never NaN.
 * @throws LossInputError `EMPTY`, `SHAPE_MISMATCH` (lengths differ), `NOT_FINITE` (NaN, ±Infinity),
 * `OUT_OF_DOMAIN` (a label not ±1, reduction), `INVALID_TYPE`
 * @example
 * marginRankingLoss([0.8, 0.2, 0.5], [0.3, 0.6, 0.5], [1, 1, -1], { margin: 0.1 }); // => [0, 0.5, 0.1]
 * marginRankingLoss([2, -1], [1, 1], 1, { reduction: "mean" }); // => 1
 */
export function marginRankingLoss(x1: Vector, x2: Vector, y: Vector | number, opts: MarginRankingLossOptions & { reduction: "mean" | "sum" }): number;
export function marginRankingLoss(x1: Vector, x2: Vector, y: Vector | number, opts?: MarginRankingLossOptions & { reduction?: "none" }): Float64Array;
export function marginRankingLoss(x1: Vector, x2: Vector, y: Vector | number, opts?: MarginRankingLossOptions): number | Float64Array;
export function marginRankingLoss(x1: Vector, x2: Vector, y: Vector | number, opts?: MarginRankingLossOptions): number | Float64Array {
  const fn = "marginRankingLoss";
  const q = readPairs(fn, x1, x2, y, opts);
  const { x1: a, x2: b, y: labels, yAll, margin } = q;
  const n = a.length;
  const out = q.reduction === "none" ? outputBuffer(fn, n, opts?.out) : undefined;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const yi = labels === null ? yAll : labels[i];
    const v = -yi * (a[i] - b[i]) + margin; // PyTorch's (-target * (input1 - input2) + margin).clamp_min_(0)
    const loss = v > 0 ? v : 0;
    if (out) out[i] = loss;
    else s += loss;
  }
  if (out) return out;
  return q.reduction === "mean" ? s / n : s;
}

/**
 * Gradient of the sum of {@link marginRankingLoss}'s returned values (of the scalar for `"mean"`/`"sum"`):
 * ∂/∂x1ᵢ = −yᵢ and ∂/∂x2ᵢ = yᵢ where −yᵢ(x1ᵢ − x2ᵢ) + margin ≥ 0, else 0; times 1/n for `"mean"`. At exactly 0 — the
 * kink — it takes the active side, as PyTorch's `clamp_min` backward (`where(x >= 0, grad, 0)`).
 *
 * Shapes: `{x1, x2}`, two Float64Arrays [n].
 * @throws LossInputError as {@link marginRankingLoss}
 * @example
 * marginRankingLossGrad([0.8, 0.2], [0.3, 0.6], [1, 1]).x1; // => [0, -1]
 * marginRankingLossGrad([0.8, 0.2], [0.3, 0.6], [1, 1], { reduction: "mean" }).x2; // => [0, 0.5]
 */
export function marginRankingLossGrad(x1: Vector, x2: Vector, y: Vector | number, opts?: MarginRankingLossOptions): MarginRankingLossGradient {
  const fn = "marginRankingLossGrad";
  const q = readPairs(fn, x1, x2, y, opts);
  const { x1: a, x2: b, y: labels, yAll, margin } = q;
  const n = a.length;
  const scale = reductionScale(q.reduction, n);
  const g1 = new Float64Array(n);
  const g2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const yi = labels === null ? yAll : labels[i];
    if (-yi * (a[i] - b[i]) + margin >= 0) {
      g1[i] = -yi * scale;
      g2[i] = yi * scale;
    }
  }
  return { x1: g1, x2: g2 };
}
