import { ensureLibrary } from "../lib/ensureLibrary";
import * as path from "path";
import { createTslabSession, loadTypeScriptWithCodeCache, setDisplayWriter } from "../tslab/internals";
import { createKernelHost, type KernelHost } from "./createKernelHost";
import { toErrorInfo } from "./errorInfo";
import { startOrphanWatch } from "./orphanWatch";
import type { FromKernel, ToKernel } from "./protocol";

/** Thrown in place of ending the kernel when a cell calls `process.exit`. */
export class ProcessExitError extends Error {
  constructor(code: unknown) {
    super(`process.exit(${code === undefined ? "" : String(code)}) was called: a cell cannot end the kernel`);
    this.name = "ProcessExitError";
  }
}

/**
 * Entry of a kernel process started by the runner (see kernel/run/startKernel.ts): the working directory is the
 * compiler root, messages arrive over IPC. Every write to stdout/stderr, display, uncaught error and
 * `process.exit` of a cell is turned into a message to the runner.
 */
export function kernelMain(): void {
  const started = Date.now();
  const ipcSend = process.send?.bind(process);
  if (!ipcSend) throw new Error("kernelMain: no IPC channel (start the kernel with child_process.fork)");
  const realExit = process.exit.bind(process);
  const send = (message: FromKernel) => {
    if (process.connected) ipcSend(message);
  };
  startOrphanWatch(); // a runner killed while a cell loops forever must not leave this kernel spinning
  let saveCodeCache = () => {};
  process.on("disconnect", () => {
    try {
      saveCodeCache();
    } finally {
      realExit(0);
    }
  });

  let host: KernelHost;
  try {
    ensureLibrary(process.cwd()); // the compiled library losslab.ts re-exports, rebuilt if a source changed
    saveCodeCache = loadTypeScriptWithCodeCache(path.join(process.cwd(), "build", "cache"));
    host = createKernelHost({
      send,
      createSession: (console) => createTslabSession({ rootDir: process.cwd(), console }),
    });
  } catch (e) {
    send({ type: "fatal", error: toErrorInfo(e) });
    return void setImmediate(() => realExit(1));
  }

  captureStream(process.stdout, (text) => host.write("stdout", text));
  captureStream(process.stderr, (text) => host.write("stderr", text));
  setDisplayWriter((bundle, update) => host.display(bundle, update));
  process.on("uncaughtException", (error) => host.fail(error));
  process.on("unhandledRejection", (reason) => host.fail(reason));
  process.on("SIGINT", () => host.interrupt());
  process.exit = ((code?: unknown) => {
    const error = new ProcessExitError(code);
    host.fail(error);
    throw error;
  }) as typeof process.exit;

  // One message at a time, in order: a read or drain never overlaps a running cell.
  let queue = Promise.resolve();
  process.on("message", (message: ToKernel) => {
    queue = queue.then(() => host.handle(message)).catch((e) => host.fail(e));
  });
  send({ type: "ready", startMs: Date.now() - started });
}

function captureStream(stream: NodeJS.WriteStream, sink: (text: string) => void): void {
  const decoder = new TextDecoder();
  stream.write = ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
    sink(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") process.nextTick(done as () => void);
    return true;
  }) as typeof stream.write;
}
