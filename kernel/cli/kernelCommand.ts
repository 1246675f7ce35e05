import * as os from "os";
import * as path from "path";
import { ALLOCATOR_ENV } from "../exec/allocatorEnv";
import { writeFileAtomic } from "../run/writeFileAtomic";
import type { CommandIO } from "./runCommand";

export const KERNEL_USAGE = `usage: losslab kernel install [--dir <jupyter data dir>]
  Registers the "TypeScript (losslab)" kernel for this checkout with absolute paths, for front-ends that do not
  see JUPYTER_PATH (e.g. VS Code started from the desktop). Default dir: your Jupyter user data folder.`;

/** Jupyter's per-user data folder (where `jupyter kernelspec install --user` writes). */
export function userDataDir(platform: NodeJS.Platform, home: string, env: NodeJS.ProcessEnv): string {
  if (platform === "darwin") return path.join(home, "Library", "Jupyter");
  if (platform === "win32") return path.join(env.APPDATA ?? path.join(home, "AppData", "Roaming"), "jupyter");
  return path.join(env.XDG_DATA_HOME ?? path.join(home, ".local", "share"), "jupyter");
}

/**
 * The kernel.json of an installed kernelspec: this Node and this checkout's start script, by absolute path, and
 * glibc's allocator settings for large results (kernel/exec/allocatorEnv.js), which Jupyter adds to the kernel's
 * environment.
 */
export function installedKernelSpec(nodePath: string, projectRoot: string): Record<string, unknown> {
  return {
    argv: [nodePath, path.join(projectRoot, "kernel", "jupyter", "start.js"), "{connection_file}"],
    display_name: "TypeScript (losslab)",
    language: "typescript",
    interrupt_mode: "signal",
    metadata: { debugger: false },
    env: { ...ALLOCATOR_ENV },
  };
}

/** `losslab kernel install [--dir <dir>]`: writes `<dir>/kernels/losslab/kernel.json`. */
export async function kernelCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const [action, ...rest] = argv;
  let dir = userDataDir(process.platform, os.homedir(), process.env);
  if (rest[0] === "--dir" && rest[1]) dir = path.resolve(io.cwd, rest[1]);
  else if (rest.length > 0 || action !== "install") {
    io.stderr.write(`${KERNEL_USAGE}\n`);
    return action === "--help" ? 0 : 2;
  }
  const file = path.join(dir, "kernels", "losslab", "kernel.json");
  writeFileAtomic(file, `${JSON.stringify(installedKernelSpec(process.execPath, io.projectRoot), null, 1)}\n`);
  io.stdout.write(`installed the losslab kernel: ${file}\n`);
  return 0;
}
