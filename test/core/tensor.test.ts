import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assertSameShape, checkValues, flatten, readMatrix, unflatten } from "../../src/core/tensor";
import type { Tensor } from "../../src";
import { expectLossError } from "../support/errors";

describe("flatten", () => {
  it("uses 1-D input as is, without a copy (arrays and typed arrays)", () => {
    const a = [1, 2, 3];
    const f32 = new Float32Array([1, 2]);
    expect(flatten("f", "x", a).data).toBe(a);
    expect(flatten("f", "x", a).shape).toEqual([3]);
    expect(flatten("f", "x", f32).data).toBe(f32);
  });

  it("copies deeper input once into a row-major Float64Array with its shape", () => {
    const r = flatten("f", "x", [[[1, 2, 3]], [[4, 5, 6]]]);
    expect(r.shape).toEqual([2, 1, 3]);
    expect(r.data).toBeInstanceOf(Float64Array);
    expect(Array.from(r.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("reads typed arrays as the last axis, mixed with plain rows", () => {
    const r = flatten("f", "x", [new Float32Array([0.5, 1]), [2, 3], new Float64Array([4, 5])]);
    expect(r.shape).toEqual([3, 2]);
    expect(Array.from(r.data)).toEqual([0.5, 1, 2, 3, 4, 5]);
  });

  it("rejects ragged input at any depth with SHAPE_MISMATCH", () => {
    expectLossError(() => flatten("f", "x", [[1, 2], [3]]), "SHAPE_MISMATCH", "f", "x");
    expectLossError(() => flatten("f", "x", [[[1]], [[1], [2]]]), "SHAPE_MISMATCH", "f", "x");
    expectLossError(() => flatten("f", "x", [[1], 2] as unknown as Tensor), "SHAPE_MISMATCH", "f", "x");
    expectLossError(() => flatten("f", "x", [1, [2]] as unknown as Tensor), "SHAPE_MISMATCH", "f", "x");
    expectLossError(() => flatten("f", "x", [new Float64Array(2), new Float64Array(3)]), "SHAPE_MISMATCH", "f", "x");
  });

  it("rejects empty input, wrong types, NaN and (unless allowed) infinities", () => {
    expectLossError(() => flatten("f", "x", []), "EMPTY", "f", "x");
    expectLossError(() => flatten("f", "x", [[], []]), "EMPTY", "f", "x");
    expectLossError(() => flatten("f", "x", new Float64Array(0)), "EMPTY", "f", "x");
    expectLossError(() => flatten("f", "x", 3 as unknown as Tensor), "INVALID_TYPE", "f", "x");
    expectLossError(() => flatten("f", "x", "12" as unknown as Tensor), "INVALID_TYPE", "f", "x");
    expectLossError(() => flatten("f", "x", ["1", 2] as unknown as Tensor), "INVALID_TYPE", "f", "x");
    expectLossError(() => flatten("f", "x", [[1, null]] as unknown as Tensor), "INVALID_TYPE", "f", "x");
    expectLossError(() => flatten("f", "x", [1, NaN]), "NOT_FINITE", "f", "x");
    expectLossError(() => flatten("f", "x", new Float32Array([NaN])), "NOT_FINITE", "f", "x");
    expectLossError(() => flatten("f", "x", [[1, Infinity]]), "NOT_FINITE", "f", "x");
    expect(Array.from(flatten("f", "x", [[1, -Infinity]], { allowInfinite: true }).data)).toEqual([1, -Infinity]);
    expectLossError(() => flatten("f", "x", [NaN], { allowInfinite: true }), "NOT_FINITE", "f", "x");
  });

  it("names the offending index in its message", () => {
    const e = expectLossError(() => flatten("f", "x", [0, 1, NaN]), "NOT_FINITE", "f", "x");
    expect(e.message).toContain("index 2");
  });
});

describe("unflatten", () => {
  it("returns 1-D data itself and rebuilds deeper nesting from views of one buffer", () => {
    const d = new Float64Array([1, 2, 3, 4, 5, 6]);
    expect(unflatten(d, [6])).toBe(d);
    const m = unflatten(d, [2, 3]) as Float64Array[];
    expect(m.map((r) => Array.from(r))).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(m[1].buffer).toBe(d.buffer);
    const t = unflatten(d, [3, 1, 2]) as Float64Array[][];
    expect(t.map((a) => a.map((r) => Array.from(r)))).toEqual([[[1, 2]], [[3, 4]], [[5, 6]]]);
  });

  it("inverts flatten (property)", () => {
    const nested = fc.integer({ min: 1, max: 4 }).chain((c) =>
      fc.array(fc.array(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: c, maxLength: c }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
    );
    fc.assert(fc.property(nested, (x) => {
      const f = flatten("f", "x", x);
      const back = unflatten(Float64Array.from(f.data), f.shape) as Float64Array[][];
      expect(back.map((a) => a.map((r) => Array.from(r)))).toEqual(x);
    }));
  });
});

describe("readMatrix", () => {
  it("reads rows without copying them, with their count and width", () => {
    const rows = [new Float32Array([1, 2]), [3, 4]];
    const m = readMatrix("f", "x", rows);
    expect(m.rows).toBe(rows);
    expect(m.rows[0]).toBe(rows[0]);
    expect([m.nRows, m.nCols]).toEqual([2, 2]);
  });

  it("rejects ragged rows, non-matrices and empty input", () => {
    expectLossError(() => readMatrix("f", "x", [[1, 2], [3]]), "SHAPE_MISMATCH", "f", "x");
    expectLossError(() => readMatrix("f", "x", [[1, 2], 3] as unknown as number[][]), "SHAPE_MISMATCH", "f", "x");
    expectLossError(() => readMatrix("f", "x", [1, 2] as unknown as number[][]), "SHAPE_MISMATCH", "f", "x");
    expectLossError(() => readMatrix("f", "x", new Float64Array([1, 2]) as unknown as number[][]), "SHAPE_MISMATCH", "f", "x");
    expectLossError(() => readMatrix("f", "x", [[[1]]] as unknown as number[][]), "SHAPE_MISMATCH", "f", "x");
    expectLossError(() => readMatrix("f", "x", [[1], [[2]]] as unknown as number[][]), "SHAPE_MISMATCH", "f", "x");
    expectLossError(() => readMatrix("f", "x", []), "EMPTY", "f", "x");
    expectLossError(() => readMatrix("f", "x", [[]]), "EMPTY", "f", "x");
    expectLossError(() => readMatrix("f", "x", "ab" as unknown as number[][]), "INVALID_TYPE", "f", "x");
  });

  it("checks values row by row, naming row and column", () => {
    const e = expectLossError(() => readMatrix("f", "x", [[1, 2], [3, NaN]]), "NOT_FINITE", "f", "x");
    expect(e.message).toContain("index 1, 1");
    expectLossError(() => readMatrix("f", "x", [[1, Infinity]]), "NOT_FINITE", "f", "x");
    expect(readMatrix("f", "x", [[1, -Infinity]], { allowInfinite: true }).nCols).toBe(2);
  });
});

describe("checkValues and assertSameShape", () => {
  it("accepts finite numbers and typed arrays", () => {
    expect(() => checkValues("f", "x", [0, -1.5, 1e308])).not.toThrow();
    expect(() => checkValues("f", "x", new Int32Array([1, 2]))).not.toThrow();
  });

  it("rejects shape differences naming the second argument", () => {
    const a = flatten("f", "a", [[1, 2]]);
    expect(() => assertSameShape("f", "a", a, "b", flatten("f", "b", [[3, 4]]))).not.toThrow();
    const e = expectLossError(() => assertSameShape("f", "a", a, "b", flatten("f", "b", [1, 2])), "SHAPE_MISMATCH", "f", "b");
    expect(e.message).toContain("got [2] and [1, 2]");
  });
});
