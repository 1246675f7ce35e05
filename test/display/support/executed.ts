// The notebooks executed once by `losslab run` and shared by the display and browser tests: the run's output is
// kept under build/test-runs/<digest of its inputs>/, so test files running side by side (and later runs with the
// same sources) reuse it instead of starting the kernels again. The digest covers everything the run reads: the
// notebooks, src/, kernel/, losslab.ts, the lock file and the Node version.
import { spawn } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

export const root = path.resolve(__dirname, "..", "..", "..");
export const TIMING_FIXTURE = path.join(root, "test", "display", "fixtures", "render-timing.ipynb");
const INPUT_DIRS = ["notebooks", "src", "kernel", "bin"];
const INPUT_FILES = ["losslab.ts", "package-lock.json", path.relative(root, TIMING_FIXTURE)];

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/losslab.js …` in a child process; kills it after `timeoutMs`. */
export function losslab(args: readonly string[], timeoutMs = 300_000, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "bin", "losslab.js"), ...args], {
      cwd: root,
      env: { ...process.env, ...env, FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function inputDigest(): string {
  const hash = createHash("sha256").update(`node ${process.version}\n`);
  const add = (rel: string) => {
    const full = path.join(root, rel);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) add(path.join(rel, name));
    } else {
      hash.update(`${rel}\n`).update(fs.readFileSync(full)).update("\n");
    }
  };
  [...INPUT_DIRS, ...INPUT_FILES].forEach(add);
  return hash.digest("hex").slice(0, 16);
}

/** What the shared run produced. */
export interface ExecutedRun {
  /** The folder holding the executed notebooks (same file names as the sources). */
  dir: string;
  /** `losslab run --json`'s exit code and output. */
  code: number | null;
  report: { ok: boolean; notebooks: Array<{ file: string; ok: boolean; problems: string[]; checks: { pass: number; fail: number; expected: number | null } }> };
  stderr: string;
}

/** Keeps the `keep` most recent finished runs (by their run.json), removing older ones. */
function pruneOldRuns(dir: string, keep: number): void {
  const finished = fs
    .readdirSync(dir)
    .map((name) => ({ name, stat: fs.statSync(path.join(dir, name, "run.json"), { throwIfNoEntry: false }) }))
    .filter((e) => e.stat !== undefined)
    .sort((a, b) => (b.stat?.mtimeMs ?? 0) - (a.stat?.mtimeMs ?? 0));
  for (const old of finished.slice(keep)) fs.rmSync(path.join(dir, old.name), { recursive: true, force: true });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Executes every notebook in notebooks/ plus the render-timing fixture with `losslab run` (once per digest of the
 * inputs; a lock folder makes concurrent callers wait for the first).
 */
export async function executedNotebooks(): Promise<ExecutedRun> {
  const base = path.join(root, "build", "test-runs", inputDigest());
  const done = path.join(base, "run.json");
  const lock = `${base}.lock`;
  fs.mkdirSync(path.dirname(base), { recursive: true });
  for (;;) {
    if (fs.existsSync(done)) return JSON.parse(fs.readFileSync(done, "utf8")) as ExecutedRun;
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const held = fs.statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 600_000) fs.rmSync(lock, { recursive: true, force: true }); // left by a killed run
      await sleep(500);
    }
  }
  try {
    const dir = path.join(base, "notebooks");
    fs.rmSync(dir, { recursive: true, force: true });
    const r = await losslab(["run", "notebooks", TIMING_FIXTURE, "--out", dir, "--json"]);
    let report: ExecutedRun["report"];
    try {
      report = JSON.parse(r.stdout) as ExecutedRun["report"];
    } catch {
      throw new Error(`losslab run printed no JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
    }
    const run: ExecutedRun = { dir, code: r.code, report, stderr: r.stderr };
    if (r.code === 0) {
      fs.writeFileSync(`${done}.tmp`, JSON.stringify(run));
      fs.renameSync(`${done}.tmp`, done);
      pruneOldRuns(path.dirname(base), 3);
    }
    return run;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
