// The elementwise losses read Float64Array/Float32Array input in place, check its values inside their compute loops
// (re-reading eagerly only when that check fails) and run in chunks of CHUNK elements with fast exp/log. These
// tests pin what that must not change: typed input gives the same bits as the same numbers in a plain array, every
// bad value gives exactly the error an eager check gives (code, fn, arg and message), wherever it sits, and the
// fast math agrees with the same formulas written with Math.exp/Math.log.
import { describe, expect, it } from "vitest";
import {
  LossInputError, bceWithLogits, bceWithLogitsGrad, focalLoss, focalLossGrad, huber, huberGrad, marginRankingLoss,
  marginRankingLossGrad, mse, mseGrad, preferenceLoss, preferenceLossGrad, sigmoidFocalLoss, sigmoidFocalLossGrad,
  smoothL1, smoothL1Grad,
} from "../../src";
import { CHUNK } from "../../src/math/chunked";
import { expectClose } from "../support/close";
import { seededRandom } from "../math/ulp";

const N = 2 * CHUNK + 37; // three chunks, the last one partial
type Input = number[];
type Call = (inputs: ArrayLike<number>[], opts: Record<string, unknown>) => unknown;

interface Case {
  readonly name: string;
  readonly value: Call;
  readonly grad: Call;
  /** Fresh valid inputs of length n. */
  readonly inputs: (n: number, u: () => number) => Input[];
  /** Option sets to try (reductions, parameters). */
  readonly options: Record<string, unknown>[];
  /** Bad values per input index, each with the code an eager check gives. */
  readonly bad: [input: number, value: number][];
}

const normal = (u: () => number): number => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
const fill = (n: number, f: () => number): number[] => Array.from({ length: n }, f);
const reductions = [{}, { reduction: "none" }, { reduction: "mean" }, { reduction: "sum" }];

const CASES: Case[] = [
  { name: "mse", value: (x, o) => mse(x[0], x[1], o), grad: (x, o) => mseGrad(x[0], x[1], o),
    inputs: (n, u) => [fill(n, () => normal(u)), fill(n, () => normal(u))], options: reductions,
    bad: [[0, NaN], [1, Infinity], [0, -Infinity]] },
  { name: "huber", value: (x, o) => huber(x[0], o), grad: (x, o) => huberGrad(x[0], o),
    inputs: (n, u) => [fill(n, () => 1.5 * normal(u))], options: [...reductions, { delta: 0.3 }],
    bad: [[0, NaN], [0, Infinity]] },
  { name: "smoothL1", value: (x, o) => smoothL1(x[0], o), grad: (x, o) => smoothL1Grad(x[0], o),
    inputs: (n, u) => [fill(n, () => 1.5 * normal(u))], options: [...reductions, { beta: 0 }, { beta: 2.5 }],
    bad: [[0, NaN], [0, -Infinity]] },
  { name: "bceWithLogits", value: (x, o) => bceWithLogits(x[0], x[1], o), grad: (x, o) => bceWithLogitsGrad(x[0], x[1], o),
    inputs: (n, u) => [fill(n, () => 3 * normal(u)), fill(n, () => (u() < 0.5 ? 1 : u() < 0.5 ? 0 : u()))],
    options: [...reductions, { posWeight: 2.5 }], bad: [[0, NaN], [1, NaN], [1, 1.5], [1, -0.25], [1, Infinity]] },
  { name: "focalLoss", value: (x, o) => focalLoss(x[0], o), grad: (x, o) => focalLossGrad(x[0], o),
    inputs: (n, u) => [fill(n, () => 0.001 + 0.998 * u())], options: [...reductions, { gamma: 0.5 }, { gamma: 0 }],
    bad: [[0, NaN], [0, 1.25], [0, -0.5], [0, Infinity]] },
  { name: "sigmoidFocalLoss", value: (x, o) => sigmoidFocalLoss(x[0], x[1], o), grad: (x, o) => sigmoidFocalLossGrad(x[0], x[1], o),
    inputs: (n, u) => [fill(n, () => 3 * normal(u)), fill(n, () => (u() < 0.5 ? 1 : 0))],
    options: [...reductions, { alpha: null, gamma: 1.5 }], bad: [[0, NaN], [1, 2], [1, NaN]] },
  { name: "marginRankingLoss", value: (x, o) => marginRankingLoss(x[0], x[1], x[2], o), grad: (x, o) => marginRankingLossGrad(x[0], x[1], x[2], o),
    inputs: (n, u) => [fill(n, () => normal(u)), fill(n, () => normal(u)), fill(n, () => (u() < 0.5 ? 1 : -1))],
    options: [...reductions, { margin: 0.2 }], bad: [[0, NaN], [1, Infinity], [2, 0], [2, 0.5], [2, NaN]] },
  { name: "preferenceLoss", value: (x, o) => preferenceLoss(x[0], x[1], x[2], x[3], o), grad: (x, o) => preferenceLossGrad(x[0], x[1], x[2], x[3], o),
    inputs: (n, u) => [0, 1, 2, 3].map(() => fill(n, () => -20 + 5 * normal(u))),
    options: [...reductions, { lossType: "hinge" }, { lossType: "sigmoid", labelSmoothing: 0.1 }, { lossType: "ipo" }],
    bad: [[0, NaN], [3, -Infinity], [2, Infinity]] },
];

