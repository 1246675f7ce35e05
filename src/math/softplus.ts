import { expFast } from "./exp";
import { log1pFast } from "./log";

/**
 * softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^−|z|), never overflowing, with the fast exp and log1p and
 * without a data-dependent branch (max(z, 0) is written ½z + ½|z|, exact for normal z and never overflowing;
 * `Math.max` compiles to branches in V8). softplus(−∞) = 0, softplus(∞) = ∞.
 */
export function softplusFast(z: number): number {
  const a = Math.abs(z);
  const relu = 0.5 * z + 0.5 * a; // NaN only for z = −∞ (−∞ + ∞), a branch the CPU always predicts
  return (relu === relu ? relu : 0) + log1pFast(expFast(-a));
}

/**
 * log σ(z) = −softplus(−z) = min(z, 0) − log1p(e^−|z|), branch-free as {@link softplusFast}.
 */
export function logSigmoidFast(z: number): number {
  const a = Math.abs(z);
  const negPart = 0.5 * z - 0.5 * a; // NaN only for z = ∞
  return (negPart === negPart ? negPart : 0) - log1pFast(expFast(-a));
}

/**
 * σ(z) = 1 / (1 + e^−z), never overflowing: with e = e^−|z|, σ(z) = 1/(1 + e) for z ≥ 0 and e/(1 + e) for z < 0.
 * The numerator is chosen without a branch: `+(z >= 0)` is 1 or 0, and pos + (1 − pos)·e is exactly 1 or e
 * (a `?:` on random signs costs a mispredicted branch half the time).
 */
export function sigmoidFast(z: number): number {
  const e = expFast(-Math.abs(z));
  const pos = +(z >= 0);
  return (pos + (1 - pos) * e) / (1 + e);
}
