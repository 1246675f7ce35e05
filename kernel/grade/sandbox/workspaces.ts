import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ensureLibrary } from "../../lib/ensureLibrary";
import { listLibraryInputs } from "../../lib/libraryInputs";

/** Temporary working folders for sandboxed kernels, all inside one batch folder. */
export interface Workspaces {
  /** The batch folder (removed by {@link Workspaces.dispose}). */
  readonly dir: string;
  /** Creates a fresh working folder for one kernel: a private copy of the library the notebook imports. */
  create(): string;
  /** Removes one working folder (whatever the learner's code left in it). */
  remove(workspace: string): void;
  /** Removes the batch folder and everything in it. */
  dispose(): void;
}

/**
 * Prepares a batch of working folders for `root` (the losslab project). A working folder is what the kernel's
 * compiler root needs: `losslab.ts`, the compiled library in `build/lib` (built first if stale, see
 * kernel/lib/ensureLibrary.ts) with the sources its up-to-date check reads, tslab's code cache in `build/cache`,
 * and a `node_modules` link to the project's. `import * as losslab from "./losslab"` then resolves inside the
 * folder, and the learner's code can change only its own copy.
 * @throws LibraryBuildError when the library does not compile
 */
export function createWorkspaces(root: string, parent = os.tmpdir()): Workspaces {
  const library = ensureLibrary(root);
  const dir = fs.mkdtempSync(path.join(parent, "losslab-grade-"));
  const template = path.join(dir, "template");
  const copy = (rel: string) => fs.cpSync(path.join(root, rel), path.join(template, rel), { recursive: true });
  const stamp = JSON.parse(fs.readFileSync(path.join(library.dir, ".inputs.json"), "utf8")) as { compiled: string[] };
  for (const rel of listLibraryInputs(root, stamp.compiled)) copy(rel);
  copy("losslab.ts");
  copy(path.relative(root, library.dir));
  if (fs.existsSync(path.join(root, "build", "cache"))) copy(path.join("build", "cache"));
  const nodeModules = fs.realpathSync(path.join(root, "node_modules"));
  const folders: string[] = [];
  const files: string[] = [];
  const list = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(template, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      (entry.isDirectory() ? folders : files).push(child);
      if (entry.isDirectory()) list(child);
    }
  };
  list("");
  let count = 0;

  return {
    dir,
    create() {
      const workspace = path.join(dir, `ws-${++count}`);
      fs.mkdirSync(workspace);
      for (const rel of folders) fs.mkdirSync(path.join(workspace, rel));
      for (const rel of files) fs.copyFileSync(path.join(template, rel), path.join(workspace, rel));
      fs.symlinkSync(nodeModules, path.join(workspace, "node_modules"), "dir");
      return workspace;
    },
    remove(workspace) {
      fs.rmSync(workspace, { recursive: true, force: true, maxRetries: 2 });
    },
    dispose() {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
    },
  };
}
