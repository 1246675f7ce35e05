import { LossInputError } from "../core/errors";
import { isMatrixInput, readVector } from "../helpers/logsumexp";
import { readRows as readMatrixRows } from "../helpers/rowMatrix";
import type { Matrix, Vector } from "../core/types";

/** PyTorch's `pairwise_distance` eps: the euclidean distance is ‖a − b + eps‖₂ (eps added to every component). */
export const EUCLIDEAN_EPS = 1e-6;

/** The three inputs of a triplet loss, read row by row without copying; a single vector is one row. */
export interface Triplets {
  readonly anchor: ReadonlyArray<ArrayLike<number>>;
  readonly positive: ReadonlyArray<ArrayLike<number>>;
  readonly negative: ReadonlyArray<ArrayLike<number>>;
  readonly nRows: number;
  readonly nCols: number;
  /** True when the inputs are single vectors (the loss is then a number). */
  readonly single: boolean;
}

function readRows(fn: string, arg: string, x: Vector | Matrix, defer: boolean): { rows: ReadonlyArray<ArrayLike<number>>; single: boolean; nCols: number } {
  if (isMatrixInput(x)) {
    const m = readMatrixRows(fn, arg, x as Matrix, {}, defer);
    return { rows: m.rows, single: false, nCols: m.nCols };
  }
  const v = readVector(fn, arg, x as Vector, false);
  return { rows: [v], single: true, nCols: v.length };
}

const shapeOf = (r: { rows: ReadonlyArray<unknown>; single: boolean; nCols: number }): string =>
  r.single ? `[${r.nCols}]` : `[${r.rows.length}, ${r.nCols}]`;

/**
 * Reads anchor, positive and negative: three Vectors [d] or three Matrices [n, d] of one shape. With `defer`, the
 * values of Float64Array / Float32Array matrix rows are not scanned: a NaN or ±∞ among them makes its row's
 * {@link tripletGap} NaN, and the caller then reads again without `defer` to throw the error.
 * @throws LossInputError `INVALID_TYPE`, `EMPTY`, `NOT_FINITE` (NaN or ±Infinity), `SHAPE_MISMATCH` (ragged, or
 * positive/negative shaped unlike anchor, named by the argument that differs)
 */
export function readTriplets(fn: string, anchor: Vector | Matrix, positive: Vector | Matrix, negative: Vector | Matrix, defer = false): Triplets {
  const a = readRows(fn, "anchor", anchor, defer);
  const p = readRows(fn, "positive", positive, defer);
  const n = readRows(fn, "negative", negative, defer);
  for (const [arg, r] of [["positive", p], ["negative", n]] as const) {
    if (r.single !== a.single || r.rows.length !== a.rows.length || r.nCols !== a.nCols) {
      throw new LossInputError(
        "SHAPE_MISMATCH", fn, arg, `must have the shape of anchor: shape mismatch, got ${shapeOf(r)} and ${shapeOf(a)}`,
      );
    }
  }
  return { anchor: a.rows, positive: p.rows, negative: n.rows, nRows: a.rows.length, nCols: a.nCols, single: a.single };
}

/**
 * Σᵢ uᵢ² with uᵢ = aᵢ − bᵢ + eps, stored as a scaled pair (s, c) meaning c²·s, into `scratch[at]`, `scratch[at + 1]`.
 * c = 1 unless the plain sum overflows (|values| ≳ 1e154); then c = maxᵢ max(|aᵢ|, |bᵢ|) and uᵢ = aᵢ/c − bᵢ/c + eps/c,
 * so neither a − b nor the squares overflow (the idea of LAPACK's dnrm2 scaling, applied only when needed).
 */
function pairSquares(a: ArrayLike<number>, b: ArrayLike<number>, d: number, eps: number, scratch: Float64Array, at: number): void {
  let s = 0;
  for (let i = 0; i < d; i++) {
    const u = a[i] - b[i] + eps;
    s += u * u;
  }
  let c = 1;
  if (s === Infinity) {
    c = 0;
    for (let i = 0; i < d; i++) c = Math.max(c, Math.abs(a[i]), Math.abs(b[i]));
    s = 0;
    for (let i = 0; i < d; i++) {
      const u = a[i] / c - b[i] / c + eps / c;
      s += u * u;
    }
  }
  scratch[at] = s;
  scratch[at + 1] = c;
}

/**
 * {@link pairSquares} of (a, p) and of (a, n) without eps, in one pass over the three rows (each sum in the order
 * pairSquares uses); the rescaled pass runs only for a pair whose plain sum is not finite.
 */
