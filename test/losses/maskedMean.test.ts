import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { maskedMean, maskedMeanGrad } from "../../src";
import { expectClose, flat } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectGradient } from "../support/gradcheck";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
const SEED = { rtol: 1e-7, atol: 1e-7 }; // the seed's check_close(tol=1e-7)
const FD = { rtol: 1e-6, atol: 1e-7 };
const LOSSES = [[0.2, 0.5, 0.0], [0.3, 0.0, 0.0]]; // the seed's exercise 5
const MASK = [[1, 1, 0], [1, 0, 0]];

describe("maskedMean", () => {
  it("matches the seed's exercise 5: divide by valid tokens, not the padded length", () => {
    expectClose(maskedMean(LOSSES, MASK), (0.2 + 0.5 + 0.3) / 3, SEED);
    expectClose(maskedMean(LOSSES, MASK, { normalize: "global" }), (0.2 + 0.5 + 0.3) / 3, EXACT);
  });

  it("averages sequences first with perSequence (hand-worked)", () => {
    // Row means 0.7/2 = 0.35 and 0.3/1 = 0.3; their mean is 0.325.
    expectClose(maskedMean(LOSSES, MASK, { normalize: "perSequence" }), 0.325, EXACT);
    // A row without mask weight does not count as a sequence: still (0.35 + 0.3)/2.
    expectClose(maskedMean([...LOSSES, [9, 9, 9]], [...MASK, [0, 0, 0]], { normalize: "perSequence" }), 0.325, EXACT);
  });

  it("uses fractional mask entries as weights (hand-worked)", () => {
    // (1·0.5 + 3·0.25) / (0.5 + 0.25) = 1.25 / 0.75 = 5/3.
    expectClose(maskedMean([[1, 3]], [[0.5, 0.25]]), 5 / 3, EXACT);
  });

  it("accepts a Vector (one sequence), 3-D nesting and typed arrays", () => {
    expectClose(maskedMean([1, 2, 3], [1, 0, 1]), 2, EXACT);
    expectClose(maskedMean([1, 2, 3], [1, 0, 1], { normalize: "perSequence" }), 2, EXACT);
    const v3 = [[[1, 2], [3, 4]], [[5, 6], [7, 8]]];
    const m3 = [[[1, 0], [1, 1]], [[0, 0], [0, 1]]];
    expectClose(maskedMean(v3, m3), (1 + 3 + 4 + 8) / 4, EXACT); // by hand
    expectClose(maskedMean(v3, m3, { normalize: "perSequence" }), (1 + 3.5 + 8) / 3, EXACT); // rows [1,2] [3,4] [7,8]
    expectClose(maskedMean([new Float32Array([0.5, 1.5])], [new Uint8Array([1, 1])]), 1, EXACT);
  });

  it("has the hand-worked gradient m/Σm (global) and m/(R·Mᵢ) (perSequence), shaped like values", () => {
    expectClose(maskedMeanGrad(LOSSES, MASK), [[1 / 3, 1 / 3, 0], [1 / 3, 0, 0]], EXACT);
    expectClose(maskedMeanGrad(LOSSES, MASK, { normalize: "perSequence" }), [[0.25, 0.25, 0], [0.5, 0, 0]], EXACT);
    expect(maskedMeanGrad([1, 2], [1, 1])).toBeInstanceOf(Float64Array);
    const g3 = maskedMeanGrad([[[1, 2]], [[3, 4]]], [[[1, 0]], [[1, 0]]]) as Float64Array[][];
    expectClose(g3, [[[0.5, 0]], [[0.5, 0]]], EXACT);
  });

  it("writes the gradient into a caller's out buffer", () => {
    const out = new Float64Array(6).fill(7);
    const g = maskedMeanGrad(LOSSES, MASK, { out }) as Float64Array[];
    expect(g[0].buffer).toBe(out.buffer);
    expectClose(out, [1 / 3, 1 / 3, 0, 1 / 3, 0, 0], EXACT);
  });

  it("has a gradient equal to central finite differences in both modes", () => {
    const values = [[0.2, -1.5, 3.0], [0.3, 2.2, -0.4]];
    const mask = [[1, 0.5, 0], [2, 0, 0.25]];
    for (const normalize of ["global", "perSequence"] as const) {
      expectGradient((x) => maskedMean(x as number[][], mask, { normalize }), maskedMeanGrad(values, mask, { normalize }), values, FD);
    }
  });

  it("stays finite for extreme values and weights", () => {
    expectClose(maskedMean([[1e300, -1e300, 5e299]], [[1, 1, 0]]), 0, EXACT);
    expectClose(maskedMean([[1e-300, 3e-300]], [[1e-300, 1e-300]]), 2e-300, EXACT);
    expectClose(maskedMean([[2, 4]], [[1e300, 1e300]]), 3, EXACT);
    expect(flat(maskedMeanGrad([[2, 4]], [[1e-300, 0]])).every(Number.isFinite)).toBe(true);
  });

  it("rejects bad input with typed errors", () => {
    const f = "maskedMean";
    expectLossError(() => maskedMean(LOSSES, [[0, 0, 0], [0, 0, 0]]), "EMPTY_MASK", f, "mask");
    expectLossError(() => maskedMean(LOSSES, [[0, 0, 0], [0, 0, 0]], { normalize: "perSequence" }), "EMPTY_MASK", f, "mask");
    expectLossError(() => maskedMeanGrad(LOSSES, [[0, 0, 0], [0, 0, 0]]), "EMPTY_MASK", "maskedMeanGrad", "mask");
    expectLossError(() => maskedMean(LOSSES, [[1, -1, 0], [1, 0, 0]]), "OUT_OF_DOMAIN", f, "mask");
    expectLossError(() => maskedMean(LOSSES, MASK, { normalize: "perRow" as "global" }), "OUT_OF_DOMAIN", f, "normalize");
    expectLossError(() => maskedMean(LOSSES, [[1, 1, 0]]), "SHAPE_MISMATCH", f, "mask");
    expectLossError(() => maskedMean(LOSSES, [1, 1, 0]), "SHAPE_MISMATCH", f, "mask");
    expectLossError(() => maskedMean([[1, 2], [3]], [[1, 1], [1]]), "SHAPE_MISMATCH", f, "values");
    expectLossError(() => maskedMean([], []), "EMPTY", f, "values");
    expectLossError(() => maskedMean([[NaN, 1]], [[1, 1]]), "NOT_FINITE", f, "values");
    expectLossError(() => maskedMean([[Infinity, 1]], [[0, 1]]), "NOT_FINITE", f, "values");
    expectLossError(() => maskedMean([[1, 1]], [[Infinity, 1]]), "NOT_FINITE", f, "mask");
    expectLossError(() => maskedMean([[1, 1]], [[true, 1]] as unknown as number[][]), "INVALID_TYPE", f, "mask");
    expectLossError(() => maskedMeanGrad(LOSSES, MASK, { out: new Float64Array(5) }), "SHAPE_MISMATCH", "maskedMeanGrad", "out");
  });
});

