import { describe, expect, it } from "vitest";
import { BLOCK_BYTES, checkRows, matrixRows, readRows } from "../../src/helpers/rowMatrix";
import { readMatrix } from "../../src/core/tensor";
import { expectLossError } from "../support/errors";

describe("matrixRows", () => {
  it("returns views of the caller's out buffer, row-major", () => {
    const out = new Float64Array(6);
    const rows = matrixRows(2, 3, out);
    rows[1][2] = 5;
    expect(out[5]).toBe(5);
    expect(rows.every((r) => r.buffer === out.buffer && r.length === 3)).toBe(true);
  });

  it("allocates fresh rows in blocks of at most BLOCK_BYTES, one row per block when a row is larger", () => {
    const cols = 1000; // 8000 bytes a row
    const perBlock = Math.floor(BLOCK_BYTES / (8 * cols));
    const rows = matrixRows(perBlock * 2 + 1, cols);
    expect(rows.length).toBe(perBlock * 2 + 1);
    expect(rows[0].buffer).toBe(rows[perBlock - 1].buffer);
    expect(rows[perBlock].buffer).not.toBe(rows[0].buffer);
    expect(rows.every((r) => r.length === cols && r.buffer.byteLength <= BLOCK_BYTES)).toBe(true);
    const wide = matrixRows(3, BLOCK_BYTES / 8 + 1);
    expect(new Set(wide.map((r) => r.buffer)).size).toBe(3);
  });
});

describe("readRows", () => {
  it("reads typed rows without scanning them when deferred, and eagerly (same errors as readMatrix) otherwise", () => {
    const m = [new Float32Array([1, NaN]), new Float32Array([0, 2])];
    expect(readRows("f", "x", m, {}, true).nCols).toBe(2); // the NaN is left for the caller's loop
    expectLossError(() => readRows("f", "x", m, {}, false), "NOT_FINITE", "f", "x");
    expectLossError(() => checkRows("f", "x", m, {}), "NOT_FINITE", "f", "x");
    expect(() => checkRows("f", "x", [new Float64Array([-Infinity, 1])], { allowInfinite: true })).not.toThrow();
  });

  it("reports structural problems exactly as readMatrix does, also when deferred", () => {
    const cases: unknown[] = [
      [],
      [new Float64Array(0)],
      [new Float64Array(2), new Float64Array(3)],
      [new Float64Array(2), [1]],
      [new Float64Array(2), "ab"],
      [new Float64Array(2), [1, "x"]],
      [new Float64Array(2), [1, NaN]],
      new Float64Array(2),
      "x",
    ];
    for (const m of cases) {
      let eager: unknown;
      try {
        readMatrix("f", "x", m as never);
      } catch (e) {
        eager = e;
      }
      expect(eager).toBeDefined();
      expect(() => readRows("f", "x", m as never, {}, true)).toThrow(eager as Error);
    }
  });
});
