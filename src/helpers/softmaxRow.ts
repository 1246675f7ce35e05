// The loops every softmax-shaped computation here shares (softmax cross-entropy, InfoNCE, logsumexp, softmax):
// the row maximum, Σₖ e^{(xₖ − m)·c}, and the same exponentials written out. Each is one tight pass over a row with
// no allocation; a NaN anywhere in the row makes the returned sum NaN, which is how the callers fold their NaN check
// into the arithmetic instead of scanning the input first.

import { expFast } from "../math/exp";

const exp = expFast;

/** The maximum of x[0 … n) (NaN entries are skipped: they show up in {@link expSum} instead); −∞ when empty. */
export function rowMax(x: ArrayLike<number>, n: number): number {
  let m0 = -Infinity;
  let m1 = -Infinity;
  let k = 0;
  // Two running maxima: the compare of one does not wait on the other.
  for (; k + 1 < n; k += 2) {
    const a = x[k];
    const b = x[k + 1];
    if (a > m0) m0 = a;
    if (b > m1) m1 = b;
  }
  if (k < n && x[k] > m0) m0 = x[k];
  return m0 > m1 ? m0 : m1;
}

/** Σₖ e^{(xₖ − m)·c} over x[0 … n), for m ≥ every xₖ and c > 0 (every exponent ≤ 0); NaN if any xₖ is NaN. */
export function expSum(x: ArrayLike<number>, n: number, m: number, c: number): number {
  let s0 = 0;
  let s1 = 0;
  let k = 0;
  for (; k + 1 < n; k += 2) {
    s0 += exp((x[k] - m) * c);
    s1 += exp((x[k + 1] - m) * c);
  }
  if (k < n) s0 += exp((x[k] - m) * c);
  return s0 + s1;
}

/** Writes gₖ = e^{(xₖ − m)·c} for k < n and returns their sum (NaN if any xₖ is NaN). */
export function expInto(x: ArrayLike<number>, n: number, m: number, c: number, g: Float64Array): number {
  let s0 = 0;
  let s1 = 0;
  let k = 0;
  for (; k + 1 < n; k += 2) {
    const a = exp((x[k] - m) * c);
    const b = exp((x[k + 1] - m) * c);
    g[k] = a;
    g[k + 1] = b;
    s0 += a;
    s1 += b;
  }
  if (k < n) s0 += g[k] = exp((x[k] - m) * c);
  return s0 + s1;
}

/** gₖ ← a·gₖ for k < n. */
export function scaleRow(g: Float64Array, n: number, a: number): void {
  for (let k = 0; k < n; k++) g[k] *= a;
}
