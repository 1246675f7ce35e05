import { spawn, spawnSync } from "child_process";
import { kernelCommand } from "./kernelCommand";
import { labCommand, type LabDeps } from "./labCommand";
import { reportCommand } from "../report/reportCommand";
import { gradeCommand } from "../grade/cli/gradeCommand";
import { releaseCommand } from "../release/releaseCommand";
import { runCommand, type CommandIO } from "./runCommand";

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
 * Every subcommand of the `losslab` CLI, by name (other features register theirs here). Every command's module is
 * loaded at start-up, so a command module should load its heavy dependencies inside its function.
 */
export const COMMANDS: Record<string, Command> = {
  run: { summary: "execute notebooks headlessly and check their PASS/FAIL lines", run: runCommand },
  lab: { summary: "start JupyterLab or Notebook with the losslab kernel", run: (argv, io) => labCommand(argv, io, labDeps) },
  kernel: { summary: "install the losslab kernelspec for this checkout (kernel install)", run: kernelCommand },
  report: { summary: "write an offline HTML report of executed notebooks (live charts)", run: reportCommand },
  release: { summary: "write the student version of an exercises notebook (no solutions) and check it", run: releaseCommand },
  grade: { summary: "grade submissions in sandboxed kernels: a table per learner, --json, --csv, --junit", run: gradeCommand },
};
