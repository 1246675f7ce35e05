import { describe, expect, it } from "vitest";
import { gradOutputBuffer, gradOutputBuffers, outputBuffer, overlaps } from "../../src/core/output";
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

describe("overlaps", () => {
  it("is true only for views of one ArrayBuffer whose byte ranges intersect", () => {
    const buf = new Float64Array(4);
    expect(overlaps(buf.subarray(0, 2), buf.subarray(1, 3))).toBe(true);
    expect(overlaps(buf, buf)).toBe(true);
    expect(overlaps(buf.subarray(0, 2), buf.subarray(2))).toBe(false); // adjacent: [0, 16) and [16, 32)
    expect(overlaps(new Float32Array(buf.buffer, 12, 1), buf.subarray(1, 2))).toBe(true); // bytes [12, 16) in [8, 16)
    expect(overlaps(new Float64Array(2), new Float64Array(2))).toBe(false); // equal contents, separate memory
  });
});

describe("gradOutputBuffer / gradOutputBuffers", () => {
  it("names the buffer gradOut.<key> in errors, and is undefined when none is given", () => {
    expect(gradOutputBuffer("f", "x1", 2, undefined)).toBeUndefined();
    const b = new Float64Array(2);
    expect(gradOutputBuffer("f", "x1", 2, b)).toBe(b);
    expectLossError(() => gradOutputBuffer("f", "x1", 3, b), "SHAPE_MISMATCH", "f", "gradOut.x1");
    expectLossError(() => gradOutputBuffer("f", "x2", 2, [0, 0]), "INVALID_TYPE", "f", "gradOut.x2");
  });

  it("returns the given buffers by key, leaving out absent and undefined keys", () => {
    const x1 = new Float64Array(2);
    const got = gradOutputBuffers("f", { x1, x2: undefined }, { x1: 2, x2: 2 }, { x1: [new Float64Array(2)] });
    expect(got.x1).toBe(x1);
    expect("x2" in got).toBe(false);
    expect(gradOutputBuffers("f", undefined, { x1: 2 }, {})).toEqual({});
  });

  it("rejects overlap with an input's typed row, naming the input and the row; plain rows cannot overlap", () => {
    const flat = new Float64Array(4);
    const rows = [flat.subarray(0, 2), flat.subarray(2, 4)];
    const e = expectLossError(() => gradOutputBuffers("f", { g: flat.subarray(3) }, { g: 1 }, { a: [[0, 0]], b: rows }), "OUT_OF_DOMAIN", "f", "gradOut.g");
    expect(e.message).toBe("f: gradOut.g must not overlap the input b (row 1): the inputs are read while the gradient is written (got bytes [24, 32) and [16, 32) of one ArrayBuffer)");
    expect(gradOutputBuffers("f", { g: new Float64Array(1) }, { g: 1 }, { a: [[0, 0]], b: rows }).g).toBeInstanceOf(Float64Array);
  });
});
