#!/usr/bin/env node
// The `losslab` command. The CLI is TypeScript (kernel/cli/); tsx's namespaced loader compiles it on the fly
// (cached), without a build step and without touching how anything else in this process is loaded.
"use strict";
const { register } = require("tsx/cjs/api");
const loader = register({ namespace: "losslab-cli" });
loader.require("../kernel/cli/main.ts", __filename).cli();
