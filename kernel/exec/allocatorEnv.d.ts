/** The glibc allocator settings losslab's kernels run with (see allocatorEnv.js for why). */
export const ALLOCATOR_ENV: Readonly<{ MALLOC_MMAP_THRESHOLD_: string; MALLOC_TRIM_THRESHOLD_: string; GLIBC_TUNABLES: string }>;

/** `env` with {@link ALLOCATOR_ENV} added; variables the caller set win, GLIBC_TUNABLES lists are extended. */
export function withAllocatorEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
