import type { BenchCase, CaseSize, Params } from "../case";
import { bernoulli, normal, uniform } from "../data";
import type { Dist, InputSpec } from "../data";

/** N = 1e3 … 1e7, the sizes for elementwise losses. */
const SIZES: readonly CaseSize[] = [
  { tier: "small", shape: [1_000] },
  { tier: "medium", shape: [100_000] },
  { tier: "medium", shape: [1_000_000] },
  { tier: "large", shape: [10_000_000] },
];

interface Elementwise {
  readonly id: string;
  readonly value: string;
  readonly grad: string;
  /** Input names (as in the API) and distributions, in call order. */
  readonly inputs: ReadonlyArray<readonly [string, Dist]>;
  readonly params?: Params;
  /** The value is a number (a reduced loss) rather than one value per element. */
  readonly scalar?: boolean;
  /** How many Float64 arrays of N the gradient writes (several for `{x1, x2}`-style gradients). */
  readonly gradArrays?: number;
  readonly note?: string;
}

function elementwise(e: Elementwise): BenchCase {
  return {
    id: e.id,
    value: e.value,
    grad: e.grad,
    sizes: SIZES,
    params: e.params ?? {},
    inputs: (shape): InputSpec[] => e.inputs.map(([name, dist], i) => ({ name, dist, stream: i + 1, shape })),
    outputs: ([n]) => ({ value: e.scalar === true ? 1 : n, grad: n * (e.gradArrays ?? 1) }),
    ...(e.note === undefined ? {} : { note: e.note }),
  };
}

/** Log-probabilities of whole sequences, as DPO sees them. */
const logp = normal(-20, 5);

export const ELEMENTWISE_CASES: readonly BenchCase[] = [
  elementwise({
    id: "mse",
    value: "mse",
    grad: "mseGrad",
    inputs: [["yPred", normal(0, 1)], ["yTrue", normal(0, 1)]],
    scalar: true,
    note: "reduction mean (the default): the value is one number",
  }),
  // Residuals with σ = 1.5 put about half the elements beyond δ = 1: the branch is unpredictable, as in real data.
  elementwise({ id: "huber", value: "huber", grad: "huberGrad", inputs: [["residual", normal(0, 1.5)]], params: { delta: 1 } }),
  elementwise({
    id: "smoothL1",
    value: "smoothL1",
    grad: "smoothL1Grad",
    inputs: [["residual", normal(0, 1.5)]],
    params: { beta: 1 },
  }),
  elementwise({
    id: "bce",
    value: "bceWithLogits",
    grad: "bceWithLogitsGrad",
    inputs: [["logits", normal(0, 3)], ["targets", bernoulli(0.5)]],
  }),
  elementwise({ id: "focal", value: "focalLoss", grad: "focalLossGrad", inputs: [["pt", uniform(0.001, 0.999)]], params: { gamma: 2 } }),
  elementwise({
    id: "sigmoidFocal",
    value: "sigmoidFocalLoss",
    grad: "sigmoidFocalLossGrad",
    inputs: [["logits", normal(0, 3)], ["targets", bernoulli(0.5)]],
    params: { alpha: 0.25, gamma: 2 },
  }),
  elementwise({
    id: "dpo",
    value: "preferenceLoss",
    grad: "preferenceLossGrad",
    inputs: [["logpW", logp], ["logpL", logp], ["refW", logp], ["refL", logp]],
    params: { beta: 0.1 },
    gradArrays: 4,
    note: "N pairs, four inputs; the gradient is {logpW, logpL, refW, refL}",
  }),
  elementwise({
    id: "marginRanking",
    value: "marginRankingLoss",
    grad: "marginRankingLossGrad",
    inputs: [["x1", normal(0, 1)], ["x2", normal(0, 1)], ["y", bernoulli(0.5, -1, 1)]],
    params: { margin: 0 },
    gradArrays: 2,
    note: "the gradient is {x1, x2}",
  }),
];
