/**
 * Distance in units in the last place between two float64s: how many representable numbers lie between them
 * (0 for identical values, also for +0 and −0; Infinity when exactly one is NaN or infinite).
 */
export function ulpDistance(a: number, b: number): number {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  return Math.abs(Number(ordinal(a) - ordinal(b)));
}

const view = new DataView(new ArrayBuffer(8));

/** The float64's position on the number line as an integer: consecutive floats have consecutive ordinals. */
function ordinal(x: number): bigint {
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

/** A small deterministic generator (mulberry32) so that every run checks the same inputs. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The largest ulp distance between f and g over the inputs, and where it occurs. */
export function maxUlp(inputs: Iterable<number>, f: (x: number) => number, g: (x: number) => number): { ulp: number; at: number } {
  let worst = { ulp: 0, at: NaN };
  for (const x of inputs) {
    const d = ulpDistance(f(x), g(x));
    if (d > worst.ulp) worst = { ulp: d, at: x };
  }
  return worst;
}
