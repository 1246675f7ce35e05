// How losslab's kernels ask glibc for memory. Plain JavaScript so that bin/losslab.js and kernel/run/forkKernel.js
// can use it before any TypeScript is loaded; typed by allocatorEnv.d.ts.
//
// A result of the library is a fresh Float64Array (8 MB at 10⁶ elements, 80 MB at 10⁷). On the virtual machines
// this project runs on, a page fault on fresh memory costs ~15–20 µs, so how glibc hands out that memory decides
// how long a gradient takes (bench/README.md, "Node's allocator"):
// - MALLOC_MMAP_THRESHOLD_ = 32 MiB (glibc's ceiling for its adaptive threshold, held fixed) and
//   MALLOC_TRIM_THRESHOLD_ = 4 GiB: results under 32 MiB come from the heap, where results the garbage collector
//   freed are reused without faults, whatever the process's history.
// - glibc.malloc.hugetlb=1 (glibc ≥ 2.35): larger results, which glibc maps afresh, are advised to use transparent
//   huge pages, one fault per 2 MiB instead of per 4 KiB (numpy asks for the same on its own large arrays).
// The benchmark (package.json's `bench`) runs with the same settings, so its numbers are what a notebook gets.
"use strict";

/** The variables, as strings. */
const ALLOCATOR_ENV = Object.freeze({
  MALLOC_MMAP_THRESHOLD_: "33554432",
  MALLOC_TRIM_THRESHOLD_: "4294967296",
  GLIBC_TUNABLES: "glibc.malloc.hugetlb=1",
});

/**
 * `env` with {@link ALLOCATOR_ENV} added: a variable the caller already set wins, and an existing GLIBC_TUNABLES
 * list gets `glibc.malloc.hugetlb=1` appended unless it already says how to use huge pages.
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
function withAllocatorEnv(env) {
  const out = { ...env };
  for (const name of ["MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_"]) {
    if (out[name] === undefined || out[name] === "") out[name] = ALLOCATOR_ENV[name];
  }
  const tunables = out.GLIBC_TUNABLES;
  if (tunables === undefined || tunables === "") out.GLIBC_TUNABLES = ALLOCATOR_ENV.GLIBC_TUNABLES;
  else if (!/(^|:)glibc\.malloc\.hugetlb=/.test(tunables)) out.GLIBC_TUNABLES = `${tunables}:${ALLOCATOR_ENV.GLIBC_TUNABLES}`;
  return out;
}

module.exports = { ALLOCATOR_ENV, withAllocatorEnv };
