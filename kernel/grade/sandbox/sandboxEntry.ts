/**
 * Entry of a kernel process that runs a learner's submission: forked by {@link sandboxKernelFactory} with Node's
 * permission model (the file system, child processes and workers are limited by the flags the parent sets), and
 * compiled to JavaScript by {@link compileSandboxKernel} so that no TypeScript loader runs inside the sandbox.
 *
 * Before the runner's kernel starts, native add-ons are limited to the files under `LOSSLAB_ADDONS_DIR` (the
 * project's node_modules, which the learner's code cannot write): the permission model allows add-ons as a whole,
 * and an add-on the learner wrote into its working folder would escape it.
 */
import * as fs from "fs";
import * as path from "path";
import { kernelMain } from "../../exec/kernelMain";

type Dlopen = (module: object, filename: string, flags?: number) => void;

/** Wraps `process.dlopen` so that it loads only real files inside `dir`; the original stays in this closure. */
export function limitAddons(dir: string): void {
  const allowed = fs.realpathSync(dir) + path.sep;
  const dlopen = process.dlopen as Dlopen;
  const realpath = fs.realpathSync;
  process.dlopen = function limitedDlopen(module: object, filename: string, flags?: number) {
    const real = realpath(filename);
    if (!real.startsWith(allowed)) {
      throw new Error(`losslab grade: native add-ons load only from the project's node_modules (not ${filename})`);
    }
    if (flags === undefined) dlopen.call(process, module, real);
    else dlopen.call(process, module, real, flags);
  } as typeof process.dlopen;
}

const addons = process.env.LOSSLAB_ADDONS_DIR;
if (!addons) throw new Error("sandboxEntry: LOSSLAB_ADDONS_DIR is not set (start it with sandboxKernelFactory)");
limitAddons(addons);
kernelMain();
