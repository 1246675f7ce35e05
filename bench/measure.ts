import { Bench } from "tinybench";

/**
 * The timing protocol, the same on both sides (bench/numpy_bench.py repeats it): warm up for at least `warmupMs`
 * and `warmupIters` calls, then take one sample per call until the samples add up to `timeMs` and number at least
 * `minSamples`. Report the median and the median absolute deviation.
 */
export interface Protocol {
  readonly warmupMs: number;
  readonly warmupIters: number;
  readonly timeMs: number;
  readonly minSamples: number;
}

export const DEFAULT_PROTOCOL: Protocol = { warmupMs: 250, warmupIters: 2, timeMs: 500, minSamples: 5 };

/** One timed function: median and spread of the per-call latencies, in milliseconds. */
export interface Timing {
  readonly medianMs: number;
  /** Median absolute deviation from the median. */
  readonly madMs: number;
  readonly minMs: number;
  readonly samples: number;
}

/** Times `fn` with tinybench under `protocol`. Throws what `fn` throws. */
export function measure(name: string, fn: () => unknown, protocol: Protocol): Timing {
  const bench = new Bench({
    name,
    time: protocol.timeMs,
    iterations: protocol.minSamples,
    warmup: protocol.warmupIters > 0 || protocol.warmupMs > 0,
    warmupTime: protocol.warmupMs,
    warmupIterations: protocol.warmupIters,
    timestampProvider: "hrtimeNow",
    throws: true,
  });
  // Each result is stored where the optimiser must assume it is read, so no call can be optimised away; the last
  // one is dropped afterwards so that a large output is not kept alive while the numpy side runs.
  let last: unknown = null;
  bench.add(name, () => {
    last = fn();
  });
  const [task] = bench.runSync();
  const produced = last !== null;
  last = null;
  const r = task.result;
  if (r.state !== "completed") throw new Error(`${name}: benchmark ended in state ${r.state}`);
  if (!produced) throw new Error(`${name}: the timed function returned nothing`);
  return { medianMs: r.latency.p50, madMs: r.latency.mad, minMs: r.latency.min, samples: r.latency.samplesCount };
}