function squaredPairs(a: ArrayLike<number>, p: ArrayLike<number>, n: ArrayLike<number>, d: number, scratch: Float64Array): void {
  let sp = 0;
  let sn = 0;
  for (let i = 0; i < d; i++) {
    const u = a[i] - p[i];
    const v = a[i] - n[i];
    sp += u * u;
    sn += v * v;
  }
  if (sp - sp === 0) {
    scratch[0] = sp;
    scratch[1] = 1;
  } else pairSquares(a, p, d, 0, scratch, 0);
  if (sn - sn === 0) {
    scratch[2] = sn;
    scratch[3] = 1;
  } else pairSquares(a, n, d, 0, scratch, 2);
}

/**
 * The hinge argument of one triplet row, d(a, p) − d(a, n) + margin, leaving in `scratch` [sp, cp, sn, cn]: the
 * scaled sums of squares of the two pairs (see {@link pairSquares}) that the gradient reuses. Finite inputs never give
 * NaN: distances beyond float64 give ±Infinity (an Infinity loss, or 0); a NaN or ±∞ input gives NaN.
 */
export function tripletGap(
  a: ArrayLike<number>, p: ArrayLike<number>, n: ArrayLike<number>, d: number,
  euclidean: boolean, margin: number, scratch: Float64Array,
): number {
  const eps = euclidean ? EUCLIDEAN_EPS : 0;
  if (euclidean) {
    pairSquares(a, p, d, eps, scratch, 0);
    pairSquares(a, n, d, eps, scratch, 2);
  } else {
    squaredPairs(a, p, n, d, scratch);
  }
  const sp = scratch[0], cp = scratch[1], sn = scratch[2], cn = scratch[3];
  if (cp === 1 && cn === 1) {
    // Each reference's own order of operations: PyTorch's `margin + dist_pos - dist_neg`, the seed's
    // `d_pos - d_neg + margin`.
    return euclidean ? margin + Math.sqrt(sp) - Math.sqrt(sn) : sp - sn + margin;
  }
  const c = Math.max(cp, cn);
  const rp = cp / c;
  const rn = cn / c;
  if (euclidean) return c * (rp * Math.sqrt(sp) - rn * Math.sqrt(sn)) + margin;
  return c * (c * (rp * (rp * sp) - rn * (rn * sn))) + margin;
}

/**
 * Writes `g` × ∂(d(a, p) − d(a, n))/∂(a, p, n) of one row into `ga`, `gp`, `gn` (at `offset`), after {@link tripletGap}
 * filled `scratch`. Squared: ∂/∂a = 2(n − p), ∂/∂p = 2(p − a), ∂/∂n = 2(a − n). Euclidean: with uₚ = a − p + eps,
 * ∂/∂a = uₚ/‖uₚ‖ − uₙ/‖uₙ‖, ∂/∂p = −uₚ/‖uₚ‖, ∂/∂n = uₙ/‖uₙ‖, and 0 for a pair at distance exactly 0 (PyTorch's
 * norm backward at 0).
 */
export function tripletRowGrad(
  a: ArrayLike<number>, p: ArrayLike<number>, n: ArrayLike<number>, d: number, euclidean: boolean, g: number,
  scratch: Float64Array, ga: Float64Array, gp: Float64Array, gn: Float64Array, offset: number,
): void {
  if (!euclidean) {
    const g2 = 2 * g;
    for (let i = 0; i < d; i++) {
      const ai = a[i];
      const pi = p[i];
      const ni = n[i];
      ga[offset + i] = g2 * (ni - pi);
      gp[offset + i] = g2 * (pi - ai);
      gn[offset + i] = g2 * (ai - ni);
    }
    return;
  }
  const eps = EUCLIDEAN_EPS;
  const cp = scratch[1], cn = scratch[3];
  const np = Math.sqrt(scratch[0]), nn = Math.sqrt(scratch[2]);
  const wp = np === 0 ? 0 : g / np;
  const wn = nn === 0 ? 0 : g / nn;
  for (let i = 0; i < d; i++) {
    const up = cp === 1 ? a[i] - p[i] + eps : a[i] / cp - p[i] / cp + eps / cp;
    const un = cn === 1 ? a[i] - n[i] + eps : a[i] / cn - n[i] / cn + eps / cn;
    ga[offset + i] = wp * up - wn * un;
    gp[offset + i] = -wp * up;
    gn[offset + i] = wn * un;
  }
}
