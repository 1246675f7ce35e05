import { spawn, spawnSync } from "child_process";
import type { LabDeps } from "./labCommand";
import type { CommandIO } from "./runCommand";

/** A `losslab <name> …` subcommand: receives the arguments after its name, returns the exit code. */
export interface Command {
  summary: string;
  run(argv: readonly string[], io: CommandIO): Promise<number>;
}

const labDeps: LabDeps = {
  probe: (command, args) => spawnSync(command, args, { stdio: "ignore", timeout: 20_000 }).status === 0,
  spawn: (command, args, env, cwd) =>
    new Promise((resolve) => {
      const child = spawn(command, args, { env, cwd, stdio: "inherit" });
      child.on("error", () => resolve(1));
      child.on("exit", (code) => resolve(code ?? 1));
    }),
  env: process.env,
};

/**
 * A command's module, loaded when the command runs: `losslab run` neither pays for the report's Markdown and KaTeX
 * nor fails because another command's module does not load. `require` under the CLI (tsx compiles it); `import()`
 * where only ESM imports are transformed (vitest).
 */
function lazy<T>(viaRequire: () => T, viaImport: () => Promise<T>): () => Promise<T> {
  return async () => {
    try {
      return viaRequire();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw e;
      return viaImport();
    }
  };
}

const run = lazy(() => require("./runCommand") as typeof import("./runCommand"), () => import("./runCommand"));
const lab = lazy(() => require("./labCommand") as typeof import("./labCommand"), () => import("./labCommand"));
const kernel = lazy(() => require("./kernelCommand") as typeof import("./kernelCommand"), () => import("./kernelCommand"));
const report = lazy(() => require("../report/reportCommand") as typeof import("../report/reportCommand"), () => import("../report/reportCommand"));
const release = lazy(() => require("../release/releaseCommand") as typeof import("../release/releaseCommand"), () => import("../release/releaseCommand"));
const grade = lazy(() => require("../grade/cli/gradeCommand") as typeof import("../grade/cli/gradeCommand"), () => import("../grade/cli/gradeCommand"));

/** Every subcommand of the `losslab` CLI, by name (other features register theirs here, with {@link lazy}). */
export const COMMANDS: Record<string, Command> = {
  run: { summary: "execute notebooks headlessly and check their PASS/FAIL lines", run: async (argv, io) => (await run()).runCommand(argv, io) },
  lab: { summary: "start JupyterLab or Notebook with the losslab kernel", run: async (argv, io) => (await lab()).labCommand(argv, io, labDeps) },
  kernel: { summary: "install the losslab kernelspec for this checkout (kernel install)", run: async (argv, io) => (await kernel()).kernelCommand(argv, io) },
  report: { summary: "write an offline HTML report of executed notebooks (live charts)", run: async (argv, io) => (await report()).reportCommand(argv, io) },
  release: {
    summary: "write the student version of an exercises notebook (no solutions) and check it",
    run: async (argv, io) => (await release()).releaseCommand(argv, io),
  },
  grade: {
    summary: "grade submissions in sandboxed kernels: a table per learner, --json, --csv, --junit",
    run: async (argv, io) => (await grade()).gradeCommand(argv, io),
  },
};
