import { describe, expect, it } from "vitest";
import { expInto, expSum, rowMax, scaleRow } from "../../src/helpers/softmaxRow";
import { seededRandom, ulpDistance } from "../math/ulp";

/** A row of n values ~ U(−lo, hi) from a fixed seed, as Float64Array and rounded to Float32Array. */
function row(n: number, seed: number, spread = 40): { f64: Float64Array; f32: Float32Array } {
  const rand = seededRandom(seed);
  const f64 = Float64Array.from({ length: n }, () => (rand() - 0.5) * spread);
  return { f64, f32: Float32Array.from(f64) };
}

describe("softmax row kernels", () => {
  it("rowMax is the maximum for even and odd lengths, skipping NaN; −∞ for an empty row", () => {
    expect(rowMax([3, -1, 7], 3)).toBe(7);
    expect(rowMax([3, -1, 7, 9], 4)).toBe(9);
    expect(rowMax([NaN, 2, -Infinity], 3)).toBe(2);
    expect(rowMax([5, 100], 1)).toBe(5); // only the first n entries
    expect(rowMax([], 0)).toBe(-Infinity);
  });

  it("expInto writes e^{(x − m)·c} within 1 ulp of Math.exp and returns their sum (Float64Array and Float32Array rows)", () => {
    // The reference is Math.exp of the same argument; the kernels use the library's expFast (src/math/exp.ts).
    for (const n of [1, 2, 7, 1000]) {
      for (const x of Object.values(row(n, n))) {
        const m = rowMax(x, n);
        for (const c of [1, 10]) {
          const g = new Float64Array(n);
          const s = expInto(x, n, m, c, g);
          let ref = 0;
          for (let k = 0; k < n; k++) {
            const e = Math.exp((x[k] - m) * c);
            expect(ulpDistance(g[k], e)).toBeLessThanOrEqual(1);
            ref += e;
          }
          expect(Math.abs(s - ref)).toBeLessThanOrEqual(4 * n * Number.EPSILON * ref); // summation order differs
          expect(expSum(x, n, m, c)).toBe(s); // the same sums in the same order
        }
      }
    }
  });

  it("gives 0 for −∞ and exponents below the float64 range, NaN sums for a NaN entry", () => {
    const g = new Float64Array(3);
    expect(expInto([0, -Infinity, -2000], 3, 0, 1, g)).toBe(1);
    expect(Array.from(g)).toEqual([1, 0, 0]);
    expect(expSum([0, NaN, 1], 3, 1, 1)).toBeNaN();
    expect(expInto([0, 1, NaN], 3, 1, 1, new Float64Array(3))).toBeNaN();
  });

  it("scaleRow multiplies the first n entries", () => {
    const g = new Float64Array([1, 2, 3]);
    scaleRow(g, 2, 0.5);
    expect(Array.from(g)).toEqual([0.5, 1, 3]);
  });
});
