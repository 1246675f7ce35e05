import { LossInputError, show } from "./errors";
import type { NestedFloat64, Tensor } from "./types";

/** A tensor read into one flat buffer (no copy for 1-D input) with its shape. */
export interface Flat {
  readonly data: ArrayLike<number>;
  readonly shape: readonly number[];
}

/** What {@link flatten} accepts besides finite numbers. */
export interface ReadOptions {
  /** Let ±Infinity through (NaN is always rejected). Default false. */
  readonly allowInfinite?: boolean;
  /**
   * Do not scan a 1-D Float64Array or Float32Array: its elements are numbers, and the caller checks their values in
   * its own loop, then reads again without this flag when that check fails ({@link readDeferred}). Default false.
   */
  readonly deferFloatArrays?: boolean;
}

/** The typed inputs the losses read in place and check inside their own loops. */
export type FloatArray = Float64Array | Float32Array;

/** True for a Float64Array or Float32Array. */
export function isFloatArray(x: unknown): x is FloatArray {
  return x instanceof Float64Array || x instanceof Float32Array;
}

/**
 * Reads a function's inputs with value scans deferred to its loop (`read(true)`: see
 * {@link ReadOptions.deferFloatArrays}); when that read throws, the checking read (`read(false)`) runs first, so
 * that an input with several problems reports the same one as an eager read would.
 */
export function readDeferred<T>(read: (defer: boolean) => T): T {
  try {
    return read(true);
  } catch (e) {
    read(false);
    throw e;
  }
}

/**
 * `x` itself when a deferred read may skip checking it (`defer` and a non-empty Float64Array/Float32Array), else
 * null: the caller then reads it with its checking reader.
 */
export function deferredVector(x: unknown, defer: boolean): FloatArray | null {
  return defer && isFloatArray(x) && x.length > 0 ? x : null;
}

/**
 * A new Float64Array of n elements for a result that the caller overwrites completely. Large ones are taken
 * uninitialised (Node's `Buffer.allocUnsafeSlow`): zero-filling 8 MB and then overwriting it cost ~3 ms per call
 * (measured, 1e6 elements), more than computing most losses.
 */
export function allocFloat64(n: number): Float64Array {
  if (n < 8192 || typeof Buffer === "undefined") return new Float64Array(n);
  return new Float64Array(Buffer.allocUnsafeSlow(n * 8).buffer, 0, n);
}

/** True when every element is finite (NaN and ±Infinity fail): one subtraction and add per element, no branch. */
function allFinite(data: FloatArray): boolean {
  let a = 0;
  let b = 0;
  const n = data.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    a += data[i] - data[i]; // 0 for a finite number, NaN otherwise, and NaN stays
    b += data[i + 1] - data[i + 1];
  }
  if (i < n) a += data[i] - data[i];
  return a + b === 0;
}

function isVectorLike(x: unknown): x is ArrayLike<number> {
  return ArrayBuffer.isView(x) || (Array.isArray(x) && (x.length === 0 || !isArrayish(x[0])));
}

function isArrayish(x: unknown): boolean {
  return Array.isArray(x) || ArrayBuffer.isView(x);
}

/**
 * Checks every element of a flat buffer: a number, not NaN, finite unless `allowInfinite`.
 * @throws LossInputError `INVALID_TYPE` (not a number), `SHAPE_MISMATCH` (an array where a number belongs: mixed depths), `NOT_FINITE`
 */
export function checkValues(fn: string, arg: string, data: ArrayLike<number>, opts: ReadOptions = {}, at = ""): void {
  if (isFloatArray(data) && allFinite(data)) return; // the common case; otherwise find the first offender below
  const plain = Array.isArray(data);
  const allowInfinite = opts.allowInfinite === true;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    // v - v is 0 for finite numbers and NaN for NaN and ±Infinity: one comparison on the fast path.
    if (v - v === 0 && (!plain || typeof v === "number")) continue;
    if (plain && isArrayish(v)) {
      throw new LossInputError("SHAPE_MISMATCH", fn, arg, `must be rectangular (got an array where a number was expected, at index ${at}${i})`);
    }
    if (plain && typeof v !== "number") {
      throw new LossInputError("INVALID_TYPE", fn, arg, `must hold numbers (got ${show(v)} at index ${at}${i})`);
    }
    if (Number.isNaN(v)) throw new LossInputError("NOT_FINITE", fn, arg, `must not contain NaN (got NaN at index ${at}${i})`);
    if (!allowInfinite) {
      throw new LossInputError("NOT_FINITE", fn, arg, `must be finite (got ${show(v)} at index ${at}${i})`);
    }
  }
}

/**
 * Reads a nested array of any depth into a flat buffer and its shape. 1-D input (array or typed array) is used
 * as is, without a copy; deeper input is copied once into a Float64Array. Values are checked with
 * {@link checkValues}.
 * @throws LossInputError `INVALID_TYPE` (not an array), `EMPTY`, `SHAPE_MISMATCH` (ragged), `NOT_FINITE`
 */
