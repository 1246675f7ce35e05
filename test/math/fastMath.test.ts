import { describe, expect, it } from "vitest";
import { expFast } from "../../src/math/exp";
import { log1pFast, logFast } from "../../src/math/log";
import { log1pUnit, logSigmoidFast, sigmoidFast, softplusFast } from "../../src/math/softplus";
import { maxUlp, seededRandom, ulpDistance } from "./ulp";

const SAMPLES = 400_000;
const MIN_NORMAL = 2.2250738585072014e-308;
const MIN_SUBNORMAL = 5e-324;

function* draws(seed: number, n: number, draw: (u: () => number) => number): Generator<number> {
  const u = seededRandom(seed);
  for (let i = 0; i < n; i++) yield draw(u);
}

/** Every power of two, its neighbours and the binade edges: where exponent handling goes wrong first. */
function* binadeEdges(): Generator<number> {
  for (let e = -1074; e <= 1023; e++) {
    const p = Math.pow(2, e);
    yield p;
    yield p * (1 + Number.EPSILON);
    yield p * (1 - Number.EPSILON / 2);
    yield p * Math.SQRT2;
  }
}

const SPECIAL = [0, -0, Infinity, -Infinity, NaN, MIN_SUBNORMAL, -MIN_SUBNORMAL, MIN_NORMAL, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1];

describe("expFast", () => {
  it("is within 1 ulp of Math.exp on random inputs over the whole range, incl. overflow and subnormal results", () => {
    expect(maxUlp(draws(1, SAMPLES, (u) => (u() - 0.5) * 1500), expFast, Math.exp).ulp).toBeLessThanOrEqual(1);
    expect(maxUlp(draws(2, SAMPLES, (u) => (u() - 0.5) * 4), expFast, Math.exp).ulp).toBeLessThanOrEqual(1);
    expect(maxUlp(draws(3, SAMPLES, (u) => (u() - 0.5) * 1e-6), expFast, Math.exp).ulp).toBeLessThanOrEqual(1);
    expect(maxUlp(draws(4, 20_000, (u) => 700 + u() * 20), expFast, Math.exp).ulp).toBeLessThanOrEqual(1);
    expect(maxUlp(draws(5, 20_000, (u) => -700 - u() * 50), expFast, Math.exp).ulp).toBeLessThanOrEqual(1);
  });

  it("agrees with Math.exp exactly at the edges: 0, ±Infinity, NaN, the overflow and underflow thresholds", () => {
    for (const x of [...SPECIAL, 708, -708, 709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412, 1e-300, -1e-300]) {
      expect(ulpDistance(expFast(x), Math.exp(x)), `x = ${x}`).toBeLessThanOrEqual(1);
    }
    expect(expFast(0)).toBe(1);
    expect(expFast(-Infinity)).toBe(0);
    expect(expFast(Infinity)).toBe(Infinity);
    expect(expFast(NaN)).toBeNaN();
  });

  it("is exact at multiples of ln 2 / 128 where the table is hit (e^(k ln2) = 2^k within 1 ulp)", () => {
    for (let k = -1000; k <= 1000; k++) expect(ulpDistance(expFast(k * Math.LN2), Math.exp(k * Math.LN2))).toBeLessThanOrEqual(1);
  });
});

describe("logFast", () => {
  it("returns exactly Math.log's bits (the same fdlibm algorithm) on random inputs of every magnitude and binade edges", () => {
    expect(maxUlp(draws(6, SAMPLES, (u) => Math.exp((u() - 0.5) * 1400)), logFast, Math.log).ulp).toBe(0);
    expect(maxUlp(draws(7, SAMPLES, (u) => u() * 4), logFast, Math.log).ulp).toBe(0);
    expect(maxUlp(draws(8, SAMPLES, (u) => 1 + (u() - 0.5) * 1e-6), logFast, Math.log).ulp).toBe(0);
    expect(maxUlp(draws(9, 20_000, (u) => u() * MIN_NORMAL), logFast, Math.log).ulp).toBe(0);
    expect(maxUlp(binadeEdges(), logFast, Math.log).ulp).toBe(0);
  });

  it("gives Math.log's special values: log 1 = 0, log 0 = −∞, log of a negative or NaN is NaN, log ∞ = ∞", () => {
    for (const x of SPECIAL) expect(ulpDistance(logFast(x), Math.log(x)), `x = ${x}`).toBe(0);
    expect(Object.is(logFast(1), 0)).toBe(true);
  });
});

