// Entry file of a kernel process started by the runner (child_process.fork). Loads the TypeScript of kernel/exec
// through a *namespaced* tsx loader, removed again before any cell runs, so tsx never handles the notebook's own
// imports: tslab compiles those, exactly as in the Jupyter kernel.
"use strict";
const { register } = require("tsx/cjs/api");
const loader = register({ namespace: "losslab-kernel" });
const { kernelMain } = loader.require("./kernelMain.ts", __filename);
loader.unregister();
kernelMain();
