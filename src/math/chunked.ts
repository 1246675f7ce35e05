/**
 * How the elementwise losses run their loops: a kernel function handles one chunk of at most `CHUNK` elements per
 * call, and the loss calls it chunk by chunk:
 *
 *     for (let from = 0; from < n; from += CHUNK) check += kernel(…, dst, at, from, Math.min(n, from + CHUNK));
 *
 * Why (measured, Node 20): V8 optimises a long-running loop while it runs (on-stack replacement) from the type
 * feedback it has seen so far, and code after a loop that has never run has none, so the optimised code drops
 * back to the interpreter at the loop's end (BCE's gradient at 1e6 elements: 80–110 ms cold, 9 ms after a warm-up
 * on ten elements). A kernel called once per chunk finishes its first call in microseconds and is then optimised
 * as a whole; and it spends V8's inlining budget (~920 bytes of bytecode per optimised function) on the fast math
 * it calls rather than on argument checking — when that budget runs out, a function such as `expFast` is called
 * instead of inlined and every float it returns is boxed on the heap. The kernel is called directly, with
 * positional arguments: passing it as a fresh closure per call made the same loop 4× slower.
 */
export const CHUNK = 2048;

/** Where a chunk's values go when the caller wants only their sum (reused; never handed out). */
export const SCRATCH = new Float64Array(CHUNK);

/** The sum of SCRATCH[0 … m), in two interleaved partial sums so that additions do not wait for each other. */
export function sumScratch(m: number): number {
  let s0 = 0;
  let s1 = 0;
  let i = 0;
  for (; i + 1 < m; i += 2) {
    s0 += SCRATCH[i];
    s1 += SCRATCH[i + 1];
  }
  return i < m ? s0 + s1 + SCRATCH[i] : s0 + s1;
}

/** One staging buffer per input slot (a loss reads at most five arrays per element). */
const STAGE = [0, 1, 2, 3, 4].map(() => new Float64Array(CHUNK));

/**
 * Elements [from, to) of `x` as a Float64Array indexed from 0: a view when x is a Float64Array, otherwise a copy
 * (Float32Array, number[]) into staging buffer `slot`. Kernels then only ever see Float64Array, so V8 compiles one
 * monomorphic loop (the same loop fed Float64Array and Float32Array ran ~1.8× slower on both, measured).
 */
export function chunkOf(x: ArrayLike<number>, from: number, to: number, slot: number): Float64Array {
  if (x instanceof Float64Array) return x.subarray(from, to);
  const s = STAGE[slot];
  if (x instanceof Float32Array) {
    s.set(x.subarray(from, to));
  } else {
    for (let i = from; i < to; i++) s[i - from] = x[i];
  }
  return s;
}

/** Where a chunk's values go: `out[from, to)` as a view, or SCRATCH (to be summed with {@link sumScratch}). */
export function chunkTarget(out: Float64Array | null, from: number, to: number): Float64Array {
  return out === null ? SCRATCH : out.subarray(from, to);
}
