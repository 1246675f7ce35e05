import { LossInputError, show } from "../core/errors";
import { checkChoice, checkNumber, checkOptions, checkReduction } from "../core/validate";
import { gradOutputBuffers, outputBuffer } from "../core/output";
import { allocFloat64, readDeferred } from "../core/tensor";
import { CHUNK, chunkTarget, sumScratch } from "../math/chunked";
import { reductionScale } from "../core/reduce";
import type { Reduction, Vector } from "../core/types";
import { readPreferencePairs } from "./preferencePairs";
import { pairGrads, pairValues } from "./preferenceKernels";
import type { PreferenceLossType, PreferenceSettings } from "./preferenceKernels";

export type { PreferenceLossType } from "./preferenceKernels";

/** Options of {@link preferenceLoss} and {@link preferenceLossGrad}. */
export interface PreferenceLossOptions {
  /** The inverse temperature β > 0 scaling the log-ratio gap. Default 0.1 (as TRL). */
  readonly beta?: number;
  /** Default `"sigmoid"` (DPO). `"hinge"` (SLiC), `"ipo"` (IPO), `"robust"` (robust DPO). */
  readonly lossType?: PreferenceLossType;
  /**
   * ε, the assumed probability that a preference label is flipped: 0 ≤ ε < 1 for `"sigmoid"` (conservative DPO),
   * 0 ≤ ε < ½ for `"robust"`. Must be 0 for `"hinge"` and `"ipo"`, which have no smoothed form. Default 0.
   */
  readonly labelSmoothing?: number;
  /** `"none"` (default) keeps one loss per pair, `"mean"` averages them, `"sum"` adds them. */
  readonly reduction?: Reduction;
  /** A Float64Array of one slot per pair to write the per-pair losses into (used with `"none"`). */
  readonly out?: Float64Array;
  /**
   * For {@link preferenceLossGrad} (ignored by `preferenceLoss`): buffers to write the gradients into instead of
   * allocating them, each returned as the result's own entry; a key left out is allocated.
   */
  readonly gradOut?: PreferenceLossGradOut;
}

/**
 * Caller's buffers for {@link preferenceLossGrad}, each a Float64Array [n] (one slot per pair), optional, checked
 * once per call. None may overlap another or an input: the gradient is not computed in place (`OUT_OF_DOMAIN`).
 */
export interface PreferenceLossGradOut {
  /** Receives ∂/∂logpW; returned as the result's `logpW`. */
  readonly logpW?: Float64Array;
  /** Receives ∂/∂logpL; returned as the result's `logpL`. */
  readonly logpL?: Float64Array;
  /** Receives ∂/∂refW; returned as the result's `refW`. */
  readonly refW?: Float64Array;
  /** Receives ∂/∂refL; returned as the result's `refL`. */
  readonly refL?: Float64Array;
}

/** The gradient of {@link preferenceLoss} with respect to each of its four inputs. */
export interface PreferenceLossGradient {
  readonly logpW: Float64Array;
  readonly logpL: Float64Array;
  readonly refW: Float64Array;
  readonly refL: Float64Array;
}

interface Settings extends PreferenceSettings {
  readonly reduction: Reduction;
}

function settings(fn: string, opts: PreferenceLossOptions | undefined): Settings {
  const o = checkOptions(fn, opts);
  const beta = checkNumber(fn, "beta", o.beta ?? 0.1, { min: 0, minExclusive: true });
  const type = checkChoice<PreferenceLossType>(fn, "lossType", o.lossType ?? "sigmoid", ["sigmoid", "hinge", "ipo", "robust"]);
  const eps = checkNumber(fn, "labelSmoothing", o.labelSmoothing ?? 0, { min: 0, max: type === "robust" ? 0.5 : 1, maxExclusive: true });
  if (eps !== 0 && (type === "hinge" || type === "ipo")) {
    // TRL ignores it with a warning; a library has no warning channel, so a value that would be ignored is an error.
    throw new LossInputError("OUT_OF_DOMAIN", fn, "labelSmoothing", `must be 0 for lossType ${JSON.stringify(type)}, which has no smoothed form (got ${show(eps)})`);
  }
  return { beta, type, eps, reduction: checkReduction(fn, o.reduction ?? "none") };
}

/**
 * Pairwise preference loss (DPO and relatives), as TRL's `DPOTrainer.dpo_loss`. With the log-ratio gap
 * h = (logpW − refW) − (logpL − refL), s = βh and ε = labelSmoothing:
 * - `"sigmoid"` (DPO; cDPO for ε > 0): (1 − ε)·softplus(−s) + ε·softplus(s) = −(1 − ε)·log σ(s) − ε·log σ(−s)
 * - `"robust"`: ((1 − ε)·softplus(−s) − ε·softplus(s)) / (1 − 2ε) — unbiased under label noise, so it can be < 0
 * - `"hinge"` (SLiC): max(0, 1 − s)
 * - `"ipo"`: (h − 1/(2β))² (IPO regresses the unscaled gap h onto 1/(2β))
 *
 * Gradient: ∂ℓ/∂logpW = ∂ℓ/∂refL = ℓ'(h), ∂ℓ/∂logpL = ∂ℓ/∂refW = −ℓ'(h), with ℓ'(h) = β(εσ(s) − (1 − ε)σ(−s)) for
 * sigmoid, −β((1 − ε)σ(−s) + εσ(s))/(1 − 2ε) for robust, −β·[1 − s > 0] for hinge, 2(h − 1/(2β)) for ipo.
 * softplus(x) = max(x, 0) + log1p(e^−|x|) never overflows: |s| = 1000 gives finite losses and gradients.
 *
 * Shapes: four Vectors [n] (one entry per pair); `"none"` gives a Float64Array [n], `"mean"`/`"sum"` a number. No
 * infinity is meaningful (a −∞ log-probability would make h = ∞ − ∞).
 * @throws LossInputError `EMPTY`, `SHAPE_MISMATCH` (lengths differ), `NOT_FINITE` (NaN, ±Infinity), `INVALID_TYPE`,
 * `OUT_OF_DOMAIN` (β ≤ 0, unknown lossType, labelSmoothing ∉ [0, 1), ≥ ½ for robust or ≠ 0 for hinge/ipo, reduction)
 * @example
 * preferenceLoss([-2, -1.5], [-3, -1], [-2.2, -1.4], [-2.8, -1.1], { beta: 0.2 }); // => [0.6539469673175899, 0.713347167228034]
 * preferenceLoss([-1], [-2], [-1], [-1], { lossType: "hinge", beta: 0.5 }); // => [0.5]
 */
