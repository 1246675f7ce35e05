import { describe, expect, it } from "vitest";
import { ALLOCATOR_TEXT, describeMachine, nodeAllocatorPinned, renderMachine } from "../../bench/machine";
import { PINNED_MALLOC } from "../../bench/numpy";
import { ALLOCATOR_ENV } from "../../kernel/exec/allocatorEnv";

describe("bench machine description", () => {
  it("tells whether Node runs with the kernels' allocator settings", () => {
    expect(nodeAllocatorPinned({ ...ALLOCATOR_ENV })).toBe(true);
    expect(nodeAllocatorPinned({ ...ALLOCATOR_ENV, GLIBC_TUNABLES: "" })).toBe(false);
    expect(nodeAllocatorPinned({})).toBe(false);
  });

  it("runs numpy with the same settings as Node and the kernels", () => {
    expect(PINNED_MALLOC).toEqual(ALLOCATOR_ENV);
    expect(ALLOCATOR_TEXT).toBe("MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4294967296 GLIBC_TUNABLES=glibc.malloc.hugetlb=1");
  });

  it("records both sides' allocator in RESULTS.md's header", () => {
    const text = renderMachine(describeMachine(null, 0.5, new Date("2026-11-28T00:00:00Z")));
    expect(text).toMatch(/^- glibc allocator of Node (pinned|default \(not run through `npm run bench`\)), numpy not run; pinned = MALLOC_MMAP/m);
    expect(text).toContain("1-minute load average of 0.50");
  });
});
