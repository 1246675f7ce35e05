import { describe, expect, it } from "vitest";
import { multiplyABt, transpose } from "../../src/helpers/multiplyABt";
import { seededRandom } from "../math/ulp";

function randomMatrix(rows: number, cols: number, seed: number): Float64Array {
  const rand = seededRandom(seed);
  return Float64Array.from({ length: rows * cols }, () => rand() * 2 - 1);
}

function emptyRows(rows: number, cols: number): Float64Array[] {
  return Array.from({ length: rows }, () => new Float64Array(cols).fill(NaN));
}

describe("multiplyABt", () => {
  it("equals the plain triple loop exactly (same summation order), for sizes that are and are not multiples of 4", () => {
    for (const [n1, n2, d] of [[4, 4, 3], [9, 6, 5], [3, 2, 1], [13, 17, 8], [1, 1, 1]]) {
      const x = randomMatrix(n1, d, n1 * 31 + d);
      const y = randomMatrix(n2, d, n2 * 17 + d);
      const out = emptyRows(n1, n2);
      multiplyABt(x, y, n1, n2, d, out);
      for (let i = 0; i < n1; i++) {
        for (let j = 0; j < n2; j++) {
          let s = 0;
          for (let k = 0; k < d; k++) s += x[i * d + k] * y[j * d + k];
          expect(out[i][j]).toBe(s);
        }
      }
    }
  });

  it("computes a hand-worked product: [[1, 2], [3, 4]]·[[5, 6], [7, 8]]ᵀ = [[17, 23], [39, 53]]", () => {
    const out = emptyRows(2, 2);
    multiplyABt(new Float64Array([1, 2, 3, 4]), new Float64Array([5, 6, 7, 8]), 2, 2, 2, out);
    expect(out.map((r) => Array.from(r))).toEqual([[17, 23], [39, 53]]);
  });

  it("transposes a row-major matrix", () => {
    const t = transpose(new Float64Array([1, 2, 3, 4, 5, 6]), 2, 3, new Float64Array(6));
    expect(Array.from(t)).toEqual([1, 4, 2, 5, 3, 6]);
  });
});
