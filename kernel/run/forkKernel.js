// Starts a kernel process (kernel/exec/kernelProcess.js). Plain JavaScript so that bin/losslab.js can start one
// before it loads the TypeScript of the CLI; typed by forkKernel.d.ts.
"use strict";
const { fork } = require("child_process");
const path = require("path");
const { withAllocatorEnv } = require("../exec/allocatorEnv");

/** The entry file of a kernel process. */
const KERNEL_ENTRY = path.join(__dirname, "..", "exec", "kernelProcess.js");

/**
 * Forks a kernel process in `cwd` (the compiler root) with `env` plus glibc's allocator settings for large results
 * (kernel/exec/allocatorEnv.js); see {@link watchKernelChild}.
 * @param {string} cwd
 * @param {NodeJS.ProcessEnv} env
 */
function forkKernel(cwd, env) {
  return watchKernelChild(fork(KERNEL_ENTRY, [], { cwd, env: withAllocatorEnv(env), serialization: "advanced", stdio: ["ignore", "pipe", "pipe", "ipc"] }));
}

/**
 * Keeps what a kernel process sends, writes and how it ends until a user subscribes: a kernel can be started before
 * whoever uses it is ready to listen. The process needs an IPC channel and piped stdout/stderr.
 * @param {import("child_process").ChildProcess} child
 */
function watchKernelChild(child) {
  const messages = [];
  const raw = [];
  let exit = null;
  let onMessage = null;
  let onRaw = null;
  let onExit = null;
  child.on("message", (m) => (onMessage ? onMessage(m) : messages.push(m)));
  const rawText = (chunk) => (onRaw ? onRaw(String(chunk)) : raw.push(String(chunk)));
  if (child.stdout) child.stdout.on("data", rawText);
  if (child.stderr) child.stderr.on("data", rawText);
  child.on("error", (error) => rawText(`losslab: kernel process error: ${error.message}\n`));
  child.once("exit", (code, signal) => {
    exit = { code, signal };
    if (onExit) onExit(exit);
  });
  return {
    child,
    onMessage(fn) {
      onMessage = fn;
      for (const m of messages.splice(0)) fn(m);
    },
    onRaw(fn) {
      onRaw = fn;
      for (const text of raw.splice(0)) fn(text);
    },
    onExit(fn) {
      onExit = fn;
      if (exit) fn(exit);
    },
  };
}

module.exports = { KERNEL_ENTRY, forkKernel, watchKernelChild };
