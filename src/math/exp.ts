import { POW2 as POW2_TABLE, POW2_BIAS as BIAS } from "./pow2";

// Module-local copies: a bundler's CommonJS interop (tsx, esbuild) turns each use of an imported binding into a
// getter call, which costs ~30 ns per element when it happens inside the hot path.
const POW2 = POW2_TABLE;
const POW2_BIAS = BIAS;

/*
 * e^x = 2^(k/N) · e^r with k = round(x·N/ln 2), N = 128 and |r| ≤ ln 2/(2N) ≈ 0.0027: a table holds 2^(j/N)
 * for j = k mod N (a float64 and its relative rounding error, the "tail"), a power of two holds 2^⌊k/N⌋, and a
 * degree-5 Taylor polynomial gives e^r − 1 (its truncation error, r⁶/720 < 6e-19, is far below float64's 1.1e-16).
 * The same scheme as musl's and ARM's exp; here the table is computed at load in double-double arithmetic.
 */

const N = 128;
/** 1.5·2^52: adding it rounds a float64 of magnitude < 2^51 to an integer (round half to even). */
const SHIFT = 6755399441055744;
const INV_LN2_N = N / Math.LN2;
/** ln 2 / N split in two: HI has 32 significant bits, so k·HI is exact for |k| < 2^21. */
const LN2_N_HI = 6.93147180369123816490e-1 / N;
const LN2_N_LO = 1.90821492927058770002e-10 / N;

/** TABLE[j] = 2^(j/N) rounded to float64; TAIL[j] = (2^(j/N) − TABLE[j]) / TABLE[j]. */
const TABLE = new Float64Array(N);
const TAIL = new Float64Array(N);

// Double-double helpers (Dekker): a value is hi + lo with |lo| ≤ ulp(hi)/2. Used once, to build the table.
function split(a: number): [number, number] {
  const c = 134217729 * a;
  const hi = c - (c - a);
  return [hi, a - hi];
}

function mulDD(ah: number, al: number, bh: number, bl: number): [number, number] {
  const p = ah * bh;
  const [a1, a2] = split(ah);
  const [b1, b2] = split(bh);
  const err = ((a1 * b1 - p) + a1 * b2 + a2 * b1) + a2 * b2;
  const lo = err + (ah * bl + al * bh);
  const hi = p + lo;
  return [hi, lo - (hi - p)];
}

function sqrtDD(h: number, l: number): [number, number] {
  const s = Math.sqrt(h);
  const [sh, sl] = mulDD(s, 0, s, 0);
  const r = ((h - sh) - sl) + l;
  const hi = s + r / (2 * s);
  return [hi, r / (2 * s) - (hi - s)];
}

{
  // 2^(1/N) by seven square roots of 2, then its powers.
  let root: [number, number] = [2, 0];
  for (let i = 0; i < 7; i++) root = sqrtDD(root[0], root[1]);
  let p: [number, number] = [1, 0];
  for (let j = 0; j < N; j++) {
    TABLE[j] = p[0];
    TAIL[j] = p[1] / p[0];
    p = mulDD(p[0], p[1], root[0], root[1]);
  }
}

/**
 * e^x for a float64, about 3× faster than `Math.exp` in V8 because it is inlined into the caller's loop, and as
 * accurate: measured against `Math.exp` on 10⁶ random and every edge input, at most 1 ulp apart (test/math).
 * Arguments beyond ±708 (where e^x leaves the normal range: overflow to Infinity, subnormals, 0), NaN and ±Infinity
 * go to `Math.exp` itself.
 */
export function expFast(x: number): number {
  if (!(Math.abs(x) <= 708)) return Math.exp(x);
  const kd = x * INV_LN2_N + SHIFT - SHIFT;
  const k = kd | 0;
  const r = x - kd * LN2_N_HI - kd * LN2_N_LO;
  const j = k & (N - 1);
  const scale = TABLE[j] * POW2[(k >> 7) + POW2_BIAS];
  const r2 = r * r;
  const t = TAIL[j] + r + r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120));
  return scale + scale * t;
}
