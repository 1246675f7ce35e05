/**
 * `npm run bench -- --memory`: the peak resident memory of each selected case's value and gradient at its largest
 * selected size, each in a fresh Node process (bench/memoryProbe.ts), against the budget of issue 6: the inputs
 * plus twice the larger output. Linux only (it reads /proc/self/status).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { formatShape, sizesFor } from "./case";
import type { BenchCase, Tier } from "./case";
import type { Dtype } from "./data";
import type { MemoryProbe } from "./memoryProbe";
import { sig } from "./table";

const PROBE = path.join(__dirname, "memoryProbe.ts");

/** Why memory cannot be measured here, or null. */
export function memoryUnavailable(): string | null {
  return existsSync("/proc/self/clear_refs") ? null : "needs Linux's /proc/self/clear_refs";
}

/** Runs the probe for `c` at `shape` in a fresh process and returns what it printed. */
export function probeMemory(c: BenchCase, dtype: Dtype, shape: readonly number[]): MemoryProbe {
  const stdout = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", PROBE, c.id, dtype, shape.join("x")],
    { cwd: path.join(__dirname, ".."), encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split("\n").pop() ?? "") as MemoryProbe;
}

/** The largest selected size of each case and dtype, probed one by one. */
export function measureMemory(
  cases: readonly BenchCase[], tiers: readonly Tier[], dtypes: readonly Dtype[], f64Large: boolean, log: (line: string) => void,
): MemoryProbe[] {
  const probes: MemoryProbe[] = [];
  for (const c of cases) {
    for (const dtype of dtypes) {
      const largest = sizesFor(c, tiers, dtype, f64Large)[0];
      if (largest === undefined) continue;
      log(`memory ${c.id} ${formatShape(largest.shape)} ${dtype}`);
      probes.push(probeMemory(c, dtype, largest.shape));
    }
  }
  return probes;
}

/** The budget: inputs + 2 × the larger output. */
export function budget(p: MemoryProbe): number {
  return p.inputBytes + 2 * Math.max(p.valueBytes, p.gradBytes);
}

const MIB = 1024 * 1024;
const mib = (bytes: number): string => (bytes < 0.01 * MIB ? "< 0.01" : sig(bytes / MIB));

/** The probes as a Markdown table; peaks are counted beyond the runtime's own resident memory. */
export function renderMemory(probes: readonly MemoryProbe[]): string {
  const head = "| case | size | dtype | inputs MiB | output MiB (value / grad) | peak MiB, value | peak MiB, grad | budget MiB | within |";
  const rule = "|---|---|---|---:|---:|---:|---:|---:|---|";
  const rows = probes.map((p) => {
    const peak = Math.max(p.valuePeak, p.gradPeak) - p.runtime;
    const within = peak <= budget(p) ? "✓" : `✗ ${(peak / budget(p)).toFixed(2)}×`;
    return `| ${p.id} | ${formatShape(p.shape)} | ${p.dtype} | ${mib(p.inputBytes)} | ${mib(p.valueBytes)} / ${mib(p.gradBytes)} | ${mib(p.valuePeak - p.runtime)} | ${mib(p.gradPeak - p.runtime)} | ${mib(budget(p))} | ${within} |`;
  });
  return [
    head, rule, ...rows, "",
    "Peak: the high-water mark of resident memory during the call minus the process's resident memory before any input",
    "existed (Node, tsx and the library: " + (probes.length === 0 ? "—" : `${mib(probes[0].runtime)} MiB`) + "), so it counts the inputs, the result",
    "and any working memory. Budget: the inputs plus twice the larger output (issue 6). The value's result is dropped",
    "before the gradient runs. Each case runs in a fresh process.",
  ].join("\n");
}
