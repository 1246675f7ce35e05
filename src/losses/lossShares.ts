import { LossInputError, show } from "../core/errors";

function readRecord(fn: string, arg: string, x: unknown): Record<string, number> {
  if (x === null || typeof x !== "object" || Object.prototype.toString.call(x) !== "[object Object]") {
    throw new LossInputError("INVALID_TYPE", fn, arg, `must be a plain object of name → number (got ${show(x)})`);
  }
  const rec = x as Record<string, unknown>;
  for (const k of Object.keys(rec)) {
    const v = rec[k];
    if (typeof v !== "number") throw new LossInputError("INVALID_TYPE", fn, arg, `entry ${JSON.stringify(k)} must be a number (got ${show(v)})`);
    if (!Number.isFinite(v)) throw new LossInputError("NOT_FINITE", fn, arg, `entry ${JSON.stringify(k)} must be finite (got ${show(v)})`);
    if (v < 0) throw new LossInputError("OUT_OF_DOMAIN", fn, arg, `entry ${JSON.stringify(k)} must be ≥ 0 (got ${show(v)})`);
  }
  return rec as Record<string, number>;
}

/**
 * The share of each term in a weighted multi-term objective L = Σₖ wₖ·tₖ: shareₖ = wₖ·tₖ / Σⱼ wⱼ·tⱼ. Judging loss
 * coefficients by these weighted contributions, not by raw term values, is the seed's exercise 10.
 *
 * Terms and weights must be ≥ 0: with a negative contribution the "shares" of a signed total are no longer fractions
 * of anything (they can exceed 1 or be negative), so they are rejected. A total of 0 (every weighted term zero)
 * leaves the shares undefined (0/0) and is rejected with `OUT_OF_DOMAIN` (not `EMPTY_MASK`: nothing is masked, the
 * weighted objective itself is 0). Products that leave float64's range (1e200·1e200, 1e-200·1e-200) are rescaled by
 * the largest weight and term (log space as a last resort), so any valid input gives finite shares summing to 1.
 *
 * Shapes: two records with the same keys; the result has those keys, in `terms`' order.
 * @throws LossInputError `EMPTY` (no terms), `SHAPE_MISMATCH` (weights' keys differ from terms'; names `weights`),
 * `INVALID_TYPE` (not a plain object, a value not a number), `NOT_FINITE` (NaN, ±Infinity), `OUT_OF_DOMAIN`
 * (a negative term or weight, or every weighted term 0)
 * @example
 * lossShares({ ce: 0.8, kl: 0.05, aux: 2.0 }, { ce: 1, kl: 10, aux: 0.1 }).ce; // => 0.5333333333333333
 * lossShares({ a: 1, b: 3 }, { a: 1, b: 1 }); // => { a: 0.25, b: 0.75 }
 */
export function lossShares(terms: Readonly<Record<string, number>>, weights: Readonly<Record<string, number>>): Record<string, number> {
  const fn = "lossShares";
  const t = readRecord(fn, "terms", terms);
  const w = readRecord(fn, "weights", weights);
  const keys = Object.keys(t);
  if (keys.length === 0) throw new LossInputError("EMPTY", fn, "terms", "must have at least one term (got {})");
  const missing = keys.filter((k) => !Object.prototype.hasOwnProperty.call(w, k));
  const extra = Object.keys(w).filter((k) => !Object.prototype.hasOwnProperty.call(t, k));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length > 0 ? `missing ${missing.map((k) => JSON.stringify(k)).join(", ")}` : "",
      extra.length > 0 ? `extra ${extra.map((k) => JSON.stringify(k)).join(", ")}` : "",
    ].filter(Boolean);
    throw new LossInputError("SHAPE_MISMATCH", fn, "weights", `must have the keys of terms (got ${parts.join("; ")})`);
  }
  // Object.fromEntries defines own properties, so even a key named "__proto__" comes back as a plain entry.
  const result = (share: (k: string) => number): Record<string, number> => Object.fromEntries(keys.map((k) => [k, share(k)]));
  let total = 0;
  for (const k of keys) total += w[k] * t[k];
  // Plain path, the seed's own arithmetic: safe when no product overflowed and the total is far from underflow.
  if (total >= 1e-290 && total < Infinity) return result((k) => (w[k] * t[k]) / total);
  // Rescaled: cₖ = (wₖ/max w)·(tₖ/max t) keeps every product in [0, 1] with a few ulps of error.
  let wMax = 0;
  let tMax = 0;
  for (const k of keys) {
    wMax = Math.max(wMax, w[k]);
    tMax = Math.max(tMax, t[k]);
  }
  const scaled = (k: string): number => (wMax > 0 && tMax > 0 ? (w[k] / wMax) * (t[k] / tMax) : 0);
  let scaledTotal = 0;
  for (const k of keys) scaledTotal += scaled(k);
  if (scaledTotal >= 1e-290) return result((k) => scaled(k) / scaledTotal);
  // Log space, for what is left (the largest weight and the largest term on different keys, the rest tiny):
  // log cₖ = log wₖ + log tₖ, shareₖ = exp(log cₖ − m) / Σⱼ exp(log cⱼ − m) with m the largest log cₖ.
  const logC = (k: string): number => Math.log(w[k]) + Math.log(t[k]);
  let m = -Infinity;
  for (const k of keys) m = Math.max(m, logC(k));
  if (m === -Infinity) {
    throw new LossInputError(
      "OUT_OF_DOMAIN", fn, "terms", "must have a positive weighted total Σ wₖ·tₖ (got 0: every term or its weight is 0, so the shares are 0/0)",
    );
  }
  let s = 0;
  for (const k of keys) s += Math.exp(logC(k) - m);
  return result((k) => Math.exp(logC(k) - m) / s);
}
