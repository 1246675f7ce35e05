import { LossInputError, show } from "../core/errors";
import { expFast as expFastImport } from "../math/exp";
import { log1pUnit as log1pUnitImport } from "../math/softplus";

// The per-element BCE arithmetic of bceWithLogits / bceWithLogitsGrad (and the checks the sigmoid focal loss shares),
// one chunk of at most CHUNK elements per call (see src/math/chunked.ts).
// Module-local copies of imported functions the hot loops call: under tsx/esbuild every use of an imported binding
// is a getter call, which spends V8's inlining budget (see src/math/chunked.ts). tsc's CommonJS output has no getters.
const expFast = expFastImport;
const log1pUnit = log1pUnitImport;

/** Checks that every value is in [0, 1] (targets, probabilities); NaN was already rejected by `flatten`. */
export function checkUnitInterval(fn: string, arg: string, data: ArrayLike<number>): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!(v >= 0 && v <= 1)) throw new LossInputError("OUT_OF_DOMAIN", fn, arg, `must be in [0, 1] (got ${show(v)} at flat index ${i})`);
  }
}

/**
 * 0 when logit z is not NaN and target y is in [0, 1]; NaN or < 0 otherwise (also for z = ±∞, which is allowed:
 * the re-read then finds nothing). y(1 − y) is ≥ 0 exactly on [0, 1], so u − |u| is 0 there and the sum stays 0.
 */
export function checkTerm(z: number, y: number): number {
  const u = y * (1 - y);
  return z * 0 + (u - Math.abs(u));
}

/**
 * One BCE term ℓ = (1 − y)·softplus(z) + p·y·softplus(−z), with softplus(±z) = max(±z, 0) + log1p(e^−|z|).
 * For p = 1 this is the seed's max(z, 0) − z·y + log1p(e^−|z|) rearranged so that nothing cancels: both terms are
 * ≥ 0, where z − z·y loses digits for soft labels near 1 (z = 5.58, y = 0.99995: 1e-13 relative error). For hard
 * labels the two arrangements give the same bits. At z = ±∞ a term with coefficient 0 vanishes (0·∞ = 0).
 */
function bceTerm(z: number, y: number, p: number): number {
  if (z - z !== 0) return (z > 0 ? 1 - y : p * y) > 0 ? Infinity : 0;
  const a = Math.abs(z);
  const m = 0.5 * z + 0.5 * a; // max(z, 0) without a branch (Math.max branches on the sign); no overflow at 1e308
  const l = log1pUnit(expFast(-a));
  // m − z = max(−z, 0), exactly. y is multiplied into a float first: for 0/1 labels V8 would otherwise compute p·y
  // in integers, with a −0 check that branches on every zero label.
  return (1 - y) * (m + l) + p * (y * (m - z + l));
}

/**
 * dℓ/dz = (1 − y)·σ(z) − p·y·σ(−z) (= σ(z) − y for p = 1), with σ(±z) from one e^−|z|: finite at ±∞. The sign
 * picks σ(|z|) or σ(−|z|) arithmetically (`pos` is 1 or 0, so each product is exact), not with a branch.
 */
function bceTermGrad(z: number, y: number, p: number): number {
  const e = expFast(-Math.abs(z));
  const big = 1 / (1 + e); // σ(|z|)
  const small = e * big; // σ(−|z|)
  const pos = +(z >= 0);
  const sig = pos * big + (1 - pos) * small; // σ(z)
  const sigNeg = pos * small + (1 - pos) * big; // σ(−z)
  return (1 - y) * sig - p * (y * sigNeg); // not (p·y)·σ: see bceTerm
}

/**
 * BCE terms of one chunk of m elements into dst (posWeight pV[column] when given, else pS; the column of element 0
 * is j0; weights w when given); returns the chunk's {@link checkTerm} sum.
 */
export function bceValues(
  z: Float64Array, y: Float64Array, pS: number, pV: Float64Array | null, j0: number, cols: number,
  w: Float64Array | null, dst: Float64Array, m: number,
): number {
  let check = 0;
  for (let i = 0, j = j0; i < m; i++) {
    let v = bceTerm(z[i], y[i], pV === null ? pS : pV[j]);
    if (w !== null) v = w[i] === 0 ? 0 : w[i] * v; // a zero weight removes the term, even an infinite one
    check += checkTerm(z[i], y[i]);
    dst[i] = v;
    if (++j === cols) j = 0;
  }
  return check;
}

/** Gradient terms of one chunk into dst, divided by `scale` (1: no division), as {@link bceValues}. */
export function bceGrads(
  z: Float64Array, y: Float64Array, pS: number, pV: Float64Array | null, j0: number, cols: number,
  w: Float64Array | null, scale: number, dst: Float64Array, m: number,
): number {
  let check = 0;
  for (let i = 0, j = j0; i < m; i++) {
    let g = bceTermGrad(z[i], y[i], pV === null ? pS : pV[j]);
    if (w !== null) g *= w[i];
    check += checkTerm(z[i], y[i]);
    dst[i] = scale === 1 ? g : g / scale;
    if (++j === cols) j = 0;
  }
  return check;
}

