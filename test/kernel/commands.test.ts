import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { installedKernelSpec, kernelCommand, userDataDir } from "../../kernel/cli/kernelCommand";
import { findFrontEnd, labCommand, NO_JUPYTER, type LabDeps } from "../../kernel/cli/labCommand";
import type { Command } from "../../kernel/cli/commands";
import { main } from "../../kernel/cli/main";
import { runCommand, type CommandIO } from "../../kernel/cli/runCommand";

// The CLI's own table loads each command with `require` when it runs (covered by the tests that spawn the CLI);
// here the same commands, imported.
const commands: Record<string, Command> = {
  run: { summary: "execute notebooks headlessly and check their PASS/FAIL lines", run: runCommand },
  kernel: { summary: "install the losslab kernelspec", run: kernelCommand },
};

function io(cwd = "/work", projectRoot = "/repo") {
  const out = { stdout: "", stderr: "" };
  const value: CommandIO = {
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
    cwd,
    projectRoot,
  };
  return { io: value, out };
}

describe("losslab lab", () => {
  const deps = (available: string[]): LabDeps & { spawned: unknown[] } => {
    const spawned: unknown[] = [];
    return {
      spawned,
      probe: (command, args) => available.includes([command, ...args].join(" ")),
      spawn: async (command, args, env, cwd) => (spawned.push({ command, args, JUPYTER_PATH: env.JUPYTER_PATH, cwd }), 0),
      env: { JUPYTER_PATH: "/other" },
    };
  };

  it("prefers JupyterLab, then Notebook, from a jupyter-* program or a Python module", () => {
    expect(findFrontEnd(deps(["jupyter-notebook --version", "/usr/bin/python3 -c import jupyterlab"]))).toEqual({
      name: "JupyterLab",
      command: "/usr/bin/python3",
      args: ["-m", "jupyterlab"],
    });
    expect(findFrontEnd(deps(["jupyter-notebook --version"]))?.command).toBe("jupyter-notebook");
    expect(findFrontEnd(deps([]))).toBeNull();
  });

  it("starts the front-end in the project root with the project's kernelspec first on JUPYTER_PATH", async () => {
    const d = deps(["jupyter-lab --version"]);
    const { io: cio } = io();
    expect(await labCommand(["--no-browser"], cio, d)).toBe(0);
    expect(d.spawned).toEqual([
      { command: "jupyter-lab", args: ["--no-browser"], JUPYTER_PATH: ["/repo/kernel/jupyter", "/other"].join(path.delimiter), cwd: "/repo" },
    ]);
  });

  it("says how to get Jupyter when none is installed", async () => {
    const { io: cio, out } = io();
    expect(await labCommand([], cio, deps([]))).toBe(1);
    expect(out.stderr).toBe(`${NO_JUPYTER}\n`);
    expect(out.stderr).toContain("pip install jupyterlab");
  });
});

describe("losslab kernel install", () => {
  it("knows Jupyter's user data folder on each platform", () => {
    expect(userDataDir("linux", "/home/a", {})).toBe("/home/a/.local/share/jupyter");
    expect(userDataDir("linux", "/home/a", { XDG_DATA_HOME: "/x" })).toBe("/x/jupyter");
    expect(userDataDir("darwin", "/Users/a", {})).toBe("/Users/a/Library/Jupyter");
  });

  it("writes a kernelspec with this Node and this checkout's start script, by absolute path", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "losslab-kernelspec-"));
    try {
      const { io: cio, out } = io(dir, "/repo");
      expect(await kernelCommand(["install", "--dir", dir], cio)).toBe(0);
      const file = path.join(dir, "kernels", "losslab", "kernel.json");
      expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(installedKernelSpec(process.execPath, "/repo"));
      expect(installedKernelSpec("/usr/bin/node", "/repo").argv).toEqual(["/usr/bin/node", "/repo/kernel/jupyter/start.js", "{connection_file}"]);
      expect(out.stdout).toBe(`installed the losslab kernel: ${file}\n`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects other actions with its usage (exit code 2)", async () => {
    const { io: cio, out } = io();
    expect(await kernelCommand(["remove"], cio)).toBe(2);
    expect(out.stderr).toContain("usage: losslab kernel install");
  });
});

describe("losslab main", () => {
  it("lists the commands and rejects an unknown one (even a name every object has) with exit code 2", async () => {
    const { io: cio, out } = io();
    expect(await main(["frobnicate"], cio, commands)).toBe(2);
    expect(out.stderr).toContain('unknown command "frobnicate"');
    expect(out.stderr).toMatch(/run\s+execute notebooks/);
    expect(await main(["toString"], cio, commands)).toBe(2);
    expect(await main(["--help"], cio, commands)).toBe(0);
  });

  it("run --help prints the run usage", async () => {
    const { io: cio, out } = io();
    expect(await main(["run", "--help"], cio, commands)).toBe(0);
    expect(out.stdout).toContain("usage: losslab run <notebook.ipynb | folder>…");
  });

  it("run with bad usage exits 2 before starting anything", async () => {
    const { io: cio, out } = io();
    expect(await main(["run", "--timeout", "-1", "x.ipynb"], cio, commands)).toBe(2);
    expect(out.stderr).toContain("--timeout must be a number of seconds > 0 (got -1)");
  });
});
