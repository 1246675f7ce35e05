import { expect } from "vitest";
import { flat } from "./close";
import { expectLossError } from "./errors";

/** A gradient result entry: a Float64Array (Vector input) or its rows (Matrix input). */
type Entry = Float64Array | readonly Float64Array[];
type Grad<K extends string> = Readonly<Record<K, Entry>>;

/** One NaN-filled Float64Array per key, of the given lengths (NaN left anywhere shows an element not written). */
export function nanBuffers<K extends string>(sizes: Readonly<Record<K, number>>): Record<K, Float64Array> {
  const out = {} as Record<K, Float64Array>;
  for (const k of Object.keys(sizes) as K[]) out[k] = new Float64Array(sizes[k]).fill(NaN);
  return out;
}

/** Asserts `entry` is `buf` itself, or rows that are consecutive views covering all of `buf` (row-major). */
export function expectStoredIn(entry: Entry, buf: Float64Array): void {
  if (entry instanceof Float64Array) {
    expect(entry).toBe(buf);
    return;
  }
  let at = 0;
  for (const row of entry) {
    expect(row.buffer).toBe(buf.buffer);
    expect(row.byteOffset).toBe(buf.byteOffset + at * 8);
    at += row.length;
  }
  expect(at).toBe(buf.length);
}

/** The ArrayBuffer behind a result entry. */
function storage(entry: Entry): ArrayBufferLike {
  return entry instanceof Float64Array ? entry.buffer : entry[0].buffer;
}

/**
 * Asserts two arrays (typed, or rows) hold the same numbers bit for bit (Object.is: 0 ≠ −0, NaN = NaN), in the
 * same order.
 */
export function expectSameValues(actual: Entry | readonly number[], expected: Entry | readonly number[]): void {
  const a = flat(actual);
  const e = flat(expected);
  expect(e.length).toBeGreaterThan(0);
  expect(a.length).toBe(e.length);
  const differ = a.findIndex((v, i) => !Object.is(v, e[i]));
  expect(differ, differ < 0 ? "" : `element ${differ}: got ${a[differ]}, expected ${e[differ]}`).toBe(-1);
}

/**
 * Checks a gradient's `gradOut` on one input (`grad`) and a second input of the same shapes (`other`): given
 * buffers, NaN-filled, are returned as the results' storage, written completely, with exactly a fresh call's values;
 * a second call into the same buffers (still holding the first results) overwrites them with its own; each key
 * alone works and leaves the other results freshly allocated.
 */
export function expectGradOutReuse<K extends string>(
  sizes: Readonly<Record<K, number>>,
  grad: (gradOut?: Partial<Record<K, Float64Array>>) => Grad<K>,
  other: (gradOut?: Partial<Record<K, Float64Array>>) => Grad<K>,
): void {
  const keys = Object.keys(sizes) as K[];
  const fresh = grad();
  const freshOther = other();
  const bufs = nanBuffers(sizes);
  const first = grad(bufs);
  for (const k of keys) {
    expectStoredIn(first[k], bufs[k]);
    expectSameValues(first[k], fresh[k]);
  }
  const second = other(bufs);
  for (const k of keys) {
    expectStoredIn(second[k], bufs[k]);
    expectSameValues(bufs[k], freshOther[k]);
  }
  for (const k of keys) {
    const one = nanBuffers(sizes)[k];
    const r = grad({ [k]: one } as Partial<Record<K, Float64Array>>);
    expectStoredIn(r[k], one);
    for (const j of keys) {
      expectSameValues(r[j], fresh[j]);
      if (j !== k) expect(storage(r[j])).not.toBe(one.buffer);
    }
  }
}

/**
 * Checks the `gradOut` errors that do not depend on the inputs, each naming `fn` and the argument: a gradOut that is
 * not an object (`INVALID_TYPE`, `gradOut`), an unknown key (`OUT_OF_DOMAIN`, `gradOut.<key>`), a buffer that is not a
 * Float64Array (`INVALID_TYPE`) or has the wrong length (`SHAPE_MISMATCH`), and two buffers sharing memory, wholly or
 * in part (`OUT_OF_DOMAIN`, naming the later key).
 */
export function expectGradOutErrors<K extends string>(fn: string, sizes: Readonly<Record<K, number>>, grad: (gradOut: unknown) => unknown): void {
  const keys = Object.keys(sizes) as K[];
  for (const bad of [null, 5, "x", [new Float64Array(1)], new Float64Array(sizes[keys[0]])]) {
    expectLossError(() => grad(bad), "INVALID_TYPE", fn, "gradOut");
  }
  const typo = `${keys[0]}s`;
  const e = expectLossError(() => grad({ [typo]: new Float64Array(sizes[keys[0]]) }), "OUT_OF_DOMAIN", fn, `gradOut.${typo}`);
  expect(e.message).toContain(keys.join(", "));
  expectLossError(() => grad({ [keys[0]]: undefined, gradient: undefined }), "OUT_OF_DOMAIN", fn, "gradOut.gradient");
  for (const k of keys) {
    const n = sizes[k];
    expectLossError(() => grad({ [k]: new Float32Array(n) }), "INVALID_TYPE", fn, `gradOut.${k}`);
    expectLossError(() => grad({ [k]: new Array(n).fill(0) }), "INVALID_TYPE", fn, `gradOut.${k}`);
    expectLossError(() => grad({ [k]: new Float64Array(n + 1) }), "SHAPE_MISMATCH", fn, `gradOut.${k}`);
    expectLossError(() => grad({ [k]: new Float64Array(n).subarray(1) }), "SHAPE_MISMATCH", fn, `gradOut.${k}`);
  }
  const [k0, k1] = keys;
  const same = new Float64Array(sizes[k0]);
  const err = expectLossError(() => grad({ [k0]: same, [k1]: same }), "OUT_OF_DOMAIN", fn, `gradOut.${k1}`);
  expect(err.message).toContain(`must not overlap gradOut.${k0}`);
  // Partial overlap: views of one ArrayBuffer whose byte ranges intersect in one element.
  const shared = new Float64Array(sizes[k0] + sizes[k1] - 1);
  const apart = new Float64Array(sizes[k0] + sizes[k1]);
  expectLossError(() => grad({ [k0]: shared.subarray(0, sizes[k0]), [k1]: shared.subarray(sizes[k0] - 1) }), "OUT_OF_DOMAIN", fn, `gradOut.${k1}`);
  // Adjacent views of one ArrayBuffer do not overlap: accepted.
  expect(() => grad({ [k0]: apart.subarray(0, sizes[k0]), [k1]: apart.subarray(sizes[k0]) })).not.toThrow();
}