describe("log1pFast", () => {
  it("is within 1 ulp of Math.log1p on random inputs from −1 to 1e300, incl. tiny ones", () => {
    expect(maxUlp(draws(10, SAMPLES, (u) => u() * 2 - 1), log1pFast, Math.log1p).ulp).toBeLessThanOrEqual(1);
    expect(maxUlp(draws(11, SAMPLES, (u) => Math.exp((u() - 0.5) * 1400)), log1pFast, Math.log1p).ulp).toBeLessThanOrEqual(1);
    expect(maxUlp(draws(12, SAMPLES, (u) => -Math.exp(-u() * 700)), log1pFast, Math.log1p).ulp).toBeLessThanOrEqual(1);
    expect(maxUlp(draws(13, SAMPLES, (u) => u()), log1pFast, Math.log1p).ulp).toBeLessThanOrEqual(1);
    expect(maxUlp(binadeEdges(), log1pFast, Math.log1p).ulp).toBeLessThanOrEqual(1);
  });

  it("gives Math.log1p's special values: ±0 kept, log1p(−1) = −∞, below −1 NaN", () => {
    for (const x of [...SPECIAL, -1 + Number.EPSILON / 2, -2]) expect(ulpDistance(log1pFast(x), Math.log1p(x)), `x = ${x}`).toBeLessThanOrEqual(1);
    expect(Object.is(log1pFast(-0), -0)).toBe(true);
    expect(log1pFast(-1)).toBe(-Infinity);
    expect(log1pFast(-2)).toBeNaN();
    expect(log1pFast(1e-300)).toBe(1e-300);
  });
});

describe("log1pUnit", () => {
  it("is within 2 ulp of Math.log1p on [0, 1]: uniform, tiny (e^−u·700) and at every table knot j/64", () => {
    // Measured: 2 ulp at most (the table's log1p(j/64) is Math.log1p's, itself within 1 ulp), 1 for e < 1/64.
    expect(maxUlp(draws(16, SAMPLES, (u) => u()), log1pUnit, Math.log1p).ulp).toBeLessThanOrEqual(2);
    expect(maxUlp(draws(17, SAMPLES, (u) => Math.exp(-u() * 700)), log1pUnit, Math.log1p).ulp).toBeLessThanOrEqual(2);
    expect(maxUlp(draws(18, SAMPLES, (u) => u() / 64), log1pUnit, Math.log1p).ulp).toBeLessThanOrEqual(1);
    const knots = Array.from({ length: 65 }, (_, j) => j / 64).flatMap((c) => [c, c * (1 + Number.EPSILON), c * (1 - Number.EPSILON / 2)]);
    expect(maxUlp(knots.filter((e) => e <= 1), log1pUnit, Math.log1p).ulp).toBeLessThanOrEqual(2);
  });

  it("keeps 0, the smallest subnormal and NaN: log1p(0) = 0, log1p(5e-324) = 5e-324", () => {
    expect(Object.is(log1pUnit(0), 0)).toBe(true);
    expect(log1pUnit(MIN_SUBNORMAL)).toBe(MIN_SUBNORMAL);
    expect(log1pUnit(1)).toBe(Math.LN2);
    expect(log1pUnit(NaN)).toBeNaN();
  });
});

describe("softplusFast, logSigmoidFast, sigmoidFast", () => {
  const plainSoftplus = (z: number): number => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  const plainSigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

  it("match the plain Math.* formulas within 3 ulp on random logits (|z| ≤ 50) and in the tails", () => {
    for (const [seed, scale] of [[14, 100], [15, 2000]] as const) {
      const zs = Array.from(draws(seed, SAMPLES / 2, (u) => (u() - 0.5) * scale));
      // Measured on 2·10⁶ logits: softplus and log σ at most 3 ulp apart, σ at most 2 (both sides round).
      expect(maxUlp(zs, softplusFast, plainSoftplus).ulp).toBeLessThanOrEqual(3);
      expect(maxUlp(zs, logSigmoidFast, (z) => -plainSoftplus(-z)).ulp).toBeLessThanOrEqual(3);
      expect(maxUlp(zs, sigmoidFast, plainSigmoid).ulp).toBeLessThanOrEqual(2);
    }
  });

  it("have the right limits: softplus(−∞) = 0, softplus(∞) = ∞, σ(±1000) = 1 and 0, NaN stays NaN", () => {
    expect(softplusFast(-Infinity)).toBe(0);
    expect(softplusFast(Infinity)).toBe(Infinity);
    expect(softplusFast(-1000)).toBe(0);
    expect(softplusFast(1000)).toBe(1000);
    expect(logSigmoidFast(-1000)).toBe(-1000);
    expect(logSigmoidFast(Infinity)).toBe(0);
    expect(sigmoidFast(1000)).toBe(1);
    expect(sigmoidFast(-1000)).toBe(0);
    expect(sigmoidFast(-Infinity)).toBe(0);
    expect(sigmoidFast(Infinity)).toBe(1);
    expect(softplusFast(NaN)).toBeNaN();
    expect(sigmoidFast(NaN)).toBeNaN();
  });
});
