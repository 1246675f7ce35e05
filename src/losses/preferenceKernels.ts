import { sigmoidScalar as sigmoidScalarImport, softplusScalar as softplusScalarImport } from "../helpers/sigmoid";
import { CHUNK, chunkOf } from "../math/chunked";
import { logRatioGap as logRatioGapImport } from "./preferencePairs";
import type { PreferencePairs } from "./preferencePairs";

// The loops of preferenceLoss / preferenceLossGrad, one chunk of pairs [from, to) per call (see src/math/chunked.ts).
// Module-local copies of imported functions the hot loops call: under tsx/esbuild every use of an imported binding
// is a getter call, which spends V8's inlining budget. tsc's CommonJS output has no getters.
const sigmoidScalar = sigmoidScalarImport;
const softplusScalar = softplusScalarImport;
const logRatioGap = logRatioGapImport;

/** The pairwise preference losses of TRL's `DPOTrainer` (`loss_type`). */
export type PreferenceLossType = "sigmoid" | "hinge" | "ipo" | "robust";

/** The validated settings of one call. */
export interface PreferenceSettings {
  readonly beta: number;
  readonly type: PreferenceLossType;
  readonly eps: number;
}

/**
 * True for plain DPO (`"sigmoid"` or `"robust"` with ε = 0: ℓ = softplus(−βh)), which has loops of its own that
 * read the four inputs directly: the general loops below spend a pass writing the gaps h and a switch per pair.
 */
export function isPlainDpo(s: PreferenceSettings): boolean {
  return s.eps === 0 && (s.type === "sigmoid" || s.type === "robust");
}

/**
 * The loss of one pair as a function of its log-ratio gap h (s = βh). The ε terms are left out at ε = 0, so 0·∞
 * never appears. A plain function with the settings as arguments (the branches on them are the same for every
 * pair, so the CPU predicts them): a closure made per call would stop V8 from inlining it into the loop.
 */
function lossAt(type: PreferenceLossType, beta: number, eps: number, h: number): number {
  switch (type) {
    case "sigmoid":
      if (eps === 0) return softplusScalar(-beta * h);
      return softplusScalar(-beta * h) * (1 - eps) + softplusScalar(beta * h) * eps;
    case "robust":
      if (eps === 0) return softplusScalar(-beta * h);
      return (softplusScalar(-beta * h) * (1 - eps) - softplusScalar(beta * h) * eps) / (1 - 2 * eps);
    case "hinge":
      return Math.max(0, 1 - beta * h);
    case "ipo":
      return (h - 1 / (2 * beta)) * (h - 1 / (2 * beta));
  }
}

/** dℓ/dh of one pair (softplus'(x) = σ(x)), as {@link lossAt}. */
function slopeAt(type: PreferenceLossType, beta: number, eps: number, h: number): number {
  switch (type) {
    case "sigmoid":
      if (eps === 0) return -beta * sigmoidScalar(-beta * h);
      return beta * (eps * sigmoidScalar(beta * h) - (1 - eps) * sigmoidScalar(-beta * h));
    case "robust":
      if (eps === 0) return -beta * sigmoidScalar(-beta * h);
      return (-beta * ((1 - eps) * sigmoidScalar(-beta * h) + eps * sigmoidScalar(beta * h))) / (1 - 2 * eps);
    case "hinge":
      return 1 - beta * h > 0 ? -beta : 0;
    case "ipo":
      return 2 * (h - 1 / (2 * beta));
  }
}

/** One chunk's log-ratio gaps (reused; never handed out). */
const GAPS = new Float64Array(CHUNK);

/** The log-ratio gaps h of pairs [from, to) into GAPS (h = {@link logRatioGap}). */
function gaps(q: PreferencePairs, from: number, to: number): Float64Array {
  const w = chunkOf(q.logpW, from, to, 0);
  const l = chunkOf(q.logpL, from, to, 1);
  const rw = chunkOf(q.refW, from, to, 2);
  const rl = chunkOf(q.refL, from, to, 3);
  for (let i = 0; i < to - from; i++) GAPS[i] = logRatioGap(w[i], l[i], rw[i], rl[i]);
  return GAPS;
}

