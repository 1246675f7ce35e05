import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { logsumexp } from "../../src";
import type { Vector } from "../../src";
import { expectClose } from "../support/close";
import { expectLossError } from "../support/errors";

const EXACT = { rtol: 1e-12, atol: 1e-15 };

describe("logsumexp", () => {
  it("shifts by the max: [1000, 999, 998] = 1000 + log(1 + e⁻¹ + e⁻²) (hand-worked), as the seed's helper", () => {
    expectClose(logsumexp([1000, 999, 998]), 1000 + Math.log(1 + Math.exp(-1) + Math.exp(-2)), EXACT);
    expectClose(logsumexp([-1000, -1000]), -1000 + Math.LN2, EXACT);
    expectClose(logsumexp([2, 1, 0]), Math.log(Math.exp(2) + Math.exp(1) + 1), EXACT);
  });

  it("gives one value per row for a Matrix (Float64Array), a number for a Vector", () => {
    const r = logsumexp([[0, 0], [1, 1], [1000, 1000]]);
    expect(r).toBeInstanceOf(Float64Array);
    expectClose(r, [Math.LN2, 1 + Math.LN2, 1000 + Math.LN2], EXACT);
    expectClose(logsumexp(new Float32Array([0, 0])), Math.LN2, EXACT);
  });

  it("ignores −∞ entries, returns −∞ for all −∞ and +∞ for any +∞", () => {
    expectClose(logsumexp([0, -Infinity]), 0, EXACT);
    expect(logsumexp([-Infinity, -Infinity])).toBe(-Infinity);
    expect(logsumexp([1, Infinity])).toBe(Infinity);
    expect(logsumexp([Infinity, -Infinity])).toBe(Infinity);
  });

  it("satisfies logsumexp(x + c) = logsumexp(x) + c and max ≤ logsumexp ≤ max + log n (property)", () => {
    const xs = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 8 });
    fc.assert(fc.property(xs, fc.double({ min: -500, max: 500, noNaN: true }), (x, c) => {
      const l = logsumexp(x);
      expectClose(logsumexp(x.map((v) => v + c)), l + c, { rtol: 1e-12, atol: 1e-12 });
      const m = Math.max(...x);
      return l >= m && l <= m + Math.log(x.length) + 1e-12;
    }));
  });

  it("rejects NaN, empty, ragged and non-array input", () => {
    expectLossError(() => logsumexp([1, NaN]), "NOT_FINITE", "logsumexp", "x");
    expectLossError(() => logsumexp([]), "EMPTY", "logsumexp", "x");
    expectLossError(() => logsumexp([[1, 2], [3]]), "SHAPE_MISMATCH", "logsumexp", "x");
    expectLossError(() => logsumexp(5 as unknown as Vector), "INVALID_TYPE", "logsumexp", "x");
  });
});
