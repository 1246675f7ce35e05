import { describe, expect, it } from "vitest";
import { LossInputError } from "../../src";
import { show } from "../../src/core/errors";

describe("LossInputError", () => {
  it("carries code, fn and arg and formats the message as `fn: arg detail`", () => {
    const e = new LossInputError("OUT_OF_DOMAIN", "huber", "delta", "must be > 0 (got -1)");
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(LossInputError);
    expect(e.name).toBe("LossInputError");
    expect(e.code).toBe("OUT_OF_DOMAIN");
    expect(e.fn).toBe("huber");
    expect(e.arg).toBe("delta");
    expect(e.message).toBe("huber: delta must be > 0 (got -1)");
  });

  it("can be caught by class and told apart by code", () => {
    const codes = ["EMPTY", "SHAPE_MISMATCH", "NOT_FINITE", "OUT_OF_DOMAIN", "EMPTY_MASK", "INVALID_TYPE"] as const;
    for (const code of codes) {
      try {
        throw new LossInputError(code, "f", "x", "is bad");
      } catch (err) {
        expect(err instanceof LossInputError && err.code).toBe(code);
      }
    }
  });
});

describe("show", () => {
  it("renders numbers, keeping the sign of −0 and the special values", () => {
    expect(show(1.5)).toBe("1.5");
    expect(show(-0)).toBe("-0");
    expect(show(NaN)).toBe("NaN");
    expect(show(-Infinity)).toBe("-Infinity");
  });

  it("quotes strings and names null and undefined", () => {
    expect(show("mean")).toBe('"mean"');
    expect(show(null)).toBe("null");
    expect(show(undefined)).toBe("undefined");
  });

  it("shows at most six elements of arrays and typed arrays, nested arrays recursively", () => {
    expect(show([1, 2, 3])).toBe("[1, 2, 3]");
    expect(show([1, 2, 3, 4, 5, 6, 7, 8])).toBe("[1, 2, 3, 4, 5, 6, …]");
    expect(show(new Float32Array([0.5, -1]))).toBe("[0.5, -1]");
    expect(show([[1, 2], [3]])).toBe("[[1, 2], [3]]");
    expect(show([])).toBe("[]");
  });

  it("names other objects by their tag and stringifies the rest", () => {
    expect(show({ a: 1 })).toBe("[object Object]");
    expect(show(new Map())).toBe("[object Map]");
    expect(show(true)).toBe("true");
    expect(show(10n)).toBe("10");
  });
});
