import { spawn } from "child_process";
import { randomUUID } from "crypto";
import * as fs from "fs";
import * as path from "path";

export const root = path.resolve(__dirname, "..", "..", "..");
export const fixtures = path.join(root, "test", "fixtures", "notebooks");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Processes still alive after the CLI exited that were started by it (found by an environment marker). */
  leftovers: number[];
}

/**
 * Runs `node bin/losslab.js …` in a child process, the way a user does, and then looks for any process it left
 * behind: every process it starts inherits a unique LOSSLAB_TEST_MARK, found in /proc/<pid>/environ (Linux).
 */
export async function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const mark = randomUUID();
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(root, "bin", "losslab.js"), ...args], {
    cwd: options.cwd ?? root,
    env: { ...process.env, ...options.env, LOSSLAB_TEST_MARK: mark, FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
  const ms = Date.now() - started;
  await new Promise((r) => setTimeout(r, 200)); // a kernel that is exiting on its own gets a moment
  return { code, stdout, stderr, ms, leftovers: processesMarked(mark) };
}

export function processesMarked(mark: string): number[] {
  if (process.platform !== "linux") return [];
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/environ`, "latin1").includes(`LOSSLAB_TEST_MARK=${mark}`)) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile, or is not ours to read
    }
  }
  return pids;
}

/** The 15 check lines of the original notebook, in order (../shared/seed/README.md), by name. */
export const SEED_CHECK_NAMES = [
  "mse",
  "gradient",
  "Huber values",
  "stable BCE equals probability BCE",
  "first CE",
  "huge-logit CE finite",
  "masked mean",
  "easy example downweighted most",
  "positive diagonal gives low mean loss",
  "triplet loss",
  "triplet violates margin",
  "preference loss finite",
  "better relative advantage lowers logistic loss",
  "shares sum to one",
  "CE dominates after weighting",
];

/** The name part of "PASS - name: value=…" or "PASS - name". */
export const checkName = (line: string) => line.replace(/^(PASS|FAIL) - /, "").replace(/: value=.*$/, "");