export function flatten(fn: string, arg: string, x: Tensor, opts: ReadOptions = {}): Flat {
  if (!isArrayish(x)) {
    throw new LossInputError("INVALID_TYPE", fn, arg, `must be an array or typed array (got ${show(x)})`);
  }
  if (isVectorLike(x)) {
    if (x.length === 0) throw new LossInputError("EMPTY", fn, arg, "must not be empty (got [])");
    if (opts.deferFloatArrays !== true || !isFloatArray(x)) checkValues(fn, arg, x, opts);
    return { data: x, shape: [x.length] };
  }
  const shape = shapeOf(fn, arg, x);
  const size = shape.reduce((a, b) => a * b, 1);
  if (size === 0) throw new LossInputError("EMPTY", fn, arg, `must not be empty (got shape [${shape.join(", ")}])`);
  const data = new Float64Array(size);
  let offset = 0;
  const visit = (node: Tensor, depth: number): void => {
    if (depth === shape.length - 1) {
      const row = node as ArrayLike<number>;
      checkValues(fn, arg, row, opts);
      for (let i = 0; i < row.length; i++) data[offset + i] = row[i];
      offset += row.length;
      return;
    }
    const rows = node as ReadonlyArray<Tensor>;
    for (let i = 0; i < rows.length; i++) visit(rows[i], depth + 1);
  };
  visit(x, 0);
  return { data, shape };
}

/** The shape of a nested array, checking that it is rectangular. */
function shapeOf(fn: string, arg: string, x: Tensor): number[] {
  const shape: number[] = [];
  let node: unknown = x;
  while (isArrayish(node)) {
    const arr = node as ArrayLike<unknown>;
    shape.push(arr.length);
    if (arr.length === 0 || ArrayBuffer.isView(arr)) break;
    node = arr[0];
  }
  const check = (n: unknown, depth: number, path: string): void => {
    const want = shape[depth];
    if (!isArrayish(n) || (n as ArrayLike<unknown>).length !== want) {
      const got = isArrayish(n) ? `length ${(n as ArrayLike<unknown>).length}` : show(n);
      throw new LossInputError(
        "SHAPE_MISMATCH", fn, arg,
        `must be rectangular (got ${got} at ${path || "top level"}, expected length ${want}; shape so far [${shape.join(", ")}])`,
      );
    }
    if (depth === shape.length - 1) return;
    const arr = n as ArrayLike<unknown>;
    for (let i = 0; i < arr.length; i++) check(arr[i], depth + 1, `${path}[${i}]`);
  };
  check(x, 0, "");
  return shape;
}

/** Rebuilds the nesting of `shape` around a flat Float64Array (rows share its buffer, no copy). */
export function unflatten(data: Float64Array, shape: readonly number[]): NestedFloat64 {
  if (shape.length <= 1) return data;
  const build = (offset: number, depth: number): NestedFloat64 => {
    const n = shape[depth];
    if (depth === shape.length - 1) return data.subarray(offset, offset + n);
    const stride = shape.slice(depth + 1).reduce((a, b) => a * b, 1);
    const out: NestedFloat64[] = [];
    for (let i = 0; i < n; i++) out.push(build(offset + i * stride, depth + 1));
    return out;
  };
  return build(0, 0);
}

/**
 * Checks that two read tensors have the same shape.
 * @throws LossInputError `SHAPE_MISMATCH` naming `argB`
 */
export function assertSameShape(fn: string, argA: string, a: Flat, argB: string, b: Flat): void {
  const sa = a.shape;
  const sb = b.shape;
  if (sa.length === sb.length && sa.every((n, i) => n === sb[i])) return;
  throw new LossInputError(
    "SHAPE_MISMATCH", fn, argB,
    `must have the shape of ${argA}: shape mismatch, got [${sb.join(", ")}] and [${sa.join(", ")}]`,
  );
}

/** A matrix read row by row (rows are not copied). */
export interface Rows {
  readonly rows: ReadonlyArray<ArrayLike<number>>;
  readonly nRows: number;
  readonly nCols: number;
}

/**
 * Reads a 2-D input (an array of equally long rows) without copying the rows.
 * @throws LossInputError `INVALID_TYPE`, `EMPTY`, `SHAPE_MISMATCH` (ragged or not 2-D), `NOT_FINITE`
 */
export function readMatrix(fn: string, arg: string, m: ReadonlyArray<ArrayLike<number>>, opts: ReadOptions = {}): Rows {
  if (ArrayBuffer.isView(m)) {
    throw new LossInputError("SHAPE_MISMATCH", fn, arg, `must be a matrix: an array of rows (got a 1-D typed array of length ${(m as unknown as ArrayLike<number>).length})`);
  }
  if (!Array.isArray(m)) throw new LossInputError("INVALID_TYPE", fn, arg, `must be an array of rows (got ${show(m)})`);
  if (m.length === 0) throw new LossInputError("EMPTY", fn, arg, "must have at least one row (got [])");
  const first = m[0];
  if (!isVectorLike(first)) {
    throw new LossInputError("SHAPE_MISMATCH", fn, arg, `must be a matrix: an array of number rows (got ${show(first)} as row 0)`);
  }
  const nCols = first.length;
  if (nCols === 0) throw new LossInputError("EMPTY", fn, arg, `must have at least one column (got shape [${m.length}, 0])`);
  for (let r = 0; r < m.length; r++) {
    const row = m[r];
    if (!isVectorLike(row) || row.length !== nCols) {
      const got = isArrayish(row) ? `length ${(row as ArrayLike<unknown>).length}` : show(row);
      throw new LossInputError("SHAPE_MISMATCH", fn, arg, `must be rectangular (row ${r} has ${got}, row 0 has length ${nCols})`);
    }
    checkValues(fn, arg, row, opts, `${r}, `);
  }
  return { rows: m, nRows: m.length, nCols };
}
