import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { tripletLoss, tripletLossGrad, type TripletDistance, type TripletLossOptions } from "../../src";
import { expectClose, flat } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectGradient } from "../support/gradcheck";
import { expectGradOutErrors, expectGradOutReuse } from "../support/gradOut";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
const SEED = { rtol: 1e-7, atol: 1e-7 }; // the seed's check_close(tol=1e-7)
const DISTANCES: readonly TripletDistance[] = ["squared", "euclidean"];

// PyTorch 1.13 F.triplet_margin_loss(margin=1, p=2, eps=1e-6), float64: test/losses/reference/pairLosses.py
const A = [[0.5, -1.0, 2.0], [1.0, 1.0, 1.0]];
const P = [[0.0, -0.5, 1.5], [2.0, 0.0, 1.0]];
const N = [[1.0, 0.0, 2.5], [1.5, 1.0, 0.0]];

describe("tripletLoss", () => {
  it("matches the seed's exercise 8: 0.16 − 0.36 + 0.5, and the triplet violates the margin", () => {
    const loss = tripletLoss([0.0, 0.0], [0.4, 0.0], [0.6, 0.0], { margin: 0.5 });
    expectClose(loss, 0.16 - 0.36 + 0.5, SEED);
    expect(loss).toBeGreaterThan(0);
  });

  it("is max(0, Σ(a−p)² − Σ(a−n)² + margin) per row (hand-worked)", () => {
    // Row 0: d(a,p) = 1, d(a,n) = 4 → max(0, 1 − 4 + 1) = 0. Row 1: d(a,p) = 9, d(a,n) = 1 → 9 − 1 + 1 = 9.
    const a = [[0, 0], [0, 0]];
    const p = [[1, 0], [3, 0]];
    const n = [[2, 0], [1, 0]];
    expectClose(tripletLoss(a, p, n), [0, 9], EXACT);
    expectClose(tripletLoss(a, p, n, { reduction: "sum" }), 9, EXACT);
    expectClose(tripletLoss(a, p, n, { reduction: "mean" }), 4.5, EXACT);
    expect(tripletLoss(a, p, n)).toBeInstanceOf(Float64Array);
  });

  it("matches PyTorch's TripletMarginLoss with the euclidean distance ‖a − p + 1e-6‖₂", () => {
    expectClose(tripletLoss(A, P, N, { distance: "euclidean" }), [0.6412827427376842, 1.296179126409413], EXACT);
    expectClose(tripletLoss(A, P, N, { distance: "euclidean", reduction: "mean" }), 0.9687309345735485, EXACT);
    expectClose(tripletLoss([0, 0], [3, 4], [6, 8], { distance: "euclidean", margin: 10 }), 5.0000000000000036, EXACT);
    const g = tripletLossGrad(A, P, N, { distance: "euclidean" });
    expectClose(g.anchor, [[0.9855990572863729, 0.23914812350461723, 0.9855990572863729], [-0.25989355189197877, 0.7071065938659651, -0.8944270205482328]], EXACT);
    expectClose(g.positive, [[-0.5773510389884451, 0.5773487295889079, -0.5773510389884451], [0.707106074079236, -0.7071074882927983, -7.071067811860172e-07]], EXACT);
    expectClose(g.negative, [[-0.40824801829792784, -0.8164968530935252, -0.40824801829792784], [-0.4472125221872572, 8.944268332281808e-07, 0.894427727655014]], EXACT);
  });

  it("reads Float32Array rows and vectors, and writes per-row losses into a caller's out buffer", () => {
    const f32 = (m: number[][]) => m.map((r) => new Float32Array(r));
    expectClose(tripletLoss(f32(A), f32(P), f32(N)), tripletLoss(A, P, N), EXACT); // all values exact in float32
    const out = new Float64Array(2);
    expect(tripletLoss(A, P, N, { reduction: "none", out })).toBe(out);
    expectClose(out, tripletLoss(A, P, N), EXACT);
    expectClose(tripletLoss(new Float64Array([0, 0]), [0.4, 0], new Float32Array([0.5, 0]), { margin: 0.5 }), 0.16 - 0.25 + 0.5, EXACT);
  });

  it("has gradients equal to central finite differences for both distances and every reduction", () => {
    for (const distance of DISTANCES) {
      for (const reduction of ["none", "mean", "sum"] as const) {
        const o = { distance, reduction, margin: 2 };
        const g = tripletLossGrad(A, P, N, o);
        expectGradient((x) => tripletLoss(x as number[][], P, N, o), g.anchor, A);
        expectGradient((x) => tripletLoss(A, x as number[][], N, o), g.positive, P);
        expectGradient((x) => tripletLoss(A, P, x as number[][], o), g.negative, N);
      }
      const v = tripletLossGrad([0, 1], [0.5, 0.2], [0.3, 1.4], { distance });
      expectGradient((x) => tripletLoss(x as number[], [0.5, 0.2], [0.3, 1.4], { distance }), v.anchor, [0, 1]);
      expect(v.anchor).toBeInstanceOf(Float64Array);
    }
  });

  it("takes the active side's gradient at the kink (hinge argument exactly 0), as PyTorch's clamp_min", () => {
    // d(a,p) = 1, d(a,n) = 4, margin 3: hinge argument 0 exactly; active gradient ∂/∂a = 2(n − p) = 2.
    expect(tripletLoss([0], [1], [2], { margin: 3 })).toBe(0);
    expectClose(tripletLossGrad([0], [1], [2], { margin: 3 }), { anchor: [2], positive: [2], negative: [-4] }, EXACT);
    // Flat side: margin 2.5 → argument −0.5, gradient 0.
    expectClose(tripletLossGrad([0], [1], [2], { margin: 2.5 }), { anchor: [0], positive: [0], negative: [0] }, EXACT);
  });

  it("gives a 0 euclidean gradient for a pair at distance exactly 0 (a − p = −eps), as PyTorch's norm backward", () => {
    const g = tripletLossGrad([0, 0], [1e-6, 1e-6], [3, 4], { distance: "euclidean", margin: 10 });
    // d(a,p) = 0 exactly; d(a,n) = ‖(−3 + 1e-6, −4 + 1e-6)‖, whose unit vector is the negative's gradient.
    const dn = Math.hypot(-3 + 1e-6, -4 + 1e-6);
    expectClose(g.positive, [0, 0], EXACT);
    expectClose(g.negative, [(-3 + 1e-6) / dn, (-4 + 1e-6) / dn], EXACT);
  });

  it("gradients equal finite differences on random inputs away from the kinks (property)", () => {
    const row = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(fc.tuple(row, row, row), fc.double({ min: 0, max: 4, noNaN: true }), fc.constantFrom(...DISTANCES), ([a, p, n], margin, distance) => {
        const o = { distance, margin };
        const d = (x: number[], y: number[]) => Math.hypot(...x.map((v, i) => v - y[i]));
        fc.pre(d(a, p) > 1e-2 && d(a, n) > 1e-2 && Math.abs(tripletLoss(a, p, n, { ...o, margin: 0 }) + margin) > 1e-2);
        const g = tripletLossGrad(a, p, n, o);
        const tol = { rtol: 1e-5, atol: 1e-6 };
        expectGradient((x) => tripletLoss(x as number[], p, n, o), g.anchor, a, tol, 1e-5);
        expectGradient((x) => tripletLoss(a, x as number[], n, o), g.positive, p, tol, 1e-5);
        expectGradient((x) => tripletLoss(a, p, x as number[], o), g.negative, n, tol, 1e-5);
      }),
      { numRuns: 100 },
    );
  });

  it("is ≥ 0, and 0 when the positive sits on the anchor with margin 0 (property)", () => {
    const v = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 2 });
    fc.assert(
      fc.property(v, v, v, fc.double({ min: -10, max: 10, noNaN: true }), fc.constantFrom(...DISTANCES), (a, p, n, margin, distance) => {
        expect(tripletLoss(a, p, n, { margin, distance })).toBeGreaterThanOrEqual(0);
        expect(tripletLoss(a, a, n, { margin: 0, distance: "squared" })).toBe(0); // positive on the anchor, margin 0
      }),
    );
  });

  it("stays finite for extreme inputs, and never gives NaN past float64", () => {
    // Squared distances up to 1e300 are representable: (1e150)² − (2e150)² + 1 = −3e300 → 0; reversed → 3e300.
    expect(tripletLoss([0], [1e150], [2e150])).toBe(0);
    expectClose(tripletLoss([0], [2e150], [1e150]), 3e300, EXACT);
    // Euclidean distances are rescaled where the squares overflow: ‖(1e200, 1e200)‖ = √2·1e200.
    expectClose(tripletLoss([0, 0], [1e200, 1e200], [0, 0], { distance: "euclidean", margin: 0 }), Math.SQRT2 * 1e200, EXACT);
    expectClose(tripletLoss([1e308, -1e308], [-1e308, 1e308], [1e308, 1e308], { distance: "euclidean" }), 1e308 * (2 * Math.SQRT2 - 2), EXACT);
    const ge = flat(Object.values(tripletLossGrad([1e308, -1e308], [-1e308, 1e308], [1e308, 1e308], { distance: "euclidean" })));
    expect(ge.every(Number.isFinite)).toBe(true);
    // A squared distance beyond float64 gives an honest +Infinity (or 0), never ∞ − ∞ = NaN.
    expect(tripletLoss([0], [1e200], [3e200])).toBe(0);
    expect(tripletLoss([0], [3e200], [1e200])).toBe(Infinity);
    expect(tripletLoss([1e308], [-1e308], [-1e308])).toBe(1); // equal distances cancel in rescaled units
    expect(flat(Object.values(tripletLossGrad([0], [1e150], [-1e150], { margin: 0 }))).every(Number.isFinite)).toBe(true);
  });

  it("writes its gradients into the caller's gradOut buffers, Vector and Matrix, reused across calls (issue 6)", () => {
    const a = [[0, 0], [0, 0]], p = [[1, 0], [3, 0]], n = [[2, 0], [1, 0]]; // row 0 inactive: zeros must be written
    const rows = (m: number[][]) => m.map((r) => new Float32Array(r));
    for (const distance of DISTANCES) {
      for (const reduction of ["none", "mean"] as const) {
        const o = { distance, reduction };
        const matrix = { anchor: 4, positive: 4, negative: 4 }; // n·d, row-major: the rows returned are views
        expectGradOutReuse(matrix, (gradOut) => tripletLossGrad(a, p, n, { ...o, gradOut }), (gradOut) => tripletLossGrad(rows(n), rows(a), rows(p), { ...o, gradOut }));
        const vector = { anchor: 3, positive: 3, negative: 3 }; // d: the buffer itself is returned
        expectGradOutReuse(vector, (gradOut) => tripletLossGrad(A[0], P[0], N[0], { ...o, gradOut }), (gradOut) => tripletLossGrad(N[1], P[1], A[1], { ...o, gradOut }));
      }
    }
    // Hand-worked, "mean" over 2 rows: row 0 flat → 0; row 1 ∂/∂anchor = 2(n − p)/2 = [−2, 0].
    const anchor = new Float64Array(4).fill(NaN);
    expect(tripletLossGrad(a, p, n, { reduction: "mean", gradOut: { anchor } }).anchor[1].buffer).toBe(anchor.buffer);
    expectClose(anchor, [0, 0, -2, 0], EXACT);
    expectClose(tripletLoss(a, p, n, { gradOut: { anchor: new Float64Array(1) } }), [0, 9], EXACT); // ignored by the value
  });

  it("rejects a bad gradOut, and gradOut buffers sharing memory with an input (not computed in place)", () => {
    const fn = "tripletLossGrad";
    const call = (x: number[] | number[][]) => (gradOut: unknown) => tripletLossGrad(x, x, x, { gradOut } as TripletLossOptions);
    expectGradOutErrors(fn, { anchor: 2, positive: 2, negative: 2 }, call([1, 2]));
    expectGradOutErrors(fn, { anchor: 6, positive: 6, negative: 6 }, call([[1, 2], [3, 4], [5, 6]]));
    const v = new Float64Array([1, 2]);
    expectLossError(() => tripletLossGrad(v, [0, 0], [1, 1], { gradOut: { anchor: v } }), "OUT_OF_DOMAIN", fn, "gradOut.anchor");
    const flatP = new Float64Array(4); // positive's rows are views of flatP, which is also gradOut.negative
    const e = expectLossError(() => tripletLossGrad([[0, 0], [1, 1]], [flatP.subarray(0, 2), flatP.subarray(2)], [[1, 0], [0, 1]], { gradOut: { negative: flatP } }), "OUT_OF_DOMAIN", fn, "gradOut.negative");
    expect(e.message).toContain("must not overlap the input positive (row 0)");
  });

  it("rejects bad input with typed errors", () => {
    const fn = "tripletLoss";
    expectLossError(() => tripletLoss([], [], []), "EMPTY", fn, "anchor");
    expectLossError(() => tripletLoss([[1, 2]], [[1, 2]], [[]] as unknown as number[][]), "EMPTY", fn, "negative");
    expectLossError(() => tripletLoss([1, 2], [1], [1, 2]), "SHAPE_MISMATCH", fn, "positive");
    expectLossError(() => tripletLoss([1, 2], [1, 2], [[1, 2]] as unknown as number[]), "SHAPE_MISMATCH", fn, "negative");
    expectLossError(() => tripletLoss([[1, 2], [3, 4]], [[1, 2]], [[1, 2], [3, 4]]), "SHAPE_MISMATCH", fn, "positive");
    expectLossError(() => tripletLoss([[1, 2], [3]], [[1, 2], [3, 4]], [[1, 2], [3, 4]]), "SHAPE_MISMATCH", fn, "anchor");
    expectLossError(() => tripletLoss([NaN], [1], [1]), "NOT_FINITE", fn, "anchor");
    expectLossError(() => tripletLoss([1], [1], [-Infinity]), "NOT_FINITE", fn, "negative");
    expectLossError(() => tripletLoss([1], [1], [1], { margin: NaN }), "NOT_FINITE", fn, "margin");
    expectLossError(() => tripletLoss([1], [1], [1], { distance: "cosine" as TripletDistance }), "OUT_OF_DOMAIN", fn, "distance");
    expectLossError(() => tripletLoss([1], [1], [1], { reduction: "avg" as "mean" }), "OUT_OF_DOMAIN", fn, "reduction");
    expectLossError(() => tripletLoss("ab" as unknown as number[], [1], [1]), "INVALID_TYPE", fn, "anchor");
    expectLossError(() => tripletLoss([[1], [2]], [[1], [2]], [[1], [2]], { out: new Float64Array(3) }), "SHAPE_MISMATCH", fn, "out");
    expectLossError(() => tripletLossGrad([1, 2], [1, 2], [1]), "SHAPE_MISMATCH", "tripletLossGrad", "negative");
  });
});

