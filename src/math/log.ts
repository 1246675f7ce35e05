import { POW2 as POW2_TABLE, POW2_BIAS as BIAS, highWord } from "./pow2";

// Module-local copies: a bundler's CommonJS interop (tsx, esbuild) turns each use of an imported binding into a
// getter call, which costs ~30 ns per element when it happens inside the hot path.
const POW2 = POW2_TABLE;
const POW2_BIAS = BIAS;

/*
 * fdlibm's logarithm (the algorithm behind V8's own Math.log), written so that V8 can inline it and without
 * data-dependent branches: x = 2^k · (1 + f) with 1 + f ∈ [√2/2, √2), s = f / (2 + f), and
 * log(1 + f) = f − f²/2 + s·(f²/2 + R(s²)) where R is fdlibm's degree-14 minimax polynomial (|error| < 2^−58.45).
 * log x = k·ln 2 + log(1 + f), with ln 2 in two parts so that k·LN2_HI is exact.
 */

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/**
 * log(w) + c for a normal, positive, finite w with high word `hw` and a small correction c (|c| ≲ ulp(w)/w):
 * the shared kernel of {@link logFast} and {@link log1pFast}.
 */
function logKernel(w: number, hw: number, c: number): number {
  // Exponent k chosen so that the mantissa w·2^−k lies in [√2/2, √2): 0x95f64 is (√2 − 1)·2^20 rounded.
  const k = ((hw >> 20) - 1023) + ((((hw & 0x000fffff) + 0x95f64) & 0x100000) >> 20);
  const f = w * POW2[POW2_BIAS - k] - 1;
  const s = f / (2 + f);
  const z = s * s;
  const v = z * z;
  const r = z * (LG1 + v * (LG3 + v * (LG5 + v * LG7))) + v * (LG2 + v * (LG4 + v * LG6));
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
}

/**
 * The natural logarithm of a float64, inlinable and without data-dependent branches; at most 1 ulp from
 * `Math.log` (measured in test/math, the same fdlibm algorithm). 0, subnormals, negatives, ±Infinity and NaN go
 * to `Math.log` itself.
 */
export function logFast(x: number): number {
  const hx = highWord(x);
  // Normal, positive and finite: high word in [0x00100000, 0x7ff00000).
  if (!(hx >= 0x00100000 && hx < 0x7ff00000)) return Math.log(x);
  return logKernel(x, hx, 0);
}

/**
 * log(1 + x), accurate for tiny x where `Math.log(1 + x)` loses everything: w = 1 + x is rounded, and the
 * rounding error c = x − (w − 1) (exact for −0.5 ≤ x < 2^53) is added back as c / w. At most 1 ulp from
 * `Math.log1p` (test/math). x ≤ −1, ±Infinity, NaN and ±0 (to keep the sign of −0) go to `Math.log1p` itself.
 */
export function log1pFast(x: number): number {
  if (!(x > -1 && x < Infinity) || x === 0) return Math.log1p(x);
  const w = 1 + x;
  return logKernel(w, highWord(w), (x - (w - 1)) / w);
}
