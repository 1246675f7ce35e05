import * as path from "path";
import type { CommandIO } from "./runCommand";

/** A way to start a Jupyter front-end: the program and its arguments. */
export interface FrontEnd {
  name: string;
  command: string;
  args: string[];
}

export interface LabDeps {
  /** Whether `command args…` runs and exits 0 (used to probe for Jupyter). */
  probe(command: string, args: string[]): boolean;
  /** Runs the front-end in the foreground; resolves to its exit code. */
  spawn(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number>;
  env: NodeJS.ProcessEnv;
}

const PYTHONS = ["/usr/bin/python3", "python3"];

/** JupyterLab first, then classic Notebook, from a `jupyter-*` program or a Python that has the module. */
export function findFrontEnd(deps: Pick<LabDeps, "probe">): FrontEnd | null {
  const candidates: [string, string, string][] = [
    ["JupyterLab", "jupyter-lab", "jupyterlab"],
    ["Jupyter Notebook", "jupyter-notebook", "notebook"],
  ];
  for (const [name, program, module] of candidates) {
    if (deps.probe(program, ["--version"])) return { name, command: program, args: [] };
    for (const python of PYTHONS) {
      if (deps.probe(python, ["-c", `import ${module}`])) return { name, command: python, args: ["-m", module] };
    }
  }
  return null;
}

export const NO_JUPYTER = `losslab lab: no Jupyter front-end found (looked for jupyter-lab, jupyter-notebook, and the
jupyterlab / notebook Python modules in /usr/bin/python3 and python3). Install one of:
  pip install jupyterlab                      # JupyterLab, into your Python
  sudo apt-get install jupyter-notebook       # classic Notebook, Debian/Ubuntu
or open the notebooks in VS Code (see the README, "Notebooks and the runner").`;

/**
 * `losslab lab [front-end args…]`: starts JupyterLab (or Notebook) in the project root with the project's
 * kernelspec on JUPYTER_PATH, so the "TypeScript (losslab)" kernel is offered; prints how to get Jupyter when none
 * is installed (exit code 1).
 */
export async function labCommand(argv: readonly string[], io: CommandIO, deps: LabDeps): Promise<number> {
  const frontEnd = findFrontEnd(deps);
  if (!frontEnd) {
    io.stderr.write(`${NO_JUPYTER}\n`);
    return 1;
  }
  const kernels = path.join(io.projectRoot, "kernel", "jupyter");
  const jupyterPath = [kernels, deps.env.JUPYTER_PATH].filter(Boolean).join(path.delimiter);
  io.stderr.write(`losslab lab: starting ${frontEnd.name} with JUPYTER_PATH=${jupyterPath}\n`);
  return deps.spawn(frontEnd.command, [...frontEnd.args, ...argv], { ...deps.env, JUPYTER_PATH: jupyterPath }, io.projectRoot);
}
