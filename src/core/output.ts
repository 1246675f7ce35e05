import { LossInputError, show } from "./errors";

/**
 * The buffer a function writes `n` per-element results into: the caller's `out` (reused, no allocation) when
 * given, a fresh Float64Array otherwise. `arg` names the buffer in errors (`gradOut.x1` for {@link gradOutputBuffer}).
 * @throws LossInputError `SHAPE_MISMATCH` when `out` has the wrong length, `INVALID_TYPE` when it is not a Float64Array
 */
export function outputBuffer(fn: string, n: number, out: Float64Array | undefined, arg = "out"): Float64Array {
  if (out === undefined) return new Float64Array(n);
  if (!(out instanceof Float64Array)) {
    throw new LossInputError("INVALID_TYPE", fn, arg, `must be a Float64Array (got ${Object.prototype.toString.call(out)})`);
  }
  if (out.length !== n) {
    throw new LossInputError("SHAPE_MISMATCH", fn, arg, `must have ${n} elements, one per input element (got ${out.length})`);
  }
  return out;
}

/** True when two views share bytes: the same ArrayBuffer and intersecting byte ranges. */
export function overlaps(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return a.buffer === b.buffer && a.byteOffset < b.byteOffset + b.byteLength && b.byteOffset < a.byteOffset + a.byteLength;
}

/**
 * One buffer of a gradient's `gradOut` option, checked as {@link outputBuffer} checks `out` and named `gradOut.<key>`
 * in errors: the caller's Float64Array of `n` elements, or undefined when `buf` is undefined (the caller allocates).
 * @throws LossInputError `INVALID_TYPE` (not a Float64Array), `SHAPE_MISMATCH` (length ≠ n)
 */
export function gradOutputBuffer(fn: string, key: string, n: number, buf: unknown): Float64Array | undefined {
  return buf === undefined ? undefined : outputBuffer(fn, n, buf as Float64Array, `gradOut.${key}`);
}

/** The inputs a gradient reads, by argument name, each as its rows (a Vector is one row); non-typed rows are skipped. */
export type ReadInputs = Readonly<Record<string, ReadonlyArray<ArrayLike<number>>>>;

/**
 * Checks the `gradOut` option of a gradient with several results and returns the caller's buffers by key (a key
 * left out or undefined is absent: the caller allocates that result). `sizes` gives each key's element count, in
 * the order errors are looked for. Work per call, never per element: the keys, and one comparison per typed input
 * row and given buffer.
 *
 * Two given buffers must not overlap (one result would overwrite the other), and no given buffer may overlap an
 * input: the kernels read their inputs while they write, and re-read them after writing when a deferred check found
 * a NaN, so an overlap would give wrong results (or destroy the input of a call that then throws).
 * @throws LossInputError `INVALID_TYPE` (gradOut not a plain object, a buffer not a Float64Array), `OUT_OF_DOMAIN`
 * (an unknown key, overlapping buffers, a buffer overlapping an input), `SHAPE_MISMATCH` (a buffer's length)
 */
export function gradOutputBuffers<K extends string>(
  fn: string, gradOut: unknown, sizes: Readonly<Record<K, number>>, inputs: ReadInputs,
): Partial<Record<K, Float64Array>> {
  const given: Partial<Record<K, Float64Array>> = {};
  if (gradOut === undefined) return given;
  const keys = Object.keys(sizes) as K[];
  const expected = keys.join(", ");
  if (gradOut === null || typeof gradOut !== "object" || Array.isArray(gradOut) || ArrayBuffer.isView(gradOut)) {
    throw new LossInputError("INVALID_TYPE", fn, "gradOut", `must be an object of Float64Arrays with keys among ${expected} (got ${show(gradOut)})`);
  }
  const record = gradOut as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(keys as string[]).includes(key)) {
      throw new LossInputError("OUT_OF_DOMAIN", fn, `gradOut.${key}`, `is not a result of ${fn}: gradOut's keys must be among ${expected} (got key ${JSON.stringify(key)})`);
    }
  }
  const found: K[] = [];
  for (const key of keys) {
    const buf = gradOutputBuffer(fn, key, sizes[key], record[key]);
    if (buf === undefined) continue;
    for (const other of found) {
      if (overlaps(given[other] as Float64Array, buf)) {
        const detail = `must not overlap gradOut.${other}: one result would overwrite the other (got ${bytes(buf, given[other] as Float64Array)})`;
        throw new LossInputError("OUT_OF_DOMAIN", fn, `gradOut.${key}`, detail);
      }
    }
    checkApart(fn, key, buf, inputs);
    given[key] = buf;
    found.push(key);
  }
  return given;
}

/** Throws when `buf` shares memory with a typed row of any input. */
function checkApart(fn: string, key: string, buf: Float64Array, inputs: ReadInputs): void {
  for (const name of Object.keys(inputs)) {
    const rows = inputs[name];
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (ArrayBuffer.isView(row) && overlaps(row, buf)) {
        const where = rows.length > 1 ? ` (row ${r})` : "";
        const detail = `must not overlap the input ${name}${where}: the inputs are read while the gradient is written (got ${bytes(buf, row)})`;
        throw new LossInputError("OUT_OF_DOMAIN", fn, `gradOut.${key}`, detail);
      }
    }
  }
}

/** "bytes [a, b) and [c, d) of one ArrayBuffer", for an overlap error. */
function bytes(a: ArrayBufferView, b: ArrayBufferView): string {
  return `bytes [${a.byteOffset}, ${a.byteOffset + a.byteLength}) and [${b.byteOffset}, ${b.byteOffset + b.byteLength}) of one ArrayBuffer`;
}
