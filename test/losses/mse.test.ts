import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mse, mseGrad } from "../../src";
import { expectClose } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectGradient } from "../support/gradcheck";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
const SEED = { rtol: 1e-7, atol: 1e-7 }; // the seed's check_close(tol=1e-7)

describe("mse", () => {
  it("matches the seed's exercise 1 value and gradient", () => {
    // Seed: (0.5² + (−1)² + 2²) / 3 = 1.75; gradient [1, −2, 4] / 3.
    expectClose(mse([1.5, 1.0, 5.0], [1.0, 2.0, 3.0]), 1.75, SEED);
    expectClose(mseGrad([1.5, 1.0, 5.0], [1.0, 2.0, 3.0]), [1 / 3, -2 / 3, 4 / 3], SEED);
  });

  it("reduces as torch.nn.functional.mse_loss (hand-worked: residuals 1 and 3)", () => {
    // By hand: squared errors 1 and 9 → sum 10, mean 5.
    expectClose(mse([1, 3], [0, 0], { reduction: "sum" }), 10, EXACT);
    expectClose(mse([1, 3], [0, 0], { reduction: "mean" }), 5, EXACT);
    expectClose(mse([1, 3], [0, 0], { reduction: "none" }), [1, 9], EXACT);
  });

  it("keeps the nesting of 2-D and 3-D input with reduction none", () => {
    const out = mse([[[1, 2]], [[3, 4]]], [[[0, 0]], [[0, 0]]], { reduction: "none" });
    expectClose(out, [[[1, 4]], [[9, 16]]], EXACT);
    expect(Array.isArray(out)).toBe(true);
  });

  it("reads Float32Array and Float64Array input", () => {
    expectClose(mse(new Float32Array([1.5, 1, 5]), new Float64Array([1, 2, 3])), 1.75, EXACT);
  });

  it("writes into a caller's out buffer", () => {
    const out = new Float64Array(2);
    const r = mse([1, 2], [0, 0], { reduction: "none", out });
    expect(r).toBe(out);
    expectClose(out, [1, 4], EXACT);
  });

  it("has a gradient equal to central finite differences for every reduction", () => {
    const yTrue = [[0.3, -1.2, 2.0], [0.0, 0.5, -0.7]];
    const yPred = [[1.1, -0.4, 1.0], [0.2, 0.9, -2.0]];
    for (const reduction of ["none", "mean", "sum"] as const) {
      expectGradient((x) => mse(x as number[][], yTrue, { reduction }), mseGrad(yPred, yTrue, { reduction }), yPred);
    }
  });

  it("gradients equal finite differences on random inputs (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true })), { minLength: 1, maxLength: 8 }),
        (pairs) => {
          const p = pairs.map((q) => q[0]);
          const t = pairs.map((q) => q[1]);
          expectGradient((x) => mse(x as number[], t), mseGrad(p, t), p, { rtol: 1e-5, atol: 1e-6 }, 1e-4);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("is ≥ 0 (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }), (p) => {
        return (mse(p, p.map(() => 0)) as number) >= 0;
      }),
    );
  });

  it("stays finite for extreme inputs", () => {
    expect(Number.isFinite(mse([1e150, -1e150], [-1e150, 1e150]))).toBe(true);
    expect(flatFinite(mseGrad([1e300], [-1e300]))).toBe(true);
  });

  it("rejects bad input with typed errors", () => {
    expectLossError(() => mse([], []), "EMPTY", "mse", "yPred");
    expectLossError(() => mse([1, 2], [1]), "SHAPE_MISMATCH", "mse", "yTrue");
    expectLossError(() => mse([[1, 2], [3]], [[1, 2], [3, 4]]), "SHAPE_MISMATCH", "mse", "yPred");
    expectLossError(() => mse([NaN], [1]), "NOT_FINITE", "mse", "yPred");
    expectLossError(() => mse([1], [Infinity]), "NOT_FINITE", "mse", "yTrue");
    expectLossError(() => mse([1], [1], { reduction: "avg" as "mean" }), "OUT_OF_DOMAIN", "mse", "reduction");
    expectLossError(() => mseGrad([1, 2], [1]), "SHAPE_MISMATCH", "mseGrad", "yTrue");
    expectLossError(() => mse([1, 2], [0, 0], { reduction: "none", out: new Float64Array(3) }), "SHAPE_MISMATCH", "mse", "out");
  });
});

function flatFinite(x: unknown): boolean {
  return Array.from(x as ArrayLike<number>).every(Number.isFinite);
}
