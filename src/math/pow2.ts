/**
 * Exact powers of two and a view of a float64's bits: the pieces {@link expFast} and {@link logFast} share.
 * Multiplying by a power of two is exact (while the result stays normal), so scaling by `POW2[e + 1074]` replaces
 * the bit surgery on the exponent field that a C implementation would do.
 */

/** `POW2[e + 1074]` = 2^e, exactly, for e = −1074 … 1023. */
export const POW2 = new Float64Array(1074 + 1024);
for (let e = -1074; e <= 1023; e++) POW2[e + 1074] = Math.pow(2, e);

/**
 * One float64 seen as two 32-bit words: write `BITS_F64[0] = x`, read the high word (sign, 11 exponent bits, top 20
 * mantissa bits) as `BITS_I32[HIGH]`. HIGH is 1 on little-endian machines (all Node platforms but s390x).
 */
export const BITS_F64 = new Float64Array(1);
export const BITS_I32 = new Int32Array(BITS_F64.buffer);
export const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
