import { BITS_F64 as F64, BITS_I32 as I32, HIGH as HIGH_WORD, POW2 as POW2_TABLE } from "./pow2";

// Module-local copies (see exp.ts: imported bindings are getters under tsx/esbuild).
const POW2 = POW2_TABLE;
const BITS_F64 = F64;
const BITS_I32 = I32;
const HIGH = HIGH_WORD;

/*
 * fdlibm's logarithm (the algorithm behind V8's own Math.log), written so that V8 can inline it and without
 * data-dependent branches: x = 2^k · (1 + f) with 1 + f ∈ [√2/2, √2), s = f / (2 + f), and
 * log(1 + f) = f − f²/2 + s·(f²/2 + R(s²)) where R is fdlibm's degree-14 minimax polynomial Lg1·s² + … + Lg7·s¹⁴
 * (|error| < 2^−58.45). log x = k·ln 2 + log(1 + f), with ln 2 in two parts (fdlibm's ln2_hi, whose 32 significant
 * bits make k·ln2_hi exact, and ln2_lo). The constants are literals for the reason given in exp.ts:
 *   0x95f64 = (√2 − 1)·2^20: added to the top mantissa bits, it carries into bit 20 exactly when the mantissa ≥ √2
 *   Lg1 … Lg7 = 0.6666666666666735, 0.3999999999940942, 0.2857142874366239, 0.22222198432149784,
 *               0.1818357216161805, 0.15313837699209373, 0.14798198605116586
 */

/**
 * log(w) + c for a positive, normal, finite w with high word `hw`, and a small correction c (|c| ≲ ulp(w)/w): the
 * kernel of {@link log1pFast}, fdlibm's formula without its special cases (within 1 ulp of `Math.log1p`).
 */
function logKernel(w: number, hw: number, c: number): number {
  const k = (hw >> 20) - 1023 + ((((hw & 0xfffff) + 0x95f64) & 0x100000) >> 20);
  const f = w * POW2[1074 - k] - 1;
  const s = f / (2 + f);
  const z = s * s;
  const v = z * z;
  const r = z * (0.6666666666666735 + v * (0.2857142874366239 + v * (0.1818357216161805 + v * 0.14798198605116586))) +
    v * (0.3999999999940942 + v * (0.22222198432149784 + v * 0.15313837699209373));
  const hfsq = 0.5 * f * f;
  return k * 0.6931471803691238 - ((hfsq - (s * (hfsq + r) + (k * 1.9082149292705877e-10 + c))) - f);
}

/**
 * The natural logarithm of a float64, inlinable: fdlibm's e_log.c step for step (including its two rare special
 * cases, |f| < 2^−20 and the choice of formula for a mantissa in (1.38, 1.42), both branches the CPU predicts on
 * almost all data), so that it returns exactly what `Math.log` returns (V8's Math.log is the same fdlibm code; 0 ulp
 * on every input tested in test/math). 0, subnormals, negatives, ±Infinity and NaN go to `Math.log` itself.
 */
export function logFast(x: number): number {
  BITS_F64[0] = x;
  const hw = BITS_I32[HIGH];
  // Normal, positive and finite: high word in [0x00100000, 0x7ff00000).
  if (!(hw >= 0x00100000 && hw < 0x7ff00000)) return Math.log(x);
  const hx = hw & 0xfffff;
  const k = (hw >> 20) - 1023 + (((hx + 0x95f64) & 0x100000) >> 20);
  const f = x * POW2[1074 - k] - 1;
  if ((0xfffff & (2 + hx)) < 3) {
    // −2^−20 ≤ f < 2^−20: log(1 + f) = f − f²/2 + f³/3 suffices.
    if (f === 0) return k * 0.6931471803691238 + k * 1.9082149292705877e-10;
    const rr = f * f * (0.5 - 0.3333333333333333 * f);
    return k * 0.6931471803691238 - ((rr - k * 1.9082149292705877e-10) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const v = z * z;
  const r = z * (0.6666666666666735 + v * (0.2857142874366239 + v * (0.1818357216161805 + v * 0.14798198605116586))) +
    v * (0.3999999999940942 + v * (0.22222198432149784 + v * 0.15313837699209373));
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k * 0.6931471803691238 - ((hfsq - (s * (hfsq + r) + k * 1.9082149292705877e-10)) - f);
  }
  return k * 0.6931471803691238 - ((s * (f - r) - k * 1.9082149292705877e-10) - f);
}

/**
 * log(1 + x), accurate for tiny x where `Math.log(1 + x)` loses everything: w = 1 + x is rounded, and the
 * rounding error c = x − (w − 1) (exact for −0.5 ≤ x < 2^53) is added back as c / w. At most 1 ulp from
 * `Math.log1p` (test/math). x ≤ −1, ±Infinity, NaN and ±0 (to keep the sign of −0) go to `Math.log1p` itself.
 */
export function log1pFast(x: number): number {
  if (!(x > -1 && x < Infinity) || x === 0) return Math.log1p(x);
  const w = 1 + x;
  BITS_F64[0] = w;
  return logKernel(w, BITS_I32[HIGH], (x - (w - 1)) / w);
}
