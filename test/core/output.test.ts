import { describe, expect, it } from "vitest";
import { outputBuffer } from "../../src/core/output";
import { expectLossError } from "../support/errors";

describe("outputBuffer", () => {
  it("allocates a zeroed Float64Array when no out is given", () => {
    const b = outputBuffer("f", 3, undefined);
    expect(b).toBeInstanceOf(Float64Array);
    expect(Array.from(b)).toEqual([0, 0, 0]);
  });

  it("returns the caller's buffer itself when it fits", () => {
    const out = new Float64Array(3);
    expect(outputBuffer("f", 3, out)).toBe(out);
  });

  it("rejects a buffer of the wrong length or type", () => {
    const e = expectLossError(() => outputBuffer("f", 3, new Float64Array(2)), "SHAPE_MISMATCH", "f", "out");
    expect(e.message).toContain("must have 3 elements");
    expectLossError(() => outputBuffer("f", 2, new Float32Array(2) as unknown as Float64Array), "INVALID_TYPE", "f", "out");
    expectLossError(() => outputBuffer("f", 2, [0, 0] as unknown as Float64Array), "INVALID_TYPE", "f", "out");
  });
});
