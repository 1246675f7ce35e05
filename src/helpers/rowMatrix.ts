import { LossInputError, show } from "../core/errors";
import { allocFloat64, checkValues, isFloatArray, readMatrix, type ReadOptions, type Rows } from "../core/tensor";
import type { Matrix } from "../core/types";

// How the row-wise losses read a matrix and allocate a matrix result, for speed:
// - A Float64Array or Float32Array row holds numbers by construction, so with `defer` its values are not scanned
//   here: the row kernels fold a NaN check into their own arithmetic (a NaN makes a row's sum NaN) and, when it
//   fires, call `checkRows` (the eager read's value check), which throws exactly the error the eager read throws.
// - A matrix result is allocated in blocks of whole rows of at most BLOCK_BYTES each, not as one buffer. A large
//   fresh buffer is a new memory mapping whose every 4 KiB page faults on first write (Node does not ask for huge
//   pages): 1 GiB cost 5–10 s on the benchmark machine. Blocks under glibc's mmap threshold come from the heap,
//   where the blocks of results the garbage collector has freed are reused without faults (measured 0.3 s per GiB).

/** The largest block of rows a matrix result is allocated in (1 MiB; one row per block when a row is larger). */
export const BLOCK_BYTES = 1 << 20;

function isArrayish(x: unknown): boolean {
  return Array.isArray(x) || ArrayBuffer.isView(x);
}

/**
 * Reads a 2-D input as `readMatrix` does (same checks, same errors), except that with `defer` the values of
 * Float64Array and Float32Array rows are left for the caller's loop to check (see the note above).
 * @throws LossInputError `INVALID_TYPE`, `EMPTY`, `SHAPE_MISMATCH`, `NOT_FINITE` (rows not deferred)
 */
export function readRows(fn: string, arg: string, m: Matrix, opts: ReadOptions, defer: boolean): Rows {
  if (!defer || !Array.isArray(m) || m.length === 0 || !isFloatArray(m[0])) return readMatrix(fn, arg, m, opts);
  const nCols = m[0].length;
  if (nCols === 0) return readMatrix(fn, arg, m, opts); // the EMPTY error
  for (let r = 0; r < m.length; r++) {
    const row = m[r];
    if (isFloatArray(row) && row.length === nCols) continue;
    const vectorLike = ArrayBuffer.isView(row) || (Array.isArray(row) && (row.length === 0 || !isArrayish(row[0])));
    if (!vectorLike || (row as ArrayLike<unknown>).length !== nCols) {
      const got = isArrayish(row) ? `length ${(row as ArrayLike<unknown>).length}` : show(row);
      throw new LossInputError("SHAPE_MISMATCH", fn, arg, `must be rectangular (row ${r} has ${got}, row 0 has length ${nCols})`);
    }
    checkValues(fn, arg, row as ArrayLike<number>, opts, `${r}, `);
  }
  return { rows: m, nRows: m.length, nCols };
}

/**
 * Checks the values of every row in order, as the eager read does: call it when a deferred row's loop found a
 * NaN (or, where infinities are not allowed, a non-finite sum) to throw the error the eager read would.
 * @throws LossInputError `NOT_FINITE`, and nothing when every value is acceptable (the sum merely overflowed)
 */
export function checkRows(fn: string, arg: string, rows: Matrix, opts: ReadOptions): void {
  for (let r = 0; r < rows.length; r++) checkValues(fn, arg, rows[r], opts, `${r}, `);
}

/**
 * A matrix result [nRows, nCols]: the rows of the caller's `out` as views (row-major, no allocation) when given,
 * otherwise fresh rows allocated in blocks of at most {@link BLOCK_BYTES}. Fresh rows are NOT zeroed (`allocFloat64`):
 * the caller writes every element.
 */
export function matrixRows(nRows: number, nCols: number, out?: Float64Array): Float64Array[] {
  const rows: Float64Array[] = new Array(nRows);
  const perBlock = out !== undefined ? nRows : Math.max(1, Math.floor(BLOCK_BYTES / (8 * nCols)));
  for (let r0 = 0; r0 < nRows; r0 += perBlock) {
    const count = Math.min(perBlock, nRows - r0);
    const block = out !== undefined ? out : allocFloat64(count * nCols);
    const base = out !== undefined ? r0 * nCols : 0;
    for (let i = 0; i < count; i++) rows[r0 + i] = block.subarray(base + i * nCols, base + (i + 1) * nCols);
  }
  return rows;
}
