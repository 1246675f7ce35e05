import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allclose } from "../../src";

describe("allclose", () => {
  it("uses numpy's rule |a − b| ≤ atol + rtol·|b| (asymmetric in b, as numpy)", () => {
    expect(allclose(1 + 1e-8, 1, 1e-7, 1e-7)).toBe(true);
    expect(allclose(0, 1e-7, 1e-7, 1e-7)).toBe(true); // |0 − 1e-7| ≤ 1e-7 + 1e-14
    expect(allclose(0, 1.1e-7, 1e-7, 1e-7)).toBe(false);
    expect(allclose(1, 2, 0, 0.75)).toBe(true); // |1 − 2| = 1 ≤ 0.75·2
    expect(allclose(2, 1, 0, 0.75)).toBe(false); // |2 − 1| = 1 > 0.75·1
  });

  it("compares arrays elementwise and requires equal shapes (no broadcasting)", () => {
    expect(allclose([1, 2], [1, 2 + 1e-9], 1e-7, 1e-7)).toBe(true);
    expect(allclose([1, 2], [1, 2, 3], 1e-7, 1e-7)).toBe(false);
    expect(allclose([[1, 2]], [1, 2], 1e-7, 1e-7)).toBe(false);
    expect(allclose([1, 1], 1, 1e-7, 1e-7)).toBe(false);
    expect(allclose(1, [1], 1e-7, 1e-7)).toBe(false);
    expect(allclose(new Float64Array([0.5, 1]), [0.5, 1], 0, 0)).toBe(true);
    expect(allclose([new Float32Array([0.5])], [[0.5]], 0, 0)).toBe(true);
  });

  it("never calls NaN close, but equal infinities are", () => {
    expect(allclose(NaN, NaN, 1, 1)).toBe(false);
    expect(allclose([Infinity, -Infinity], [Infinity, -Infinity], 0, 0)).toBe(true);
    expect(allclose(Infinity, -Infinity, 1, 1)).toBe(false);
    expect(allclose(Infinity, 1e308, 1, 1)).toBe(false);
  });

  it("says false for values that are not numbers or arrays", () => {
    expect(allclose("1", 1, 1, 1)).toBe(false);
    expect(allclose({ a: 1 }, { a: 1 }, 1, 1)).toBe(false);
  });

  it("is true for every value against itself (property)", () => {
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true })), (x) => allclose(x, x, 0, 0)));
  });
});
