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

// Each command's module is loaded when the command runs: `losslab run` does not pay for the report's Markdown and
// KaTeX (≈0.6 s), nor the report for the runner.
const run = () => require("./runCommand") as typeof import("./runCommand");
const lab = () => require("./labCommand") as typeof import("./labCommand");
const kernel = () => require("./kernelCommand") as typeof import("./kernelCommand");
const report = () => require("../report/reportCommand") as typeof import("../report/reportCommand");

/** Every subcommand of the `losslab` CLI, by name (other features register theirs here, loaded lazily). */
export const COMMANDS: Record<string, Command> = {
  run: { summary: "execute notebooks headlessly and check their PASS/FAIL lines", run: (argv, io) => run().runCommand(argv, io) },
  lab: { summary: "start JupyterLab or Notebook with the losslab kernel", run: (argv, io) => lab().labCommand(argv, io, labDeps) },
  kernel: { summary: "install the losslab kernelspec for this checkout (kernel install)", run: (argv, io) => kernel().kernelCommand(argv, io) },
  report: { summary: "write an offline HTML report of executed notebooks (live charts)", run: (argv, io) => report().reportCommand(argv, io) },
};