/**
 * The losses of pairs [from, to) into dst; returns the chunk's check: 0, or NaN when a gap is not finite (a NaN or
 * ±∞ input, or a gap past float64, which the caller's re-read lets through).
 */
export function pairValues(q: PreferencePairs, s: PreferenceSettings, from: number, to: number, dst: Float64Array): number {
  if (isPlainDpo(s)) {
    return dpoValues(chunkOf(q.logpW, from, to, 0), chunkOf(q.logpL, from, to, 1), chunkOf(q.refW, from, to, 2), chunkOf(q.refL, from, to, 3), s.beta, dst, to - from);
  }
  const h = gaps(q, from, to);
  const { type, beta, eps } = s;
  let check = 0;
  for (let i = 0; i < to - from; i++) {
    const hi = h[i];
    dst[i] = lossAt(type, beta, eps, hi);
    check += hi - hi;
  }
  return check;
}

/**
 * g = scale·ℓ'(h) ({@link slopeAt}) of pairs [from, to) into gW and gRL (∂/∂logpW = ∂/∂refL = g) and −g into gL
 * and gRW (all four indexed from 0 for the chunk); returns the chunk's check as {@link pairValues}.
 */
export function pairGrads(
  q: PreferencePairs, s: PreferenceSettings, scale: number, from: number, to: number,
  gW: Float64Array, gL: Float64Array, gRW: Float64Array, gRL: Float64Array,
): number {
  if (isPlainDpo(s)) {
    return dpoGrads(chunkOf(q.logpW, from, to, 0), chunkOf(q.logpL, from, to, 1), chunkOf(q.refW, from, to, 2), chunkOf(q.refL, from, to, 3), s.beta, scale, gW, gL, gRW, gRL, to - from);
  }
  const h = gaps(q, from, to);
  const { type, beta, eps } = s;
  let check = 0;
  for (let i = 0; i < to - from; i++) {
    const hi = h[i];
    const g = scale * slopeAt(type, beta, eps, hi);
    gW[i] = g;
    gL[i] = -g;
    gRW[i] = -g;
    gRL[i] = g;
    check += hi - hi;
  }
  return check;
}

/**
 * Plain DPO losses softplus(−βh) of one chunk of m pairs into dst, h computed in place (the seed's order of
 * operations; {@link logRatioGap} only where the plain differences leave float64). Check as {@link pairValues}.
 */
function dpoValues(w: Float64Array, l: Float64Array, rw: Float64Array, rl: Float64Array, beta: number, dst: Float64Array, m: number): number {
  let check = 0;
  for (let i = 0; i < m; i++) {
    const h0 = w[i] - rw[i] - (l[i] - rl[i]);
    const h = h0 - h0 === 0 ? h0 : logRatioGap(w[i], l[i], rw[i], rl[i]);
    dst[i] = softplusScalar(-beta * h);
    check += h0 - h0;
  }
  return check;
}

/** Plain DPO gradients g = −scale·β·σ(−βh) of one chunk (g, −g, −g, g), h as {@link dpoValues}. */
function dpoGrads(
  w: Float64Array, l: Float64Array, rw: Float64Array, rl: Float64Array, beta: number, scale: number,
  gW: Float64Array, gL: Float64Array, gRW: Float64Array, gRL: Float64Array, m: number,
): number {
  let check = 0;
  for (let i = 0; i < m; i++) {
    const h0 = w[i] - rw[i] - (l[i] - rl[i]);
    const h = h0 - h0 === 0 ? h0 : logRatioGap(w[i], l[i], rw[i], rl[i]);
    const g = scale * (-beta * sigmoidScalar(-beta * h));
    gW[i] = g;
    gL[i] = -g;
    gRW[i] = -g;
    gRL[i] = g;
    check += h0 - h0;
  }
  return check;
}