describe("tripletLoss on typed rows (values checked inside the row loops)", () => {
  it("writes zeros for inactive rows of a large typed gradient and matches plain arrays", () => {
    // Even rows: negative = positive, so the gap is the margin (active); odd rows: positive = anchor and the negative
    // far away (inactive, gradient 0). 200 × 64 per output: uninitialised blocks, every entry must be written.
    const n = 200, d = 64;
    const a = Array.from({ length: n }, (_, r) => Array.from({ length: d }, (_, k) => Math.sin(r * d + k)));
    const p = a.map((row, r) => (r % 2 === 0 ? row.map((v) => v + 0.5) : row.slice()));
    const q = a.map((row, r) => (r % 2 === 0 ? p[r].slice() : row.map((v) => v + 3)));
    const typed = (m: number[][]) => m.map((r) => Float64Array.from(r));
    const g = tripletLossGrad(typed(a), typed(p), typed(q));
    expectClose(g, tripletLossGrad(a, p, q), EXACT);
    for (let r = 0; r < n; r++) {
      // By hand: active rows ∂/∂a = 2(n − p) = 0 here, ∂/∂p = 2(p − a) = 1, ∂/∂n = 2(a − n) = −1; inactive rows 0.
      const on = r % 2 === 0 ? 1 : 0;
      expect(Array.from(g.anchor[r]).every((v) => v === 0)).toBe(true);
      expectClose(g.positive[r], a[r].map(() => on), { rtol: 1e-15, atol: 1e-15 }); // (a + 0.5) − a rounds within an ulp
      expectClose(g.negative[r], a[r].map(() => -on), { rtol: 1e-15, atol: 1e-15 });
    }
  });

  it("reports NaN and ±∞ in typed rows with the eager read's codes", () => {
    const ok = [new Float64Array([0, 0])];
    expectLossError(() => tripletLoss([new Float64Array([NaN, 0])], ok, ok), "NOT_FINITE", "tripletLoss", "anchor");
    expectLossError(() => tripletLossGrad(ok, [new Float32Array([Infinity, 0])], ok), "NOT_FINITE", "tripletLossGrad", "positive");
    expectLossError(() => tripletLossGrad(ok, ok, [new Float64Array([0, -Infinity])], { distance: "euclidean" }), "NOT_FINITE", "tripletLossGrad", "negative");
  });
});
