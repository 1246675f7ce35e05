/**
 * The one import of a losslab notebook: `import * as losslab from "./losslab";` (or `import { mse, … }`).
 * The kernel and the runner start in the project root, so this path is the same in every front-end.
 *
 * It re-exports the library compiled from `src/` (and the kernel's display helpers) into `build/lib/`, which the
 * kernel and the runner rebuild before a notebook starts whenever a source changed (kernel/lib/ensureLibrary.ts):
 * tslab then reads ready declarations instead of type-checking and compiling the whole library in every kernel.
 */
export * from "./build/lib/src/index";
// Charts in the notebook: one display bundle (Vega-Lite spec, PNG, text). Kernel-side, so not in the library.
export { show } from "./build/lib/kernel/display/show";
export type { ShowOptions } from "./build/lib/kernel/display/show";
