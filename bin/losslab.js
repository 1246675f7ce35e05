#!/usr/bin/env node
// The `losslab` command. The CLI is TypeScript (kernel/cli/); tsx's namespaced loader compiles it on the fly
// (cached), without a build step and without touching how anything else in this process is loaded.
"use strict";
const path = require("path");

// `losslab run` starts its first kernel at once: the kernel's start-up (a second or two) overlaps the CLI's own.
const args = process.argv.slice(2);
const customRoot = args.some((a) => a === "--root" || a.startsWith("--root="));
const help = args.includes("--help") || args.includes("-h");
const prestartedKernel =
  args[0] === "run" && !customRoot && !help ? require("../kernel/run/forkKernel.js").forkKernel(path.resolve(__dirname, ".."), process.env) : undefined;

let cli;
try {
  const { register } = require("tsx/cjs/api");
  cli = register({ namespace: "losslab-cli" }).require("../kernel/cli/main.ts", __filename).cli;
} catch (e) {
  // Exit code 2, not Node's 1 (which `losslab run` uses for a failed check).
  if (prestartedKernel) prestartedKernel.child.kill();
  process.stderr.write(`losslab: could not load the CLI: ${e && e.stack ? e.stack : String(e)}\n`);
  process.exit(2);
}
cli({ prestartedKernel });
