#!/usr/bin/env node
// Starts the losslab Jupyter kernel: the project's own node_modules/tslab, in the project root.
// kernel.json runs `node {resource_dir}/../../start.js {connection_file}`; {resource_dir} is
// kernel/jupyter/kernels/losslab, so this file is kernel/jupyter/start.js and the project root is two folders up.
// Starting in the root makes it tslab's compiler root: `import … from "./losslab"` works in every front-end,
// whatever folder the front-end opened the notebook from.
"use strict";
// A kernel outlives a front-end that dies without asking it to shut down (tslab has no parent poller, unlike
// ipykernel): leave when the process that started us is gone (we are then re-parented). Read before anything slow,
// so that a front-end dying during our start-up is noticed too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 1000).unref();

const fs = require("fs");
const path = require("path");

const root = process.env.LOSSLAB_ROOT ? path.resolve(process.env.LOSSLAB_ROOT) : path.resolve(__dirname, "..", "..");
const connectionFile = process.argv[2] && path.resolve(process.argv[2]);
const tslabMain = path.join(root, "node_modules", "tslab", "dist", "main.js");

if (!connectionFile) {
  process.stderr.write("usage: node kernel/jupyter/start.js <connection file>  (Jupyter passes it)\n");
  process.exit(2);
}
if (!fs.existsSync(tslabMain)) {
  process.stderr.write(`losslab kernel: ${tslabMain} is missing; run \`npm ci\` in ${root}\n`);
  process.exit(1);
}
process.chdir(root);
// losslab.ts re-exports the compiled library in build/lib: rebuild it first if a source changed. Then load tslab's
// TypeScript with the V8 code cache the runner keeps in build/cache (written at exit when there was none).
try {
  const { register } = require(require.resolve("tsx/cjs/api", { paths: [root] }));
  const loader = register({ namespace: "losslab-kernel-start" });
  const { ensureLibrary } = loader.require(path.join(root, "kernel", "lib", "ensureLibrary.ts"), __filename);
  const { loadTypeScriptWithCodeCache, fixShorthandProperties } = loader.require(path.join(root, "kernel", "tslab", "internals.ts"), __filename);
  loader.unregister();
  ensureLibrary(root);
  const saveCodeCache = loadTypeScriptWithCodeCache(path.join(root, "build", "cache"));
  // `{ logits }` naming an earlier cell's variable: see kernel/tslab/shorthand.ts.
  fixShorthandProperties();
  process.on("exit", () => {
    try {
      saveCodeCache();
    } catch (e) {
      // a cache that cannot be written only costs the next kernel its head start
    }
  });
} catch (e) {
  process.stderr.write(`losslab kernel: ${e && e.message ? e.message : String(e)}\n`);
}
// enableFindLocal: false: use exactly this tslab, not one found by walking up from the working directory.
require(tslabMain).startKernel({ configPath: connectionFile, enableFindLocal: false });