const maskedArb = fc.integer({ min: 1, max: 5 }).chain((len) =>
  fc.record({
    values: fc.array(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: len, maxLength: len }), { minLength: 1, maxLength: 4 }),
    weights: fc.array(fc.array(fc.constantFrom(0, 0, 1, 0.5, 2), { minLength: len, maxLength: len }), { minLength: 4, maxLength: 4 }),
    normalize: fc.constantFrom("global" as const, "perSequence" as const),
  }).map(({ values, weights, normalize }) => {
    const mask = values.map((_row, r) => weights[r]);
    mask[0] = mask[0].map((w, j) => (j === 0 ? 1 : w)); // at least one kept entry
    return { values, mask, normalize };
  }),
);

describe("maskedMean properties", () => {
  it("lies between the smallest and largest kept value (so it is ≥ 0 for losses ≥ 0)", () => {
    fc.assert(fc.property(maskedArb, ({ values, mask, normalize }) => {
      const kept = values.flatMap((row, r) => row.filter((_v, j) => mask[r][j] > 0));
      const m = maskedMean(values, mask, { normalize });
      return m >= Math.min(...kept) - 1e-12 && m <= Math.max(...kept) + 1e-12;
    }), { numRuns: 200 });
  });

  it("has a gradient that sums to 1 and equals finite differences", () => {
    fc.assert(fc.property(maskedArb, ({ values, mask, normalize }) => {
      const g = maskedMeanGrad(values, mask, { normalize });
      expectClose(flat(g).reduce((a, b) => a + b, 0), 1, { rtol: 1e-12, atol: 1e-12 });
      expectGradient((x) => maskedMean(x as number[][], mask, { normalize }), g, values, { rtol: 1e-5, atol: 1e-6 }, 1e-4);
    }), { numRuns: 100 });
  });
});

describe("maskedMean on typed rows (values checked inside the loop)", () => {
  const f64 = (rows: number[][]) => rows.map((r) => Float64Array.from(r));

  it("matches plain arrays for a Matrix and a Vector of typed arrays", () => {
    expectClose(maskedMean(f64(LOSSES), f64(MASK)), maskedMean(LOSSES, MASK), EXACT);
    expectClose(maskedMeanGrad(f64(LOSSES), f64(MASK), { normalize: "perSequence" }), maskedMeanGrad(LOSSES, MASK, { normalize: "perSequence" }), EXACT);
    expectClose(maskedMean(new Float32Array([1, 2, 4]), new Float32Array([1, 0, 1])), 2.5, EXACT); // (1 + 4) / 2
  });

  it("reports NaN, ±∞ and negative weights in typed rows with the eager read's codes", () => {
    const f = "maskedMean";
    expectLossError(() => maskedMean(f64([[NaN, 1]]), f64([[1, 1]])), "NOT_FINITE", f, "values");
    expectLossError(() => maskedMean(f64([[Infinity, 1]]), f64([[0, 1]])), "NOT_FINITE", f, "values");
    expectLossError(() => maskedMeanGrad(f64([[1, 1]]), f64([[Infinity, 1]])), "NOT_FINITE", "maskedMeanGrad", "mask");
    expectLossError(() => maskedMeanGrad(f64([[NaN, 1]]), f64([[1, 1]])), "NOT_FINITE", "maskedMeanGrad", "values");
    expectLossError(() => maskedMean(f64([[1, 1]]), f64([[1, -1]])), "OUT_OF_DOMAIN", f, "mask");
    expectLossError(() => maskedMean(new Float64Array([NaN, 1]), new Float64Array([1, -1])), "NOT_FINITE", f, "values");
    // Finite values whose weighted sum overflows are not an error: the mean is +∞, as the eager version gave.
    expect(maskedMean(f64([[1e308, 1e308]]), f64([[1, 1]]))).toBe(Infinity);
  });
});
