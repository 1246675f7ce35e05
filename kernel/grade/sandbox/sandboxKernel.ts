import { fork } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { watchKernelChild } from "../../run/forkKernel";
import { withAllocatorEnv } from "../../exec/allocatorEnv";
import { KernelError, startKernel, type Kernel, type KernelEvents } from "../../run/startKernel";
import type { CompiledKernel } from "./compileKernel";
import { dropMalformedMessages } from "../../run/kernelMessage";
import type { Workspaces } from "./workspaces";

export interface SandboxOptions {
  /** The losslab project (its node_modules is the only place add-ons load from). */
  root: string;
  /** The compiled sandbox kernel (see compileSandboxKernel). */
  kernel: CompiledKernel;
  workspaces: Workspaces;
  startTimeoutMs?: number;
  /** How long an interrupted cell has before its process is killed (default 1 s). */
  interruptGraceMs?: number;
}

/** A kernel in a sandbox, started with its own fresh working folder (removed when it closes). */
export type SandboxFactory = (events: KernelEvents) => Kernel;

const has = (flag: string) => process.allowedNodeEnvironmentFlags.has(flag);

/**
 * Node's permission-model flags for a kernel whose working folder is `workspace`: it reads only its folder, the
 * compiled kernel and node_modules, writes only its folder, starts no child process, and loads add-ons (limited
 * further by the entry to node_modules). Workers stay allowed for the kernel's watchdog: they inherit the limits.
 * @throws Error when this Node has no permission model (Node < 20)
 */
export function sandboxFlags(workspace: string, kernelDir: string, nodeModules: string): string[] {
  const enable = ["--permission", "--experimental-permission"].find(has);
  if (!enable) throw new Error(`losslab grade needs Node's permission model (Node ≥ 20), not Node ${process.version}`);
  const flags = [
    enable,
    `--allow-fs-read=${workspace}`,
    `--allow-fs-read=${kernelDir}`,
    `--allow-fs-read=${nodeModules}`,
    `--allow-fs-write=${workspace}`,
    "--allow-worker",
  ];
  if (has("--allow-addons")) flags.push("--allow-addons");
  if (has("--disable-warning")) flags.push("--disable-warning=ExperimentalWarning", "--disable-warning=SecurityWarning");
  return flags;
}

/**
 * The environment of a sandboxed kernel: none of the grader's variables (tokens, NODE_OPTIONS …) except the
 * locale, PATH and losslab's own `LOSSLAB_*`; HOME and TMPDIR point into the working folder; glibc's allocator
 * settings for large results as every losslab kernel has them (kernel/exec/allocatorEnv.js).
 */
export function sandboxEnv(workspace: string, nodeModules: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (/^(PATH|LANG|LC_[A-Z]+|TZ|LOSSLAB_[A-Z0-9_]+)$/.test(name)) kept[name] = value;
  }
  return withAllocatorEnv({ ...kept, HOME: workspace, TMPDIR: workspace, LOSSLAB_ADDONS_DIR: nodeModules });
}

/**
 * What a sandboxed kernel runs before the notebook: the library import, which makes tslab compile and type-check the
 * library's declarations (seconds on a busy machine). Counted as start-up, so that the notebook's first import is
 * not measured against the per-cell limit. A side-effect import declares no name in the learner's namespace.
 */
export const WARM_UP = 'import "./losslab";';

async function warmUp(kernel: Kernel, timeoutMs: number): Promise<void> {
  await kernel.ready();
  const outcome = await kernel.execute(-1, WARM_UP, timeoutMs);
  if (!outcome.ok) {
    const [error] = outcome.errors;
    throw new KernelError({ ename: "KernelStartError", evalue: `the library did not load: ${error ? `${error.ename}: ${error.evalue}` : "no reason given"}`, traceback: [] });
  }
}

/** Starts each kernel in a new working folder of `workspaces`, inside Node's permission model. */
export function sandboxKernelFactory(options: SandboxOptions): SandboxFactory {
  const nodeModules = fs.realpathSync(path.join(options.root, "node_modules"));
  return (events) => {
    const workspace = options.workspaces.create();
    const kernel = startKernel({
      rootDir: workspace,
      events,
      startTimeoutMs: options.startTimeoutMs ?? 60_000,
      interruptGraceMs: options.interruptGraceMs ?? 1000,
      process: dropMalformedMessages(
        watchKernelChild(
          fork(options.kernel.entry, [], {
            cwd: workspace,
            env: sandboxEnv(workspace, nodeModules),
            execArgv: sandboxFlags(workspace, options.kernel.dir, nodeModules),
            serialization: "advanced",
            stdio: ["ignore", "pipe", "pipe", "ipc"],
          }),
        ),
      ),
    });
    let ready: Promise<void> | null = null;
    return {
      ready: () => (ready ??= warmUp(kernel, options.startTimeoutMs ?? 60_000)),
      execute: (cell, code, timeoutMs) => kernel.execute(cell, code, timeoutMs),
      read: (names) => kernel.read(names),
      drain: (maxMs) => kernel.drain(maxMs),
      async close() {
        await kernel.close();
        options.workspaces.remove(workspace);
      },
      get alive() {
        return kernel.alive;
      },
      get pid() {
        return kernel.pid;
      },
    };
  };
}
