import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { logaddexp } from "../../src";
import type { Tensor } from "../../src";
import { expectClose } from "../support/close";
import { expectLossError } from "../support/errors";

const EXACT = { rtol: 1e-12, atol: 1e-15 };

describe("logaddexp", () => {
  it("matches numpy.logaddexp (numpy 2.4 values)", () => {
    expectClose(logaddexp(0, [-0.2, 0.1]), [0.5981388693815918, 0.7443966600735709], EXACT);
    expectClose(logaddexp(0, 0), Math.LN2, EXACT);
  });

  it("never overflows: logaddexp(±1000, ±1000) = ±1000 + log 2 (hand-worked)", () => {
    expectClose(logaddexp(1000, 1000), 1000 + Math.LN2, EXACT);
    expectClose(logaddexp(-1000, -1000), -1000 + Math.LN2, EXACT);
    expect(logaddexp(1000, -1000)).toBe(1000);
  });

  it("treats infinities as numpy does", () => {
    expect(logaddexp(-Infinity, 3)).toBe(3);
    expect(logaddexp(-Infinity, -Infinity)).toBe(-Infinity);
    expect(logaddexp(Infinity, 5)).toBe(Infinity);
    expect(logaddexp(Infinity, -Infinity)).toBe(Infinity);
    expect(logaddexp(Infinity, Infinity)).toBe(Infinity);
  });

  it("broadcasts a number over an array and keeps nesting for two arrays of one shape", () => {
    expectClose(logaddexp([[0], [1000]], 0), [[Math.LN2], [1000]], EXACT);
    const both = logaddexp([[0, 1]], [new Float32Array([0, 1])]);
    expectClose(both, [[Math.LN2, 1 + Math.LN2]], EXACT);
    expect(both[0]).toBeInstanceOf(Float64Array);
  });

  it("is symmetric, ≥ max(a, b), and equals log(e^a + e^b) for moderate values (property)", () => {
    const x = fc.double({ min: -50, max: 50, noNaN: true });
    fc.assert(fc.property(x, x, (a, b) => {
      const l = logaddexp(a, b);
      expect(l).toBe(logaddexp(b, a));
      expect(l).toBeGreaterThanOrEqual(Math.max(a, b));
      expectClose(l, Math.log(Math.exp(a) + Math.exp(b)), { rtol: 1e-13, atol: 1e-14 });
    }));
  });

  it("rejects NaN, shape mismatches, empty and missing arguments", () => {
    expectLossError(() => logaddexp(NaN, 0), "NOT_FINITE", "logaddexp", "a");
    expectLossError(() => logaddexp(0, [NaN]), "NOT_FINITE", "logaddexp", "b");
    expectLossError(() => logaddexp([1, 2], [[1, 2]]), "SHAPE_MISMATCH", "logaddexp", "b");
    expectLossError(() => logaddexp([1, 2], [1]), "SHAPE_MISMATCH", "logaddexp", "b");
    expectLossError(() => logaddexp([], 0), "EMPTY", "logaddexp", "a");
    expectLossError(() => logaddexp([1], undefined as unknown as Tensor), "INVALID_TYPE", "logaddexp", "b");
  });
});
