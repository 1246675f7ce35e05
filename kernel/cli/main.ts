import * as path from "path";
import { COMMANDS, type Command } from "./commands";
import type { KernelChild } from "../run/forkKernel";
import type { CommandIO } from "./runCommand";

const usage = (commands: Record<string, Command>) =>
  `usage: losslab <command> [options]\n\ncommands:\n${Object.entries(commands)
    .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
    .join("\n")}\n\nRun \`losslab <command> --help\` for a command's options.\n`;

/** Dispatches `losslab <command> …`; resolves to the exit code (2 for an unknown command). */
export async function main(argv: readonly string[], io: CommandIO, commands: Record<string, Command> = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(usage(commands));
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr.write(`losslab: unknown command ${JSON.stringify(name)}\n${usage(commands)}`);
    return 2;
  }
  return command.run(rest, io);
}

/**
 * The CLI process: real I/O, exit code, and no kernel left behind on Ctrl-C. `prestartedKernel`: a kernel
 * bin/losslab.js started in the project root before loading the CLI, for `losslab run` to use.
 */
export function cli(options: { prestartedKernel?: KernelChild } = {}): void {
  const io: CommandIO = {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    projectRoot: path.resolve(__dirname, "..", ".."),
    prestartedKernel: options.prestartedKernel,
  };
  // Kernels share the terminal's process group and stop on the same Ctrl-C; their IPC channels close with us.
  process.on("SIGINT", () => process.exit(130));
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`losslab: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
