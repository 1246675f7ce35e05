import { describe, expect, it } from "vitest";
import { CHUNK, SCRATCH, chunkOf, chunkTarget, sumScratch } from "../../src/math/chunked";

describe("chunkOf", () => {
  it("returns a view (no copy) of a Float64Array's chunk", () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i);
    const c = chunkOf(x, 3, 7, 0);
    expect(c.buffer).toBe(x.buffer);
    expect(Array.from(c)).toEqual([3, 4, 5, 6]);
  });

  it("copies a Float32Array's or a plain array's chunk into its slot, exactly (hand-checked values)", () => {
    const f32 = Float32Array.from([0.1, 0.2, 0.3, 0.4]);
    const c = chunkOf(f32, 1, 3, 1);
    expect(c.length).toBe(CHUNK);
    expect([c[0], c[1]]).toEqual([f32[1], f32[2]]); // 0.2 and 0.3 rounded to float32, widened exactly
    const p = chunkOf([5, 6, 7], 2, 3, 2);
    expect(p[0]).toBe(7);
    expect(chunkOf([1], 0, 1, 3)).not.toBe(chunkOf([1], 0, 1, 4)); // one buffer per slot
  });
});

describe("chunkTarget and sumScratch", () => {
  it("writes into out's chunk as a view, or into SCRATCH whose first m values sumScratch adds", () => {
    const out = new Float64Array(6);
    chunkTarget(out, 2, 5)[0] = 9;
    expect(out[2]).toBe(9);
    expect(chunkTarget(null, 0, 3)).toBe(SCRATCH);
    SCRATCH.set([1, 2, 3, 4, 5]);
    expect(sumScratch(5)).toBe(15); // (1 + 3 + 5) + (2 + 4)
    expect(sumScratch(4)).toBe(10);
    expect(sumScratch(1)).toBe(1);
    expect(sumScratch(0)).toBe(0);
  });
});
