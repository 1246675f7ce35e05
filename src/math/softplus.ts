import { expFast as expFastImport } from "./exp";

// Module-local copies of imported functions the hot loops call: under tsx/esbuild every use of an imported binding
// is a getter call, which spends V8's inlining budget (see src/math/chunked.ts). tsc's CommonJS output has no getters.
const expFast = expFastImport;

/*
 * softplus and log σ need log1p(e) only for e = e^−|z| ∈ [0, 1], which a table does without reading bits or
 * dividing: with c = j/64 for j = ⌊64e⌋, log1p(e) = log1p(c) + log1p(t), t = (e − c)/(1 + c), |t| < 1/64, and
 * log1p(t) = t − t²/2 + … − t⁸/8 + t⁹/9 (the next term is below 2^−54·|t|). e − c is exact (c ≤ e < 2c, or c = 0);
 * LOG1P_TABLE holds log1p(c) and 1/(1 + c), each correctly rounded or within 1 ulp (Math.log1p).
 */
const LOG1P_TABLE = new Float64Array(130);
for (let j = 0; j <= 64; j++) {
  LOG1P_TABLE[2 * j] = Math.log1p(j / 64);
  LOG1P_TABLE[2 * j + 1] = 1 / (1 + j / 64);
}

/**
 * log1p(e) for e ∈ [0, 1] (NaN stays NaN): the table scheme above; at most 2 ulp from Math.log1p (1 for e < 1/64,
 * where the table is not used), measured on 4·10⁵ random and every knot input (test/math).
 */
export function log1pUnit(e: number): number {
  const j = ((e * 64) | 0) << 1;
  const t = (e - j * 0.0078125) * LOG1P_TABLE[j + 1];
  return LOG1P_TABLE[j] + t * (1 + t * (-0.5 + t * (0.3333333333333333 + t * (-0.25 + t * (0.2 +
    t * (-0.16666666666666666 + t * (0.14285714285714285 + t * (-0.125 + t * 0.1111111111111111))))))));
}

/**
 * softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^−|z|), never overflowing, without a data-dependent branch
 * (max(z, 0) is written ½z + ½|z|, exact for normal z; `Math.max` compiles to branches in V8).
 * softplus(−∞) = 0, softplus(∞) = ∞. Within 3 ulp of the same formula with Math.exp and Math.log1p (measured on
 * 2·10⁶ logits; test/math).
 */
export function softplusFast(z: number): number {
  const a = Math.abs(z);
  const relu = 0.5 * z + 0.5 * a; // NaN only for z = −∞ (−∞ + ∞), a branch the CPU always predicts
  return (relu === relu ? relu : 0) + log1pUnit(expFast(-a));
}

/** log σ(z) = −softplus(−z) = min(z, 0) − log1p(e^−|z|), branch-free as {@link softplusFast}. */
export function logSigmoidFast(z: number): number {
  const a = Math.abs(z);
  const negPart = 0.5 * z - 0.5 * a; // NaN only for z = ∞
  return (negPart === negPart ? negPart : 0) - log1pUnit(expFast(-a));
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
