/**
 * Checksums of a result, so that a run can show that losslab and numpy computed the same thing on the same data:
 * per part (the result itself, or each key of a gradient object) the count, the sum and the sum of absolute values.
 * bench/numpy_bench.py computes the same in float64.
 */
export interface PartSum {
  readonly count: number;
  readonly sum: number;
  readonly l1: number;
}

/** Keyed by part: "" for a number or an array, the key for each entry of an object such as `{x1, x2}`. */
export type Checksum = Readonly<Record<string, PartSum>>;

function add(acc: { count: number; sum: number; l1: number }, x: unknown, path: string): void {
  if (typeof x === "number") {
    acc.count += 1;
    acc.sum += x;
    acc.l1 += Math.abs(x);
  } else if (ArrayBuffer.isView(x) && !(x instanceof DataView)) {
    const a = x as unknown as ArrayLike<number>;
    for (let i = 0; i < a.length; i++) {
      acc.count += 1;
      acc.sum += a[i];
      acc.l1 += Math.abs(a[i]);
    }
  } else if (Array.isArray(x)) {
    for (const item of x) add(acc, item, path);
  } else {
    throw new Error(`checksum: unexpected ${Object.prototype.toString.call(x)} at ${path || "the result"}`);
  }
}

/** The checksum of a loss value (number or nested arrays) or of a gradient (nested arrays, or an object of them). */
export function checksum(result: unknown): Checksum {
  const parts: Record<string, PartSum> = {};
  const isPlainObject = typeof result === "object" && result !== null && !Array.isArray(result) && !ArrayBuffer.isView(result);
  const entries: Array<[string, unknown]> = isPlainObject ? Object.entries(result as object) : [["", result]];
  for (const [key, value] of entries) {
    const acc = { count: 0, sum: 0, l1: 0 };
    add(acc, value, key);
    parts[key] = acc;
  }
  return parts;
}

/**
 * The largest relative disagreement between two checksums: |Δsum| / max(l1) and |Δl1| / max(l1) over the parts,
 * or Infinity when the parts or counts differ (a different shape or a missing gradient key).
 */
export function disagreement(a: Checksum, b: Checksum): number {
  const keys = Object.keys(a).sort();
  const other = Object.keys(b).sort();
  if (keys.join(",") !== other.join(",")) return Infinity;
  let worst = 0;
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (x.count !== y.count) return Infinity;
    const scale = Math.max(x.l1, y.l1, Number.MIN_VALUE);
    worst = Math.max(worst, Math.abs(x.sum - y.sum) / scale, Math.abs(x.l1 - y.l1) / scale);
  }
  return Number.isNaN(worst) ? Infinity : worst;
}
