import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { hashLibraryInputs, LIBRARY_CONFIG, listLibraryInputs } from "./libraryInputs";
import { withLock } from "./withLock";

/** The library did not compile: `output` holds the compiler's diagnostics. */
export class LibraryBuildError extends Error {
  readonly output: string;
  constructor(output: string) {
    super(`the losslab library does not compile:\n${output}`);
    this.name = "LibraryBuildError";
    this.output = output;
  }
}

export interface LibraryStatus {
  /** build/lib, where losslab.ts re-exports from. */
  dir: string;
  /** Whether this call compiled it (false: it was up to date). */
  built: boolean;
  ms: number;
}

const STAMP = ".inputs.sha256";

/**
 * Makes sure build/lib holds the compiled library for the current sources: compares a digest of the inputs with
 * the one stored beside the last build, and recompiles (with tslab's TypeScript) only when they differ. Safe to
 * call from several processes at once (a lock file serialises builds) and atomic (a build is written to a temporary
 * folder and renamed into place).
 * @throws LibraryBuildError when the sources do not compile
 */
export function ensureLibrary(root: string): LibraryStatus {
  const started = Date.now();
  const dir = path.join(root, "build", "lib");
  const tsc = tslabCompiler(root);
  const current = () => hashLibraryInputs(root, listLibraryInputs(root), tsc.version);
  const stamp = () => {
    try {
      return fs.readFileSync(path.join(dir, STAMP), "utf8");
    } catch {
      return null;
    }
  };
  if (stamp() === current()) return { dir, built: false, ms: Date.now() - started };
  return withLock(path.join(root, "build", ".lib.lock"), () => {
    const digest = current();
    if (stamp() === digest) return { dir, built: false, ms: Date.now() - started }; // another process built it
    const temp = `${dir}.${process.pid}.tmp`;
    fs.rmSync(temp, { recursive: true, force: true });
    const result = spawnSync(process.execPath, [tsc.path, "-p", path.join(root, LIBRARY_CONFIG), "--outDir", temp, "--pretty", "false"], {
      cwd: root,
      encoding: "utf8",
    });
    if (result.status !== 0) {
      fs.rmSync(temp, { recursive: true, force: true });
      throw new LibraryBuildError(`${result.stdout}${result.stderr}`.trim() || `tsc exited with ${result.status ?? result.signal}`);
    }
    fs.writeFileSync(path.join(temp, STAMP), digest);
    const old = `${dir}.${process.pid}.old`;
    if (fs.existsSync(dir)) fs.renameSync(dir, old);
    fs.renameSync(temp, dir);
    fs.rmSync(old, { recursive: true, force: true });
    return { dir, built: true, ms: Date.now() - started };
  });
}

/** tslab's own TypeScript (5.0), so the build matches what tslab would compile. */
function tslabCompiler(root: string): { path: string; version: string } {
  const tslabDir = path.dirname(require.resolve("tslab/package.json", { paths: [root] }));
  const pkg = require.resolve("@tslab/typescript-for-tslab/package.json", { paths: [tslabDir] });
  const version = (JSON.parse(fs.readFileSync(pkg, "utf8")) as { version: string }).version;
  return { path: path.join(path.dirname(pkg), "lib", "tsc.js"), version };
}
