import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { compiledSources, hashLibraryInputs, LIBRARY_CONFIG, listLibraryInputs } from "./libraryInputs";
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

/** Written beside a build: the digest of its inputs and the sources it compiled. */
const STAMP = ".inputs.json";

interface Stamp {
  digest: string;
  compiled: string[];
}

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
  const stamp = (): Stamp | null => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, STAMP), "utf8")) as Stamp;
    } catch {
      return null;
    }
  };
  const upToDate = (s: Stamp | null) => s !== null && s.digest === hashLibraryInputs(root, listLibraryInputs(root, s.compiled), tsc.version);
  if (upToDate(stamp())) return { dir, built: false, ms: Date.now() - started };
  return withLock(path.join(root, "build", ".lib.lock"), () => {
    if (upToDate(stamp())) return { dir, built: false, ms: Date.now() - started }; // another process built it
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
    const compiled = compiledSources(root, temp);
    const digest = hashLibraryInputs(root, listLibraryInputs(root, compiled), tsc.version);
    fs.writeFileSync(path.join(temp, STAMP), `${JSON.stringify({ digest, compiled } satisfies Stamp)}\n`);
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
