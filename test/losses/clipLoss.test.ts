import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { clipLoss, clipLossGrad, infoNCE, type ClipLossOptions } from "../../src";
import { expectClose, flat } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectGradient } from "../support/gradcheck";
import { expectGradOutErrors, expectGradOutReuse, expectSameValues } from "../support/gradOut";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
const FD = { rtol: 1e-6, atol: 1e-7 };
const A = [[0.3, -1.2, 0.5], [1.1, 0.4, -0.2], [-0.7, 0.8, 0.9]];
const B = [[0.2, -1.0, 0.8], [0.9, 0.1, 0.3], [-0.5, 1.2, 0.4]];
const SOFTPLUS_M1 = Math.log(1 + Math.exp(-1));

function cosine(a: number[][], b: number[][]): number[][] {
  const unit = (x: number[]) => x.map((v) => v / Math.hypot(...x));
  return a.map((ra) => b.map((rb) => unit(ra).reduce((s, v, k) => s + v * unit(rb)[k], 0)));
}

describe("clipLoss", () => {
  it("is log(1 + e^(−1/τ)) for orthogonal pairs (hand-worked), whatever the embedding lengths", () => {
    // Cosine similarities are the identity: each row and column CE is log(1 + e^(−1/τ)).
    expectClose(clipLoss([[1, 0], [0, 1]], [[2, 0], [0, 3]], { temperature: 1 }), SOFTPLUS_M1, EXACT);
    expectClose(clipLoss([[5, 0], [0, 0.1]], [[1, 0], [0, 1]], { temperature: 0.5, reduction: "none" }), [Math.log(1 + Math.exp(-2)), Math.log(1 + Math.exp(-2))], EXACT);
    expectClose(clipLoss([[1, 0], [0, 1]], [[1, 0], [0, 1]], { temperature: 1, reduction: "sum" }), 2 * SOFTPLUS_M1, EXACT);
  });

  it("matches open_clip's ClipLoss formula (numpy 2.4: ½·(CE(L, i) + CE(Lᵀ, i)), L = Â·B̂ᵀ/τ)", () => {
    expectClose(clipLoss(A, B, { temperature: 1 }), 0.5280950165956073, EXACT);
    expectClose(clipLoss(A, B, { temperature: 1, reduction: "none" }), [0.5033995241862101, 0.5894309910842694, 0.4914545345163423], EXACT);
    // Default τ = 0.07: the loss is small, so log(1 + tiny) leaves ~1e-11 relative rounding in both implementations.
    expectClose(clipLoss(A, B), 2.9478533057605294e-5, { rtol: 1e-9, atol: 0 });
  });

  it("equals symmetric infoNCE on the cosine-similarity matrix", () => {
    const sim = cosine(A, B);
    expectClose(clipLoss(A, B, { temperature: 0.3, reduction: "none" }), infoNCE(sim, { temperature: 0.3, symmetric: true }), { rtol: 1e-12, atol: 1e-14 });
  });

  it("reads Float32Array rows and writes into out", () => {
    const out = new Float64Array(2);
    const r = clipLoss([new Float32Array([1, 0]), new Float32Array([0, 1])], [[1, 0], [0, 1]], { temperature: 1, reduction: "none", out });
    expect(r).toBe(out);
    expectClose(out, [SOFTPLUS_M1, SOFTPLUS_M1], EXACT);
  });

  it("has gradients equal to central finite differences for both embeddings", () => {
    for (const reduction of ["none", "mean", "sum"] as const) {
      const o = { temperature: 0.5, reduction };
      const g = clipLossGrad(A, B, o);
      expectGradient((x) => clipLoss(x as number[][], B, o), g.embA, A, FD);
      expectGradient((x) => clipLoss(A, x as number[][], o), g.embB, B, FD);
    }
  });

  it("has gradients orthogonal to each embedding (its length does not matter)", () => {
    const g = clipLossGrad(A, B, { temperature: 0.2 });
    for (let i = 0; i < 3; i++) {
      expectClose(g.embA[i].reduce((s, v, k) => s + v * A[i][k], 0), 0, { rtol: 0, atol: 1e-14 });
      expectClose(g.embB[i].reduce((s, v, k) => s + v * B[i][k], 0), 0, { rtol: 0, atol: 1e-14 });
    }
  });

  it("stays finite for huge and tiny embeddings and a small temperature", () => {
    const huge = A.map((r) => r.map((v) => v * 1e200));
    const tiny = B.map((r) => r.map((v) => v * 1e-200));
    expectClose(clipLoss(huge, tiny, { temperature: 1 }), 0.5280950165956073, { rtol: 1e-12, atol: 0 });
    const g = clipLossGrad(huge, tiny, { temperature: 1e-3 });
    expect(Number.isFinite(clipLoss(huge, tiny, { temperature: 1e-3 }))).toBe(true);
    expect([...flat(g.embA), ...flat(g.embB)].every(Number.isFinite)).toBe(true);
  });

  it("rejects bad input with typed errors", () => {
    const f = "clipLoss";
    expectLossError(() => clipLoss([], []), "EMPTY", f, "embA");
    expectLossError(() => clipLoss([[1, 0]], [[1, 0], [0, 1]]), "SHAPE_MISMATCH", f, "embB");
    expectLossError(() => clipLoss([[1, 0]], [[1, 0, 0]]), "SHAPE_MISMATCH", f, "embB");
    expectLossError(() => clipLoss([[1, 0], [0]], [[1, 0], [0, 1]]), "SHAPE_MISMATCH", f, "embA");
    expectLossError(() => clipLoss([[1, 0], [0, 0]], [[1, 0], [0, 1]]), "OUT_OF_DOMAIN", f, "embA");
    expectLossError(() => clipLoss([[1, 0], [0, 1]], [[0, 0], [0, 1]]), "OUT_OF_DOMAIN", f, "embB");
    expectLossError(() => clipLoss([[NaN, 0]], [[1, 0]]), "NOT_FINITE", f, "embA");
    expectLossError(() => clipLoss([[1, 0]], [[Infinity, 0]]), "NOT_FINITE", f, "embB");
    expectLossError(() => clipLoss([[1, 0]], [[1, 0]], { temperature: 0 }), "OUT_OF_DOMAIN", f, "temperature");
    expectLossError(() => clipLoss([[1, 0]], [[1, 0]], { reduction: "all" as "sum" }), "OUT_OF_DOMAIN", f, "reduction");
    expectLossError(() => clipLoss([[1, 0]], [[1, 0]], { reduction: "none", out: new Float64Array(2) }), "SHAPE_MISMATCH", f, "out");
    expectLossError(() => clipLossGrad([[1, 0], [0, 0]], [[1, 0], [0, 1]]), "OUT_OF_DOMAIN", "clipLossGrad", "embA");
    expectLossError(() => clipLossGrad([[1, 0]], [[1, 0]], { temperature: -1 }), "OUT_OF_DOMAIN", "clipLossGrad", "temperature");
  });
});

