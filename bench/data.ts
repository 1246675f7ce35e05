/**
 * Benchmark inputs that the TypeScript and the numpy side generate identically from one description: a counter-based
 * hash (lowbias32) of the element index gives each element its own uniform number, so element i of an input is the
 * same on both sides whatever the size, and a smaller size is a prefix of a larger one (inputs are reused as views).
 * bench/numpy_bench.py implements the same functions; keep the two in step.
 */

/** How the values of one input are drawn. */
export type Dist =
  | { readonly kind: "normal"; readonly mean: number; readonly sd: number }
  | { readonly kind: "uniform"; readonly lo: number; readonly hi: number }
  | { readonly kind: "bernoulli"; readonly p: number; readonly lo: number; readonly hi: number }
  | { readonly kind: "index"; readonly n: number };

/** One input of a benchmark case: its name (the key both sides use), distribution, stream and shape. */
export interface InputSpec {
  readonly name: string;
  readonly dist: Dist;
  /** Selects an independent sequence; two inputs of one case must use different streams. */
  readonly stream: number;
  readonly shape: readonly number[];
}

export type Dtype = "f64" | "f32";
export type Numeric = Float64Array | Float32Array | Int32Array;

export const normal = (mean: number, sd: number): Dist => ({ kind: "normal", mean, sd });
export const uniform = (lo: number, hi: number): Dist => ({ kind: "uniform", lo, hi });
/** `hi` with probability p, else `lo`. */
export const bernoulli = (p: number, lo = 0, hi = 1): Dist => ({ kind: "bernoulli", p, lo, hi });
/** An integer class index in [0, n). */
export const index = (n: number): Dist => ({ kind: "index", n });

/** lowbias32 (C. Wellons): a well-mixed 32-bit integer hash. */
export function hash32(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

const TWO32 = 4294967296;

/** Uniform in (0, 1) for element i of stream s: (hash(hash(s) + i) + ½) / 2³². */
function unit(base: number, i: number): number {
  return (hash32((base + i) >>> 0) + 0.5) / TWO32;
}

/** The number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Writes elements [0, out.length) of an input into `out` (rounded to float32 when `out` is a Float32Array). */
export function fill(out: Numeric, dist: Dist, stream: number): void {
  const n = out.length;
  // Each stream owns two sub-streams (2s, 2s+1) so a normal variate can use two independent uniforms.
  const b1 = hash32(2 * stream);
  const b2 = hash32(2 * stream + 1);
  switch (dist.kind) {
    case "normal": {
      const { mean, sd } = dist;
      for (let i = 0; i < n; i++) {
        out[i] = mean + sd * Math.sqrt(-2 * Math.log(unit(b1, i))) * Math.cos(2 * Math.PI * unit(b2, i));
      }
      return;
    }
    case "uniform": {
      const { lo, hi } = dist;
      for (let i = 0; i < n; i++) out[i] = lo + (hi - lo) * unit(b1, i);
      return;
    }
    case "bernoulli": {
      const { p, lo, hi } = dist;
      for (let i = 0; i < n; i++) out[i] = unit(b1, i) < p ? hi : lo;
      return;
    }
    case "index": {
      for (let i = 0; i < n; i++) out[i] = Math.floor(unit(b1, i) * dist.n);
      return;
    }
  }
}

function allocate(dist: Dist, dtype: Dtype, n: number): Numeric {
  if (dist.kind === "index") return new Int32Array(n);
  return dtype === "f32" ? new Float32Array(n) : new Float64Array(n);
}

function distKey(spec: InputSpec): string {
  return `${spec.name}/${spec.stream}/${JSON.stringify(spec.dist)}`;
}

/**
 * Generated inputs of one dtype, kept so that the sizes of a case reuse them: a request for fewer elements than
 * a buffer holds returns a view of its prefix (no copy, no second generation). Run large sizes first.
 */
export class InputPool {
  private readonly buffers = new Map<string, Numeric>();

  constructor(readonly dtype: Dtype) {}

  /** The first `sizeOf(spec.shape)` elements of the input, flat. */
  flat(spec: InputSpec): Numeric {
    const n = sizeOf(spec.shape);
    const key = distKey(spec);
    const held = this.buffers.get(key);
    if (held !== undefined && held.length >= n) return held.subarray(0, n);
    this.buffers.delete(key); // let the smaller buffer go before allocating the larger one
    const buf = allocate(spec.dist, this.dtype, n);
    fill(buf, spec.dist, spec.stream);
    this.buffers.set(key, buf);
    return buf;
  }

  /** Bytes held by the pool. */
  get bytes(): number {
    let b = 0;
    for (const v of this.buffers.values()) b += v.byteLength;
    return b;
  }

  clear(): void {
    this.buffers.clear();
  }
}

/** Rows of a flat buffer as views (a `Matrix` in losslab's sense), without copying. */
export function rows<T extends Numeric>(flat: T, nRows: number, nCols: number): T[] {
  const out: T[] = new Array(nRows);
  for (let r = 0; r < nRows; r++) out[r] = flat.subarray(r * nCols, (r + 1) * nCols) as T;
  return out;
}
