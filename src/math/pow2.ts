/**
 * Exact powers of two, 2^e for e = −1074 … 1023, and a view of one float64's bits: the shared pieces of
 * {@link expFast} and {@link logFast}. Multiplying by a power of two is exact (unless the result leaves the normal
 * range), so scaling by `pow2(e)` replaces the bit surgery a C implementation would do on the exponent field.
 */
export const POW2_BIAS = 1074;

/** `POW2[e + POW2_BIAS]` = 2^e, exactly, for e = −1074 … 1023. */
export const POW2 = new Float64Array(POW2_BIAS + 1024);
for (let e = -POW2_BIAS; e <= 1023; e++) POW2[e + POW2_BIAS] = Math.pow(2, e);

/** One float64 and its two 32-bit halves. Written as a float, read as words: `highWord(x)` below. */
const SCRATCH = new DataView(new ArrayBuffer(8));

/** The upper 32 bits of x's IEEE-754 representation: sign, the 11 exponent bits and the top 20 mantissa bits. */
export function highWord(x: number): number {
  SCRATCH.setFloat64(0, x, true);
  return SCRATCH.getInt32(4, true);
}
