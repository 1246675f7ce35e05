import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lossShares } from "../../src";
import { expectClose } from "../support/close";
import { expectLossError } from "../support/errors";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
const SEED = { rtol: 1e-7, atol: 1e-7 }; // the seed's check_close(tol=1e-7)
const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

describe("lossShares", () => {
  it("matches the seed's exercise 10: shares sum to one and CE dominates after weighting", () => {
    const shares = lossShares({ ce: 0.8, kl: 0.05, aux: 2.0 }, { ce: 1.0, kl: 10.0, aux: 0.1 });
    expectClose(sum(shares), 1.0, SEED);
    expect(shares.ce).toBeGreaterThan(shares.aux);
    // Hand-worked: contributions 0.8, 0.5, 0.2 of a total 1.5.
    expectClose(shares, { ce: 0.8 / 1.5, kl: 0.5 / 1.5, aux: 0.2 / 1.5 }, EXACT);
    expect(Object.keys(shares)).toEqual(["ce", "kl", "aux"]);
  });

  it("gives zero shares to zero weights or terms, and takes the keys in terms' order (hand-worked)", () => {
    // Contributions: a 0·5 = 0, b 2·3 = 6, c 1·2 = 2 → 0, 0.75, 0.25.
    const shares = lossShares({ a: 5, b: 3, c: 2 }, { c: 1, b: 2, a: 0 });
    expectClose(shares, { a: 0, b: 0.75, c: 0.25 }, EXACT);
    expect(Object.keys(shares)).toEqual(["a", "b", "c"]);
  });

  it("keeps a key named __proto__ as a plain entry", () => {
    const terms = JSON.parse('{"__proto__": 1, "b": 3}') as Record<string, number>;
    const shares = lossShares(terms, JSON.parse('{"__proto__": 1, "b": 1}') as Record<string, number>);
    expect(Object.keys(shares)).toEqual(["__proto__", "b"]);
    expect(Object.getPrototypeOf(shares)).toBe(Object.prototype);
    expectClose(Object.getOwnPropertyDescriptor(shares, "__proto__")?.value, 0.25, EXACT);
    expectClose(shares.b, 0.75, EXACT);
  });

  it("sums to 1, lies in [0, 1] and ignores a common scale of the weights (property)", () => {
    const rec = fc.dictionary(fc.constantFrom("ce", "kl", "aux", "z", "w"), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), { minKeys: 1 });
    fc.assert(
      fc.property(rec, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (terms, c) => {
        const weights = Object.fromEntries(Object.keys(terms).map((k, i) => [k, (i + 1) / 3]));
        const shares = lossShares(terms, weights);
        expectClose(sum(shares), 1, { rtol: 1e-12, atol: 1e-15 });
        expect(Object.values(shares).every((s) => s >= 0 && s <= 1)).toBe(true);
        const scaled = lossShares(terms, Object.fromEntries(Object.entries(weights).map(([k, w]) => [k, c * w])));
        expectClose(scaled, shares, { rtol: 1e-12, atol: 1e-15 });
      }),
    );
  });

  it("stays finite and exact when products overflow or underflow", () => {
    // 1e200·1e200 overflows and 1e-200·1e-200 underflows; shares are still 1 : 3.
    expectClose(lossShares({ a: 1e200, b: 1e200 }, { a: 1e200, b: 3e200 }), { a: 0.25, b: 0.75 }, EXACT);
    expectClose(lossShares({ a: 1e-200, b: 1e-200 }, { a: 1e-200, b: 3e-200 }), { a: 0.25, b: 0.75 }, EXACT);
    // Largest weight and largest term on keys that contribute nothing; c alone contributes 1e-400: share 1.
    expectClose(lossShares({ a: 0, b: 1, c: 1e-200 }, { a: 1, b: 0, c: 1e-200 }), { a: 0, b: 0, c: 1 }, EXACT);
    expectClose(lossShares({ a: 1e308, b: 1e-308 }, { a: 1e308, b: 1e-308 }), { a: 1, b: 0 }, EXACT);
  });

  it("rejects bad input with typed errors", () => {
    const fn = "lossShares";
    expectLossError(() => lossShares({}, {}), "EMPTY", fn, "terms");
    expectLossError(() => lossShares({ a: 1, b: 1 }, { a: 1 }), "SHAPE_MISMATCH", fn, "weights");
    expectLossError(() => lossShares({ a: 1 }, { a: 1, c: 1 }), "SHAPE_MISMATCH", fn, "weights");
    expectLossError(() => lossShares({ a: -1, b: 2 }, { a: 1, b: 1 }), "OUT_OF_DOMAIN", fn, "terms");
    expectLossError(() => lossShares({ a: 1 }, { a: -0.5 }), "OUT_OF_DOMAIN", fn, "weights");
    expectLossError(() => lossShares({ a: 0, b: 3 }, { a: 2, b: 0 }), "OUT_OF_DOMAIN", fn, "terms");
    expectLossError(() => lossShares({ a: NaN }, { a: 1 }), "NOT_FINITE", fn, "terms");
    expectLossError(() => lossShares({ a: 1 }, { a: Infinity }), "NOT_FINITE", fn, "weights");
    expectLossError(() => lossShares({ a: "1" } as unknown as Record<string, number>, { a: 1 }), "INVALID_TYPE", fn, "terms");
    expectLossError(() => lossShares([1, 2] as unknown as Record<string, number>, { 0: 1, 1: 1 }), "INVALID_TYPE", fn, "terms");
    expectLossError(() => lossShares({ a: 1 }, null as unknown as Record<string, number>), "INVALID_TYPE", fn, "weights");
  });
});
