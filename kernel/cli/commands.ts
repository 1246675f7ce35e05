import { runCommand, type CommandIO } from "./runCommand";

/** A `losslab <name> …` subcommand: receives the arguments after its name, returns the exit code. */
export interface Command {
  summary: string;
  run(argv: readonly string[], io: CommandIO): Promise<number>;
}

/** Every subcommand of the `losslab` CLI, by name (other features register theirs here). */
export const COMMANDS: Record<string, Command> = {
  run: { summary: "execute notebooks headlessly and check their PASS/FAIL lines", run: runCommand },
};