export function preferenceLoss(logpW: Vector, logpL: Vector, refW: Vector, refL: Vector, opts: PreferenceLossOptions & { reduction: "mean" | "sum" }): number;
export function preferenceLoss(logpW: Vector, logpL: Vector, refW: Vector, refL: Vector, opts?: PreferenceLossOptions & { reduction?: "none" }): Float64Array;
export function preferenceLoss(logpW: Vector, logpL: Vector, refW: Vector, refL: Vector, opts?: PreferenceLossOptions): number | Float64Array;
export function preferenceLoss(logpW: Vector, logpL: Vector, refW: Vector, refL: Vector, opts?: PreferenceLossOptions): number | Float64Array {
  const fn = "preferenceLoss";
  const s = settings(fn, opts);
  const reduction = s.reduction;
  const q = readDeferred((defer) => readPairsAndOut(fn, logpW, logpL, refW, refL, reduction, opts?.out, defer));
  const n = q.n;
  const out = reduction === "none" ? opts?.out ?? allocFloat64(n) : null;
  let sum = 0;
  let check = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    check += pairValues(q, s, from, to, chunkTarget(out, from, to));
    if (out === null) sum += sumScratch(to - from);
  }
  if (!(check === 0)) readPreferencePairs(fn, logpW, logpL, refW, refL);
  if (out !== null) return out;
  return reduction === "mean" ? sum / n : sum;
}

/** The pairs (value checks deferred as in {@link readPreferencePairs}) and, for `"none"`, the caller's `out` checked. */
function readPairsAndOut(fn: string, logpW: Vector, logpL: Vector, refW: Vector, refL: Vector, reduction: Reduction, out: Float64Array | undefined, defer: boolean) {
  const q = readPreferencePairs(fn, logpW, logpL, refW, refL, defer);
  if (reduction === "none" && out !== undefined) outputBuffer(fn, q.n, out);
  return q;
}

/**
 * Gradient of the sum of {@link preferenceLoss}'s returned values (of the scalar for `"mean"`/`"sum"`) with respect to
 * all four inputs (formulas in {@link preferenceLoss}; times 1/n for `"mean"`). The hinge's kink at s = 1 takes the
 * flat side (0), as `torch.relu`'s backward, which TRL's hinge loss uses.
 *
 * Shapes: `{logpW, logpL, refW, refL}`, four Float64Arrays [n]: the caller's `gradOut` buffers where given
 * (written completely, no allocation), fresh arrays otherwise.
 * @throws LossInputError as {@link preferenceLoss}; for `gradOut`: `INVALID_TYPE` (not an object, a buffer not a
 * Float64Array), `SHAPE_MISMATCH` (a buffer's length ≠ n), `OUT_OF_DOMAIN` (an unknown key; two buffers, or a buffer
 * and an input, that share memory)
 * @example
 * preferenceLossGrad([0], [0], [0], [0]).logpW; // => [-0.05]
 * preferenceLossGrad([0], [0], [0], [0], { lossType: "ipo", beta: 0.5 }).refW; // => [2]
 * const logpW = new Float64Array(1);
 * preferenceLossGrad([0], [0], [0], [0], { gradOut: { logpW } }).logpW === logpW; // => true
 * logpW; // => [-0.05]
 */
export function preferenceLossGrad(logpW: Vector, logpL: Vector, refW: Vector, refL: Vector, opts?: PreferenceLossOptions): PreferenceLossGradient {
  const fn = "preferenceLossGrad";
  const s = settings(fn, opts);
  const reduction = s.reduction;
  const q = readDeferred((defer) => readPreferencePairs(fn, logpW, logpL, refW, refL, defer));
  const n = q.n;
  const scale = reductionScale(reduction, n);
  const inputs = { logpW: [q.logpW], logpL: [q.logpL], refW: [q.refW], refL: [q.refL] };
  const given = gradOutputBuffers(fn, opts?.gradOut, { logpW: n, logpL: n, refW: n, refL: n }, inputs);
  const gW = given.logpW ?? allocFloat64(n);
  const gL = given.logpL ?? allocFloat64(n);
  const gRW = given.refW ?? allocFloat64(n);
  const gRL = given.refL ?? allocFloat64(n);
  let check = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    check += pairGrads(q, s, scale, from, to, gW.subarray(from, to), gL.subarray(from, to), gRW.subarray(from, to), gRL.subarray(from, to));
  }
  if (!(check === 0)) readPreferencePairs(fn, logpW, logpL, refW, refL);
  return { logpW: gW, logpL: gL, refW: gRW, refL: gRL };
}