describe("clipLossGrad into gradOut buffers (issue 6)", () => {
  it("writes both gradients into the caller's buffers, rows as views, reused across calls", () => {
    const rows = (m: number[][]) => m.map((r) => new Float32Array(r));
    for (const reduction of ["mean", "none", "sum"] as const) {
      expectGradOutReuse(
        { embA: 9, embB: 9 }, // n·d, row-major
        (gradOut) => clipLossGrad(A, B, { temperature: 0.5, reduction, gradOut }),
        (gradOut) => clipLossGrad(rows(B), rows(A), { reduction, gradOut }),
      );
    }
    // Hand-worked: identical orthonormal pairs, τ = 1, "mean" over 2: ∂/∂embB[0] = [0, ½·σ(−1)] (the part along
    // the row itself is projected out).
    const embB = new Float64Array(4).fill(NaN);
    clipLossGrad([[1, 0], [0, 1]], [[1, 0], [0, 1]], { temperature: 1, gradOut: { embB } });
    expectClose(embB, [0, 0.5 / (1 + Math.E), 0.5 / (1 + Math.E), 0], EXACT);
    expectClose(clipLoss(A, B, { gradOut: { embA: new Float64Array(1) } }), clipLoss(A, B), EXACT); // ignored by the value
  });

  it("computes in place: a buffer may hold the inputs' own rows (both are read before anything is written)", () => {
    const fresh = clipLossGrad(A, B, { temperature: 0.5 });
    const flatA = Float64Array.from(A.flat());
    const flatB = Float64Array.from(B.flat());
    const view = (f: Float64Array) => [0, 1, 2].map((i) => f.subarray(3 * i, 3 * i + 3));
    // embA over embB's memory and embB over embA's: every input read is crossed with an output write.
    const g = clipLossGrad(view(flatA), view(flatB), { temperature: 0.5, gradOut: { embA: flatB, embB: flatA } });
    expectSameValues(g.embA, fresh.embA);
    expectSameValues(g.embB, fresh.embB);
    expectSameValues(flatB, fresh.embA);
    expectSameValues(flatA, fresh.embB);
  });

  it("rejects a bad gradOut with the argument named", () => {
    const fn = "clipLossGrad";
    expectGradOutErrors(fn, { embA: 4, embB: 4 }, (gradOut) => clipLossGrad([[1, 0], [0, 1]], [[1, 0.1], [0.1, 1]], { gradOut } as ClipLossOptions));
    expectLossError(() => clipLossGrad([[1, 0]], [[1, 0]], null as unknown as ClipLossOptions), "INVALID_TYPE", fn, "opts");
  });
});

