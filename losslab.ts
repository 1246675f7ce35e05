/**
 * The one import of a losslab notebook: `import { mse, checkClose, … } from "./losslab";`.
 * The kernel and the runner start in the project root, so this path is the same in every front-end.
 * (`./src/index`, not `./src`: tslab loads local modules by file name and cannot import a folder.)
 */
export * from "./src/index";
// Charts in the notebook: one display bundle (Vega-Lite spec, PNG, text). Kernel-side, so not in the library.
export { show } from "./kernel/display/show";
export type { ShowOptions } from "./kernel/display/show";
