import { spawnSync } from "node:child_process";
import { ALLOCATOR_ENV } from "../kernel/exec/allocatorEnv";
import { existsSync, readFileSync } from "node:fs";
import * as os from "node:os";
import type { NumpyInfo } from "./numpy";

/** What a result depends on besides the code: the machine, the runtimes and the moment. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly v8: string;
  readonly numpy: string;
  /** Which glibc allocator settings each side ran with. */
  readonly allocator: string;
  readonly commit: string;
  readonly date: string;
  /** 1-minute load average when the run started: another process on a 2-core machine shows here. */
  readonly load: number;
}

/** The commit, marked when src/ has uncommitted changes (the bench measures the work tree). */
function gitCommit(): string {
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" });
  if (head.status !== 0) return "unknown";
  const dirty = spawnSync("git", ["status", "--porcelain", "--", "src"], { encoding: "utf8" });
  return `${head.stdout.trim()}${dirty.status === 0 && dirty.stdout.trim() !== "" ? " with uncommitted changes in src/" : ""}`;
}

/** The widest x86 SIMD the CPU reports (numpy's ufuncs use it; V8's scalar code does not). */
function simd(): string {
  if (!existsSync("/proc/cpuinfo")) return "";
  const flags = new Set((/^flags\s*:(.*)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "").trim().split(/\s+/));
  if (flags.has("avx512f")) return ", AVX-512";
  if (flags.has("avx2")) return ", AVX2";
  return "";
}

function blasText(info: NumpyInfo): string {
  if (info.blas === undefined || info.blas.length === 0) return "";
  const b = info.blas
    .map((p) => [p.internal_api, p.version, p.architecture, p.num_threads === undefined ? "" : `${String(p.num_threads)} threads`])
    .map((parts) => parts.filter((x) => x !== undefined && x !== null && x !== "").join(" "));
  return `, BLAS ${b.join("; ")}`;
}

/** True when this Node process runs with kernel/exec/allocatorEnv.js's settings (`npm run bench` sets them). */
export function nodeAllocatorPinned(env: NodeJS.ProcessEnv = process.env): boolean {
  return Object.entries(ALLOCATOR_ENV).every(([name, value]) => env[name] === value);
}

/** The settings, as `NAME=value` words. */
export const ALLOCATOR_TEXT = Object.entries(ALLOCATOR_ENV).map(([name, value]) => `${name}=${value}`).join(" ");

export function describeMachine(numpy: NumpyInfo | null, load: number, started: Date): Machine {
  const cpus = os.cpus();
  return {
    cpu: `${cpus.length > 0 ? cpus[0].model.trim() : "unknown"}${simd()}`,
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    numpy:
      numpy === null
        ? "numpy not run"
        : `numpy ${numpy.numpy} on Python ${numpy.python}${blasText(numpy)}; numpy's glibc malloc ${numpy.pinnedMalloc === true ? "pinned" : "default"}`,
    allocator:
      `Node ${nodeAllocatorPinned() ? "pinned" : "default (not run through `npm run bench`)"}, numpy ` +
      `${numpy === null ? "not run" : numpy.pinnedMalloc === true ? "pinned" : "default (--default-malloc)"}; pinned = ${ALLOCATOR_TEXT}`,
    commit: gitCommit(),
    date: started.toISOString(),
    load,
  };
}

export function renderMachine(m: Machine): string {
  return [
    `- CPU: ${m.cpu}, ${m.cores} cores available, ${m.memoryGiB} GiB memory; ${m.os}`,
    `- Node ${m.node} (V8 ${m.v8}); ${m.numpy}`,
    `- glibc allocator of ${m.allocator}`,
    `- losslab commit ${m.commit}; run started ${m.date} with a 1-minute load average of ${m.load.toFixed(2)}`,
  ].join("\n");
}
