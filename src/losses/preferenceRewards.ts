import { checkNumber, checkOptions } from "../core/validate";
import type { Vector } from "../core/types";
import { logRatioGap, readPreferencePairs } from "./preferencePairs";

/** Options of {@link preferenceRewards}. */
export interface PreferenceRewardsOptions {
  /** The inverse temperature β > 0, as in {@link preferenceLoss}. Default 0.1 (as TRL). */
  readonly beta?: number;
}

/** The implicit rewards of a preference batch, as TRL logs them. */
export interface PreferenceRewards {
  /** β·(logpW − refW) per pair: TRL's `rewards/chosen`. */
  readonly chosen: Float64Array;
  /** β·(logpL − refL) per pair: TRL's `rewards/rejected`. */
  readonly rejected: Float64Array;
  /** chosen − rejected = β·h per pair: TRL's `rewards/margins`. */
  readonly margins: Float64Array;
  /** The fraction of pairs with chosen > rejected (ties count as wrong): TRL's `rewards/accuracies`. */
  readonly accuracy: number;
}

/**
 * The implicit DPO rewards of each pair, as TRL's `DPOTrainer` reports them: chosen = β(logpW − refW),
 * rejected = β(logpL − refL), margins = chosen − rejected, and accuracy = the fraction of pairs where
 * chosen > rejected. A positive margin means the policy moved towards the preferred response relative to the reference.
 *
 * Shapes: four Vectors [n]; `chosen`, `rejected`, `margins` are Float64Arrays [n], `accuracy` a number in [0, 1].
 * No infinity is meaningful in the inputs; a reward past float64 is ±Infinity and its margin is computed from the
 * rescaled gap (never ∞ − ∞ = NaN).
 * @throws LossInputError `EMPTY`, `SHAPE_MISMATCH` (lengths differ), `NOT_FINITE` (NaN, ±Infinity), `INVALID_TYPE`,
 * `OUT_OF_DOMAIN` (β ≤ 0)
 * @example
 * preferenceRewards([-1, -2], [-3, -1], [-2, -2], [-2, -2], { beta: 0.5 }).margins; // => [1, -0.5]
 * preferenceRewards([-1, -2], [-3, -1], [-2, -2], [-2, -2], { beta: 0.5 }).accuracy; // => 0.5
 */
export function preferenceRewards(logpW: Vector, logpL: Vector, refW: Vector, refL: Vector, opts?: PreferenceRewardsOptions): PreferenceRewards {
  const fn = "preferenceRewards";
  const o = checkOptions(fn, opts);
  const beta = checkNumber(fn, "beta", o.beta ?? 0.1, { min: 0, minExclusive: true });
  const q = readPreferencePairs(fn, logpW, logpL, refW, refL);
  const n = q.n;
  const chosen = new Float64Array(n);
  const rejected = new Float64Array(n);
  const margins = new Float64Array(n);
  let wins = 0;
  for (let i = 0; i < n; i++) {
    const c = beta * (q.logpW[i] - q.refW[i]);
    const r = beta * (q.logpL[i] - q.refL[i]);
    let m = c - r;
    if (m - m !== 0) m = beta * logRatioGap(q.logpW[i], q.logpL[i], q.refW[i], q.refL[i]);
    chosen[i] = c;
    rejected[i] = r;
    margins[i] = m;
    if (m > 0) wins++; // m > 0 ⇔ chosen > rejected (exact for finite floats, and kept when the rewards overflow)
  }
  return { chosen, rejected, margins, accuracy: wins / n };
}
