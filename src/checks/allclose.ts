/**
 * numpy's `allclose` without broadcasting: same shape, and |a − b| ≤ atol + rtol·|b| for every element
 * (NaN is never close; equal infinities are). Numbers, arrays, typed arrays and nested arrays compare
 * structurally; a number never equals an array.
 *
 * @example
 * allclose([1, 2], [1, 2 + 1e-9], 1e-7, 1e-7); // => true
 * allclose([1, 2], [1, 2, 3], 1e-7, 1e-7); // => false
 */
export function allclose(value: unknown, expected: unknown, atol: number, rtol: number): boolean {
  if (typeof value === "number" && typeof expected === "number") {
    if (value === expected) return true; // also equal infinities
    if (!Number.isFinite(value) || !Number.isFinite(expected)) return false;
    return Math.abs(value - expected) <= atol + rtol * Math.abs(expected);
  }
  const isArr = (x: unknown): x is ArrayLike<unknown> => Array.isArray(x) || ArrayBuffer.isView(x);
  if (isArr(value) && isArr(expected)) {
    if (value.length !== expected.length) return false;
    for (let i = 0; i < value.length; i++) if (!allclose(value[i], expected[i], atol, rtol)) return false;
    return true;
  }
  return false;
}
