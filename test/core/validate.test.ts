import { describe, expect, it } from "vitest";
import { checkChoice, checkNumber, checkOptions, checkReduction, checkScalar } from "../../src/core/validate";
import { expectLossError } from "../support/errors";

describe("checkNumber", () => {
  it("returns a finite number within its bounds", () => {
    expect(checkNumber("f", "delta", 1, { min: 0, minExclusive: true })).toBe(1);
    expect(checkNumber("f", "gamma", 0, { min: 0 })).toBe(0);
    expect(checkNumber("f", "eps", 0.99, { min: 0, max: 1, maxExclusive: true })).toBe(0.99);
    expect(checkNumber("f", "i", -3, { integer: true })).toBe(-3);
    expect(checkNumber("f", "x", -1e308)).toBe(-1e308);
  });

  it("treats exclusive bounds as exclusive and inclusive ones as inclusive", () => {
    expectLossError(() => checkNumber("f", "delta", 0, { min: 0, minExclusive: true }), "OUT_OF_DOMAIN", "f", "delta");
    expectLossError(() => checkNumber("f", "eps", 1, { max: 1, maxExclusive: true }), "OUT_OF_DOMAIN", "f", "eps");
    expect(checkNumber("f", "p", 1, { max: 1 })).toBe(1);
    expectLossError(() => checkNumber("f", "gamma", -1e-12, { min: 0 }), "OUT_OF_DOMAIN", "f", "gamma");
    expectLossError(() => checkNumber("f", "p", 1.5, { max: 1 }), "OUT_OF_DOMAIN", "f", "p");
  });

  it("rejects non-integers when an integer is required, and says what was wanted", () => {
    const e = expectLossError(() => checkNumber("f", "i", 0.5, { integer: true, min: 0 }), "OUT_OF_DOMAIN", "f", "i");
    expect(e.message).toBe("f: i must be an integer and ≥ 0 (got 0.5)");
  });

  it("rejects non-numbers with INVALID_TYPE and NaN or infinities with NOT_FINITE", () => {
    expectLossError(() => checkNumber("f", "delta", "1"), "INVALID_TYPE", "f", "delta");
    expectLossError(() => checkNumber("f", "delta", undefined), "INVALID_TYPE", "f", "delta");
    expectLossError(() => checkNumber("f", "delta", NaN), "NOT_FINITE", "f", "delta");
    expectLossError(() => checkNumber("f", "delta", Infinity, { min: 0 }), "NOT_FINITE", "f", "delta");
  });
});

describe("checkScalar", () => {
  it("passes numbers through, infinities only when allowed, never NaN", () => {
    expect(checkScalar("f", "a", 2)).toBe(2);
    expect(checkScalar("f", "a", -Infinity, { allowInfinite: true })).toBe(-Infinity);
    expectLossError(() => checkScalar("f", "a", Infinity), "NOT_FINITE", "f", "a");
    expectLossError(() => checkScalar("f", "a", NaN, { allowInfinite: true }), "NOT_FINITE", "f", "a");
    expectLossError(() => checkScalar("f", "a", [1]), "INVALID_TYPE", "f", "a");
  });
});

describe("checkChoice and checkReduction", () => {
  it("accepts the allowed strings and lists them when rejecting", () => {
    expect(checkChoice("f", "distance", "squared", ["squared", "euclidean"])).toBe("squared");
    const e = expectLossError(() => checkChoice("f", "distance", "l1", ["squared", "euclidean"]), "OUT_OF_DOMAIN", "f", "distance");
    expect(e.message).toBe('f: distance must be one of "squared" | "euclidean" (got "l1")');
  });

  it("knows PyTorch's three reductions", () => {
    for (const r of ["none", "mean", "sum"]) expect(checkReduction("f", r)).toBe(r);
    expectLossError(() => checkReduction("f", "avg"), "OUT_OF_DOMAIN", "f", "reduction");
    expectLossError(() => checkReduction("f", undefined), "OUT_OF_DOMAIN", "f", "reduction");
  });
});

describe("checkOptions", () => {
  it("accepts undefined (as {}) and plain objects", () => {
    expect(checkOptions("f", undefined)).toEqual({});
    const o = { reduction: "sum" };
    expect(checkOptions("f", o)).toBe(o);
  });

  it("rejects null, arrays and primitives as the options argument", () => {
    expectLossError(() => checkOptions("f", null as unknown as object), "INVALID_TYPE", "f", "opts");
    expectLossError(() => checkOptions("f", [] as unknown as object), "INVALID_TYPE", "f", "opts");
    expectLossError(() => checkOptions("f", "mean" as unknown as object), "INVALID_TYPE", "f", "opts");
  });
});