const pairArb = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.integer({ min: 1, max: 4 }).chain((d) => {
    const emb = fc.array(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: d, maxLength: d }), { minLength: n, maxLength: n })
      .filter((m) => m.every((row) => Math.hypot(...row) > 0.1));
    return fc.record({
      a: emb,
      b: emb,
      temperature: fc.double({ min: 0.2, max: 2, noNaN: true }),
      reduction: fc.constantFrom("none" as const, "mean" as const, "sum" as const),
      scale: fc.double({ min: 0.01, max: 100, noNaN: true }),
    });
  }),
);

describe("clipLoss properties", () => {
  it("is ≥ 0 and unchanged by scaling an embedding", () => {
    fc.assert(fc.property(pairArb, ({ a, b, temperature, scale }) => {
      const l = clipLoss(a, b, { temperature });
      expect(l).toBeGreaterThanOrEqual(0);
      expectClose(clipLoss(a.map((r) => r.map((v) => v * scale)), b, { temperature }), l, { rtol: 1e-10, atol: 1e-12 });
    }), { numRuns: 150 });
  });

  it("has gradients equal to finite differences on random inputs", () => {
    fc.assert(fc.property(pairArb, ({ a, b, temperature, reduction }) => {
      const o = { temperature, reduction };
      const g = clipLossGrad(a, b, o);
      const tol = { rtol: 1e-5, atol: 1e-6 };
      expectGradient((x) => clipLoss(x as number[][], b, o), g.embA, a, tol, 1e-5);
      expectGradient((x) => clipLoss(a, x as number[][], o), g.embB, b, tol, 1e-5);
    }), { numRuns: 80 });
  });
});

describe("clipLoss on typed rows (values checked while normalising)", () => {
  it("matches plain arrays and reports NaN / ±∞ with the eager read's codes and order", () => {
    const typed = (m: number[][]) => m.map((r) => Float32Array.from(r));
    expectClose(clipLoss(typed(A), typed(B)), clipLoss(A.map((r) => r.map(Math.fround)), B.map((r) => r.map(Math.fround))), EXACT);
    expectLossError(() => clipLoss(typed([[NaN, 1]]), typed([[1, 1]])), "NOT_FINITE", "clipLoss", "embA");
    expectLossError(() => clipLossGrad(typed([[1, 1]]), typed([[Infinity, 1]])), "NOT_FINITE", "clipLossGrad", "embB");
    // A zero row in embA and a NaN in embB: the eager read meets the NaN first.
    expectLossError(() => clipLoss(typed([[0, 0]]), typed([[NaN, 1]])), "NOT_FINITE", "clipLoss", "embB");
  });
});
