import type { BenchCase } from "../case";
import { bernoulli, index, normal, uniform } from "../data";

/**
 * Row-wise and pairwise losses at the sizes. The small sizes of InfoNCE, maskedMean, tripletLoss and
 * clipLoss are not in the issue: they keep CI's smoke test fast.
 */
export const ROWWISE_CASES: readonly BenchCase[] = [
  {
    id: "softmaxCE",
    value: "softmaxCrossEntropy",
    grad: "softmaxCrossEntropyGrad",
    sizes: [
      { tier: "small", shape: [32, 1000] },
      { tier: "medium", shape: [512, 32000] },
      // 4096 × 32000 is 1 GiB per Float64 matrix: Float32 only unless --f64-large.
      { tier: "large", shape: [4096, 32000], f32Only: true },
    ],
    params: {},
    inputs: ([r, c]) => [
      { name: "logits", dist: normal(0, 2), stream: 1, shape: [r, c] },
      { name: "targets", dist: index(c), stream: 2, shape: [r] },
    ],
    outputs: ([r, c]) => ({ value: r, grad: r * c }),
    note: "class-index targets (an Int32Array); a vocabulary of 32000 is an LLM's",
  },
  {
    id: "infoNCE",
    value: "infoNCE",
    grad: "infoNCEGrad",
    sizes: [
      { tier: "small", shape: [128, 128] },
      { tier: "medium", shape: [1024, 1024] },
      { tier: "large", shape: [4096, 4096] },
    ],
    params: { temperature: 0.1 },
    inputs: ([r, c]) => [{ name: "sim", dist: uniform(-1, 1), stream: 1, shape: [r, c] }],
    outputs: ([r, c]) => ({ value: r, grad: r * c }),
    note: "the loss on a given similarity matrix (cosine similarities in [−1, 1])",
  },
  {
    id: "maskedMean",
    value: "maskedMean",
    grad: "maskedMeanGrad",
    sizes: [
      { tier: "small", shape: [32, 512] },
      { tier: "medium", shape: [1024, 8192] },
    ],
    params: {},
    inputs: (shape) => [
      { name: "values", dist: uniform(0, 5), stream: 1, shape },
      { name: "mask", dist: bernoulli(0.8), stream: 2, shape },
    ],
    outputs: ([r, c]) => ({ value: 1, grad: r * c }),
    note: "normalize global (the default): the value is one number; the mask has the values' dtype",
  },
  {
    id: "triplet",
    value: "tripletLoss",
    grad: "tripletLossGrad",
    sizes: [
      { tier: "small", shape: [128, 256] },
      { tier: "medium", shape: [4096, 256] },
    ],
    params: {},
    inputs: (shape) => [
      { name: "anchor", dist: normal(0, 1), stream: 1, shape },
      { name: "positive", dist: normal(0, 1), stream: 2, shape },
      { name: "negative", dist: normal(0, 1), stream: 3, shape },
    ],
    outputs: ([r, c]) => ({ value: r, grad: 3 * r * c }),
    note: "squared distance, margin 1 (the defaults): about half the rows are active",
  },
  {
    id: "clip",
    value: "clipLoss",
    grad: "clipLossGrad",
    sizes: [
      { tier: "small", shape: [64, 32] },
      { tier: "medium", shape: [1024, 256] },
    ],
    params: {},
    inputs: (shape) => [
      { name: "embA", dist: normal(0, 1), stream: 1, shape },
      { name: "embB", dist: normal(0, 1), stream: 2, shape },
    ],
    outputs: ([r, c]) => ({ value: 1, grad: 2 * r * c }),
    note: "B × D embeddings; bound by the B×B×D matrix products, where numpy calls multi-threaded BLAS",
  },
];