/** A result as plain nested arrays of numbers (typed arrays and gradient objects included), for bitwise comparison. */
function plain(x: unknown): unknown {
  if (typeof x === "number") return x;
  if (ArrayBuffer.isView(x) || Array.isArray(x)) return Array.from(x as ArrayLike<unknown>, plain);
  return Object.fromEntries(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, plain(v)]));
}

function thrown(f: () => unknown): LossInputError {
  try {
    f();
  } catch (e) {
    if (e instanceof LossInputError) return e;
    throw e;
  }
  throw new Error("expected a LossInputError");
}

describe.each(CASES)("$name on typed arrays", (c) => {
  const u = seededRandom(c.name.length * 7919);
  const inputs = c.inputs(N, u);

  it("gives the same bits for Float64Array and for the same numbers in plain arrays, across chunks", () => {
    const typed = inputs.map((x) => Float64Array.from(x));
    for (const o of c.options) {
      expect(plain(c.value(typed, o))).toEqual(plain(c.value(inputs, o)));
      expect(plain(c.grad(typed, o))).toEqual(plain(c.grad(inputs, o)));
    }
  });

  it("gives the same bits for Float32Array and for its float64 values in plain arrays", () => {
    const f32 = inputs.map((x) => Float32Array.from(x));
    const rounded = f32.map((x) => Array.from(x));
    for (const o of c.options) {
      expect(plain(c.value(f32, o))).toEqual(plain(c.value(rounded, o)));
      expect(plain(c.grad(f32, o))).toEqual(plain(c.grad(rounded, o)));
    }
  });

  it("reports a bad value anywhere exactly as the eager check of a plain array does", () => {
    for (const [arg, bad] of c.bad) {
      for (const at of [0, CHUNK + 5, N - 1]) {
        const broken = inputs.map((x, k) => (k === arg ? x.map((v, i) => (i === at ? bad : v)) : x));
        for (const Typed of [Float64Array, Float32Array]) {
          const typed = broken.map((x) => Typed.from(x));
          for (const call of [c.value, c.grad]) {
            for (const o of [{}, { reduction: "sum" }]) {
              const eager = thrown(() => call(broken, o));
              const fused = thrown(() => call(typed, o));
              expect([fused.code, fused.fn, fused.arg, fused.message]).toEqual([eager.code, eager.fn, eager.arg, eager.message]);
            }
          }
        }
      }
    }
  });

  it("reports a bad value before a bad `out`, as the eager order does", () => {
    const [arg, bad] = c.bad[0];
    const broken = inputs.map((x, k) => (k === arg ? x.map((v, i) => (i === 3 ? bad : v)) : x));
    const o = { reduction: "none", out: new Float64Array(2) };
    const eager = thrown(() => c.value(broken, o));
    const fused = thrown(() => c.value(broken.map((x) => Float64Array.from(x)), o));
    expect(fused.message).toBe(eager.message);
    expect(eager.code).not.toBe("SHAPE_MISMATCH");
  });
});

describe("the fast exp/log agree with Math.exp/Math.log inside the losses", () => {
  const u = seededRandom(2024);
  const n = 3 * CHUNK;
  const z = Float64Array.from({ length: n }, () => 4 * normal(u));
  const y = Float64Array.from({ length: n }, () => (u() < 0.5 ? 1 : 0));
  const pt = Float64Array.from({ length: n }, () => u());
  const h = Float64Array.from({ length: n }, () => 30 * normal(u));
  const zero = new Float64Array(n);
  const FEW_ULP = { rtol: 1e-14, atol: 1e-300 };
  const softplus = (x: number): number => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  const sigma = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

  it("bceWithLogits and its gradient (reference: (1 − y)·softplus(z) + y·softplus(−z), σ(z) − y with Math.*)", () => {
    expectClose(bceWithLogits(z, y), Array.from(z, (v, i) => (1 - y[i]) * softplus(v) + y[i] * softplus(-v)), FEW_ULP);
    expectClose(bceWithLogitsGrad(z, y), Array.from(z, (v, i) => (1 - y[i]) * sigma(v) - y[i] * sigma(-v)), FEW_ULP);
  });

  it("focalLoss and its gradient (reference: −(1 − p)²·log p and 2(1 − p)·log p − (1 − p)²/p with Math.log)", () => {
    expectClose(focalLoss(pt), Array.from(pt, (p) => -(1 - p) * (1 - p) * Math.log(p)), FEW_ULP);
    expectClose(focalLossGrad(pt), Array.from(pt, (p) => (1 - p) * (1 - p) * ((2 * Math.log(p)) / (1 - p) - 1 / p)), FEW_ULP);
  });

  it("sigmoidFocalLoss (reference: α_t·ce·(1 − p_t)² with Math.*)", () => {
    const ref = Array.from(z, (v, i) => {
      const t = y[i];
      const m = (1 - t) * sigma(v) + t * sigma(-v);
      return (0.25 * t + 0.75 * (1 - t)) * m * m * ((1 - t) * softplus(v) + t * softplus(-v));
    });
    expectClose(sigmoidFocalLoss(z, y), ref, FEW_ULP);
  });

  it("preferenceLoss and its gradient (reference: softplus(−βh), −β·σ(−βh) with Math.*)", () => {
    expectClose(preferenceLoss(h, zero, zero, zero), Array.from(h, (v) => softplus(-0.1 * v)), FEW_ULP);
    expectClose(preferenceLossGrad(h, zero, zero, zero).logpW, Array.from(h, (v) => -0.1 * sigma(-0.1 * v)), FEW_ULP);
  });
});
