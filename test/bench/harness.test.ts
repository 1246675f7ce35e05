import { describe, expect, it } from "vitest";
import { formatShape, sizesFor } from "../../bench/case";
import { ALL_CASES } from "../../bench/cases";
import { checksum, disagreement } from "../../bench/checksum";
import { parseCli } from "../../bench/cli";
import { fill, hash32, InputPool, normal, rows } from "../../bench/data";
import { selectCases } from "../../bench/suite";
import { renderTable, sig } from "../../bench/table";

describe("bench command line", () => {
  it("limits a run by filter, size tier, dtype and task", () => {
    const o = parseCli(["--filter", "bce,softmax", "--sizes", "small", "--dtypes", "f32", "--tasks", "grad", "--no-numpy"]);
    expect(o.filter).toEqual(["bce", "softmax"]);
    expect(o.tiers).toEqual(["small"]);
    expect(o.dtypes).toEqual(["f32"]);
    expect(o.tasks).toEqual(["grad"]);
    expect(o.numpy).toBe(false);
    expect(selectCases(ALL_CASES, o.filter).map((c) => c.id)).toEqual(["bce", "softmaxCE"]);
  });

  it("runs everything by default, with numpy", () => {
    const o = parseCli([]);
    expect(o.tiers).toEqual(["small", "medium", "large"]);
    expect(o.dtypes).toEqual(["f64", "f32"]);
    expect(o.tasks).toEqual(["value", "grad", "both"]);
    expect(o.numpy).toBe(true);
    expect(o.defaultMalloc).toBe(false);
    expect(o.write).toBe(false);
  });

  it("rejects unknown tiers, flags and bad numbers with a message", () => {
    expect(() => parseCli(["--sizes", "huge"])).toThrow(/--sizes: unknown value "huge"/);
    expect(() => parseCli(["--time", "-1"])).toThrow(/--time/);
    expect(() => parseCli(["--fast"])).toThrow();
  });
});

describe("bench cases", () => {
  it("cover the issue's sizes: elementwise 1e3…1e7, CE [4096, 32000] in Float32 only by default", () => {
    const mse = ALL_CASES.find((c) => c.id === "mse");
    const ce = ALL_CASES.find((c) => c.id === "softmaxCE");
    if (mse === undefined || ce === undefined) throw new Error("cases missing");
    expect(sizesFor(mse, ["small", "medium", "large"], "f64", false).map((s) => formatShape(s.shape))).toEqual(["1e7", "1e6", "1e5", "1e3"]);
    expect(sizesFor(ce, ["large"], "f64", false)).toEqual([]);
    expect(sizesFor(ce, ["large"], "f32", false).map((s) => s.shape)).toEqual([[4096, 32000]]);
    expect(sizesFor(ce, ["large"], "f64", true).map((s) => s.shape)).toEqual([[4096, 32000]]);
  });

  it("have unique ids and distinct input streams", () => {
    expect(new Set(ALL_CASES.map((c) => c.id)).size).toBe(ALL_CASES.length);
    for (const c of ALL_CASES) {
      const specs = c.inputs(c.sizes[0].shape);
      expect(new Set(specs.map((s) => s.stream)).size).toBe(specs.length);
    }
  });
});

describe("bench inputs", () => {
  it("hash like lowbias32 (reference values from C. Wellons' C code, compiled with gcc 12)", () => {
    expect(hash32(0)).toBe(0);
    expect(hash32(1)).toBe(1753845952);
    expect(hash32(0xdeadbeef)).toBe(3861431939);
  });

  it("are prefixes of one another, so smaller sizes reuse the larger buffer as a view", () => {
    const pool = new InputPool("f64");
    const spec = { name: "x", dist: normal(0, 1), stream: 1, shape: [1000] };
    const big = pool.flat(spec);
    const small = pool.flat({ ...spec, shape: [10] });
    expect(small.buffer).toBe(big.buffer);
    const fresh = new Float64Array(10);
    fill(fresh, spec.dist, spec.stream);
    expect(Array.from(small)).toEqual(Array.from(fresh));
  });

  it("round Float32 inputs from the same float64 draws", () => {
    const f64 = new Float64Array(100);
    const f32 = new Float32Array(100);
    fill(f64, normal(0, 1), 3);
    fill(f32, normal(0, 1), 3);
    expect(Array.from(f32)).toEqual(Array.from(Float32Array.from(f64)));
  });

  it("make matrices of row views without copying", () => {
    const flat = new Float32Array([1, 2, 3, 4, 5, 6]);
    const m = rows(flat, 2, 3);
    expect(m.map((r) => Array.from(r))).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(m[1].buffer).toBe(flat.buffer);
  });
});

describe("bench checksums", () => {
  it("sum numbers, nested arrays and gradient objects part by part", () => {
    expect(checksum(-2)).toEqual({ "": { count: 1, sum: -2, l1: 2 } });
    expect(checksum([new Float64Array([1, -2]), new Float64Array([3, 0])])).toEqual({ "": { count: 4, sum: 2, l1: 6 } });
    expect(checksum({ x1: new Float64Array([1]), x2: new Float64Array([-1]) })).toEqual({
      x1: { count: 1, sum: 1, l1: 1 },
      x2: { count: 1, sum: -1, l1: 1 },
    });
  });

  it("measure disagreement relative to the l1 norm, infinite for a different shape or key set", () => {
    const a = checksum(new Float64Array([1, -1, 2]));
    expect(disagreement(a, a)).toBe(0);
    // sums 2 vs 2.004 over l1 = 4 → 1e-3 (hand-worked).
    expect(disagreement(a, { "": { count: 3, sum: 2.004, l1: 4 } })).toBeLessThanOrEqual(1e-3 + 1e-15);
    expect(disagreement(a, { "": { count: 2, sum: 2, l1: 4 } })).toBe(Infinity);
    expect(disagreement(a, { x: { count: 3, sum: 2, l1: 4 } })).toBe(Infinity);
  });
});

describe("bench table", () => {
  it("shows ratios, spreads, agreement and errors", () => {
    const timing = { medianMs: 2, madMs: 0.1, minMs: 1.9, samples: 10 };
    const table = renderTable({
      rows: [
        { id: "bce", fn: "bceWithLogits", shape: [1_000_000], dtype: "f64", task: "value", elements: 1e6, bytes: 24e6, js: timing, numpy: { ...timing, medianMs: 4 }, disagreement: 0, tolerance: 1e-9 },
        { id: "bce", fn: "bceWithLogitsGrad", shape: [1_000_000], dtype: "f64", task: "grad", elements: 1e6, bytes: 24e6, jsError: "LossInputError: boom" },
      ],
      pending: [{ id: "huber", missing: ["huber"] }],
      numpy: { python: "3.11", numpy: "1.24.2" },
    });
    // 2 ms for 1e6 elements → 500 Melem/s; 24 MB in 2 ms → 12 GB/s; 2 / 4 → 0.50×.
    expect(table).toMatch(/\| bce +\| bceWithLogits +\| 1e6 +\| f64 +\| value +\| +2\.00 \| +5% \| +500 \| +12\.0 \| +4\.00 \| +3% \| +0\.50× \| ✓ +\|/);
    expect(table).toContain("error: LossInputError: boom");
    expect(table).toContain("Not run: huber");
    expect(sig(0.000123456)).toBe("0.000123");
    expect(sig(1234.5)).toBe("1235");
  });
});
