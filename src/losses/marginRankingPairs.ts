import { LossInputError, show } from "../core/errors";
import { deferredVector, isFloatArray } from "../core/tensor";
import { checkNumber, checkOptions, checkReduction, checkScalar } from "../core/validate";
import { outputBuffer } from "../core/output";
import { readVector } from "../helpers/logsumexp";
import type { Reduction, Vector } from "../core/types";
import type { MarginRankingLossOptions } from "./marginRankingLoss";

/** The checked arguments of {@link marginRankingLoss} and its gradient: inputs read without copying. */
export interface MarginRankingPairs {
  readonly x1: ArrayLike<number>;
  readonly x2: ArrayLike<number>;
  /** The labels, or null when one label `yAll` applies to every pair. */
  readonly y: ArrayLike<number> | null;
  readonly yAll: number;
  readonly margin: number;
  readonly reduction: Reduction;
  /** The caller's checked `out` (for `"none"`), or undefined. */
  readonly out: Float64Array | undefined;
}

function labelError(fn: string, v: number, at: string): LossInputError {
  return new LossInputError("OUT_OF_DOMAIN", fn, "y", `must hold only 1 or -1 (got ${show(v)}${at})`);
}

/**
 * Reads and checks the arguments. With `defer`, Float64Array/Float32Array inputs are not scanned: the loops fold
 * the checks into their arithmetic (|y² − 1| is 0 exactly for labels ±1; a NaN or ±∞ makes the hinge argument
 * non-finite) and read again without `defer`, which throws what an eager read would, when that shows a problem.
 * @throws LossInputError as {@link marginRankingLoss}
 */
export function readMarginRankingPairs(
  fn: string, x1: Vector, x2: Vector, y: Vector | number, opts: MarginRankingLossOptions | undefined, defer: boolean,
): MarginRankingPairs {
  const o = checkOptions(fn, opts);
  const margin = checkNumber(fn, "margin", o.margin ?? 0);
  const reduction = checkReduction(fn, o.reduction ?? "none");
  const a = deferredVector(x1, defer) ?? readVector(fn, "x1", x1, false);
  const b = deferredVector(x2, defer) ?? readVector(fn, "x2", x2, false);
  const n = a.length;
  if (b.length !== n) {
    throw new LossInputError("SHAPE_MISMATCH", fn, "x2", `must have the length of x1: shape mismatch, got [${b.length}] and [${n}]`);
  }
  let labels: ArrayLike<number> | null = null;
  let yAll = 0;
  if (typeof y === "number") {
    yAll = checkScalar(fn, "y", y);
    if (yAll !== 1 && yAll !== -1) throw labelError(fn, yAll, "");
  } else {
    labels = deferredVector(y, defer) ?? readVector(fn, "y", y, false);
    if (labels.length !== n) {
      throw new LossInputError("SHAPE_MISMATCH", fn, "y", `must have the length of x1: shape mismatch, got [${labels.length}] and [${n}]`);
    }
    if (!defer || !isFloatArray(labels)) {
      for (let i = 0; i < n; i++) if (labels[i] !== 1 && labels[i] !== -1) throw labelError(fn, labels[i], ` at index ${i}`);
    }
  }
  const out = reduction === "none" && o.out !== undefined ? outputBuffer(fn, n, o.out) : undefined;
  return { x1: a, x2: b, y: labels, yAll, margin, reduction, out };
}
