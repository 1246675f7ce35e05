import type { BenchCase } from "../case";
import { ELEMENTWISE_CASES } from "./elementwise";
import { ROWWISE_CASES } from "./rowwise";

/**
 * Every benchmark case, in table order. Not benchmarked: `lossShares` and `preferenceRewards` (a handful of
 * scalars, or a by-product of `preferenceLoss`), and the helpers (`sigmoid`, `logsumexp`, `softmax` …), which the
 * losses exercise.
 */
export const ALL_CASES: readonly BenchCase[] = [...ELEMENTWISE_CASES, ...ROWWISE_CASES];
