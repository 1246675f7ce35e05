/**
 * C = X·Yᵀ for row-major X [n1, d] and Y [n2, d] (both rows contiguous along d), written into the rows of `out`
 * (out[i][j] = Σₖ X[i, k]·Y[j, k]). Every entry is one dot product summed left to right in k, as the plain triple
 * loop sums it; blocks of 4 × 4 entries are computed together so that each loaded X and Y value is used four times
 * (16 products per 8 loads instead of 1 per 2): ~4 GFLOP/s in V8 on one core, ~2.3× the plain loop (measured,
 * 1024 × 1024 × 256). No allocation.
 */
export function multiplyABt(x: Float64Array, y: Float64Array, n1: number, n2: number, d: number, out: Float64Array[]): void {
  const i4 = n1 - (n1 % 4);
  const j4 = n2 - (n2 % 4);
  for (let i = 0; i < i4; i += 4) {
    const a0 = i * d, a1 = a0 + d, a2 = a1 + d, a3 = a2 + d;
    const o0 = out[i], o1 = out[i + 1], o2 = out[i + 2], o3 = out[i + 3];
    for (let j = 0; j < j4; j += 4) {
      const b0 = j * d, b1 = b0 + d, b2 = b1 + d, b3 = b2 + d;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let k = 0; k < d; k++) {
        const x0 = x[a0 + k], x1 = x[a1 + k], x2 = x[a2 + k], x3 = x[a3 + k];
        let v = y[b0 + k];
        s00 += x0 * v; s10 += x1 * v; s20 += x2 * v; s30 += x3 * v;
        v = y[b1 + k];
        s01 += x0 * v; s11 += x1 * v; s21 += x2 * v; s31 += x3 * v;
        v = y[b2 + k];
        s02 += x0 * v; s12 += x1 * v; s22 += x2 * v; s32 += x3 * v;
        v = y[b3 + k];
        s03 += x0 * v; s13 += x1 * v; s23 += x2 * v; s33 += x3 * v;
      }
      o0[j] = s00; o0[j + 1] = s01; o0[j + 2] = s02; o0[j + 3] = s03;
      o1[j] = s10; o1[j + 1] = s11; o1[j + 2] = s12; o1[j + 3] = s13;
      o2[j] = s20; o2[j + 1] = s21; o2[j + 2] = s22; o2[j + 3] = s23;
      o3[j] = s30; o3[j + 1] = s31; o3[j + 2] = s32; o3[j + 3] = s33;
    }
    for (let j = j4; j < n2; j++) {
      for (let r = 0; r < 4; r++) out[i + r][j] = dot(x, (i + r) * d, y, j * d, d);
    }
  }
  for (let i = i4; i < n1; i++) {
    const o = out[i];
    for (let j = 0; j < n2; j++) o[j] = dot(x, i * d, y, j * d, d);
  }
}

/** Σₖ x[a + k]·y[b + k] for k < d, left to right. */
function dot(x: Float64Array, a: number, y: Float64Array, b: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += x[a + k] * y[b + k];
  return s;
}

/** The transpose of a row-major [rows, cols] matrix, into `dst` [cols, rows] (row-major). */
export function transpose(src: Float64Array, rows: number, cols: number, dst: Float64Array): Float64Array {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) dst[j * rows + i] = src[o + j];
  }
  return dst;
}
