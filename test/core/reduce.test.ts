import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { reduce, reductionScale, sum } from "../../src/core/reduce";
import { expectClose } from "../support/close";

const EXACT = { rtol: 1e-12, atol: 1e-15 };

describe("sum", () => {
  it("adds left to right in float64 (hand-worked: 0.1 + 0.2 = 0.30000000000000004)", () => {
    expect(sum([0.1, 0.2])).toBe(0.30000000000000004);
    expect(sum(new Float32Array([1, 2, 3]))).toBe(6);
    expect(sum([])).toBe(0);
  });
});

describe("reduce", () => {
  it("keeps the nesting for none, adds for sum, averages over every element for mean", () => {
    const v = new Float64Array([1, 2, 3, 6]);
    const none = reduce(v, [2, 2], "none") as Float64Array[];
    expect(none.map((r) => Array.from(r))).toEqual([[1, 2], [3, 6]]);
    expect(reduce(v, [4], "none")).toBe(v);
    expect(reduce(v, [2, 2], "sum")).toBe(12);
    expect(reduce(v, [2, 2], "mean")).toBe(3);
  });

  it("mean = sum / N (property)", () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }), (xs) => {
      const v = Float64Array.from(xs);
      expectClose(reduce(v, [v.length], "mean"), (reduce(v, [v.length], "sum") as number) / v.length, EXACT);
    }));
  });
});

describe("reductionScale", () => {
  it("is 1/N for mean and 1 otherwise", () => {
    expect(reductionScale("mean", 4)).toBe(0.25);
    expect(reductionScale("sum", 4)).toBe(1);
    expect(reductionScale("none", 4)).toBe(1);
  });
});
