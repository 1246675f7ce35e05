import { LossInputError } from "../core/errors";
import { expInto, expSum, rowMax, scaleRow } from "../helpers/softmaxRow";
import { rejectNaN, type CrossEntropyPlan } from "./crossEntropyPlan";

// One kept row r of softmax cross-entropy. With m the row max, dₖ = zₖ − m (exact shift) and S = Σₖ e^{dₖ},
// −log softmax(z)ₖ = log S − dₖ. The target weights tₖ (PyTorch's label smoothing ε over C classes, weights w):
//   class index y:  tₖ = (1 − ε)·w_y·[k = y] + (ε/C)·wₖ,      Σₖ tₖ = (1 − ε)·w_y + (ε/C)·Σₖ wₖ
//   probabilities q: tₖ = wₖ·((1 − ε)·qₖ + ε/C)
// loss ℓ = Σₖ tₖ·(log S − dₖ), gradient ∂ℓ/∂zₖ = (Σⱼ tⱼ)·e^{dₖ}/S − tₖ. A class with tₖ = 0 contributes nothing, so
// zₖ = −∞ is allowed there (0·∞ is taken as 0); zₖ = −∞ with tₖ > 0 is an error (ℓ = +∞).

/** ℓᵣ: a max pass, an exp pass, then the target terms (one more pass only with smoothing or probabilities). */
export function crossEntropyRowLoss(fn: string, plan: CrossEntropyPlan, r: number): number {
  const z = plan.rows[r];
  const C = plan.nCols;
  const m = keptRowMax(fn, plan, r);
  const s = expSum(z, C, m, 1);
  if (s !== s) rejectNaN(fn, plan); // a NaN logit in a row whose values were not scanned
  const logS = Math.log(s);
  const { weights: w, smoothing: eps } = plan;
  if (plan.probs !== null) {
    const q = plan.probs[r];
    let loss = 0;
    for (let k = 0; k < C; k++) {
      const t = (w === null ? 1 : w[k]) * ((1 - eps) * q[k] + eps / C);
      if (t !== 0) loss += t * (logS - shift(fn, plan, r, k, m));
    }
    return loss;
  }
  const y = (plan.index as ArrayLike<number>)[r];
  const ty = (1 - eps) * (w === null ? 1 : w[y]);
  const loss = ty === 0 ? 0 : ty * (logS - shift(fn, plan, r, y, m));
  if (eps === 0) return loss;
  // (ε/C)·Σₖ wₖ·(log S − dₖ) = (ε/C)·(W·log S − Σₖ wₖ·dₖ). A −∞ logit turns the plain sum into −∞ (wₖ > 0) or
  // NaN (wₖ = 0, 0·−∞): only then does the careful loop run, which skips masked classes or reports the error.
  let wd = 0;
  if (w === null) for (let k = 0; k < C; k++) wd += z[k] - m;
  else for (let k = 0; k < C; k++) wd += w[k] * (z[k] - m);
  if (!Number.isFinite(wd)) wd = weightedShiftSum(fn, plan, r, m);
  return loss + (eps / C) * (plan.weightSum * logS - wd);
}

/** Writes ∂(scale·ℓᵣ)/∂zᵣ into g: the exponentials go into g once, then are scaled and the targets subtracted. */
export function crossEntropyRowGrad(fn: string, plan: CrossEntropyPlan, r: number, scale: number, g: Float64Array): void {
  const z = plan.rows[r];
  const C = plan.nCols;
  const m = keptRowMax(fn, plan, r);
  const s = expInto(z, C, m, 1, g);
  if (s !== s) rejectNaN(fn, plan);
  const { weights: w, smoothing: eps } = plan;
  if (plan.probs !== null) {
    const q = plan.probs[r];
    let total = 0;
    for (let k = 0; k < C; k++) total += (w === null ? 1 : w[k]) * ((1 - eps) * q[k] + eps / C);
    const c = (scale * total) / s;
    for (let k = 0; k < C; k++) {
      const t = (w === null ? 1 : w[k]) * ((1 - eps) * q[k] + eps / C);
      if (t !== 0 && z[k] === -Infinity) throw infiniteTargetLogit(fn, plan, r, k);
      g[k] = c * g[k] - scale * t;
    }
    return;
  }
  const y = (plan.index as ArrayLike<number>)[r];
  const wy = w === null ? 1 : w[y];
  const c = (scale * ((1 - eps) * wy + (eps / C) * plan.weightSum)) / s;
  if (eps === 0) scaleRow(g, C, c);
  else {
    const a = (scale * eps) / C;
    if (w === null) for (let k = 0; k < C; k++) g[k] = c * g[k] - a;
    else for (let k = 0; k < C; k++) g[k] = c * g[k] - a * w[k];
    for (let k = 0; k < C; k++) if (z[k] === -Infinity && (w === null || w[k] > 0)) throw infiniteTargetLogit(fn, plan, r, k);
  }
  const sy = scale * (1 - eps) * wy;
  if (sy === 0) return;
  if (z[y] === -Infinity) throw infiniteTargetLogit(fn, plan, r, y);
  g[y] -= sy;
}

/** Σₖ wₖ·dₖ over the classes with wₖ > 0, reporting a −∞ logit among them. */
function weightedShiftSum(fn: string, plan: CrossEntropyPlan, r: number, m: number): number {
  let sum = 0;
  for (let k = 0; k < plan.nCols; k++) {
    const wk = plan.weights === null ? 1 : plan.weights[k];
    if (wk !== 0) sum += wk * shift(fn, plan, r, k, m);
  }
  return sum;
}

/** dₖ = zₖ − m for a class that carries target weight. */
function shift(fn: string, plan: CrossEntropyPlan, r: number, k: number, m: number): number {
  const d = plan.rows[r][k] - m;
  if (d === -Infinity) throw infiniteTargetLogit(fn, plan, r, k);
  return d;
}

/**
 * The row max of a kept row. +∞ has no softmax (∞ − ∞); a row of only −∞ has nothing to normalise.
 * @throws LossInputError `NOT_FINITE`
 */
function keptRowMax(fn: string, plan: CrossEntropyPlan, r: number): number {
  const m = rowMax(plan.rows[r], plan.nCols);
  if (m === Infinity) throw rowError(fn, plan, `must not contain +Infinity (softmax is undefined there; got it in row ${r})`);
  if (m === -Infinity) throw rowError(fn, plan, `must have a finite entry in every kept row (got a row of -Infinity at index ${r})`);
  return m;
}

/** A `NOT_FINITE` error about the logits, unless a NaN (which the eager read reports first) is among them. */
function rowError(fn: string, plan: CrossEntropyPlan, detail: string): LossInputError {
  if (plan.deferred) rejectNaN(fn, plan);
  return new LossInputError("NOT_FINITE", fn, "logits", detail);
}

function infiniteTargetLogit(fn: string, plan: CrossEntropyPlan, r: number, k: number): LossInputError {
  if (plan.deferred) rejectNaN(fn, plan);
  return new LossInputError(
    "NOT_FINITE", fn, "logits",
    `may be -Infinity only for classes with zero target weight (got -Infinity at index ${r}, ${k}, whose class carries target weight: the loss would be +Infinity)`,
  );
}
