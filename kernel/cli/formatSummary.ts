import * as path from "path";
import type { RunReport } from "./toReport";

/**
 * The summary table: notebook, cells ok/total, PASS (got/declared), FAIL, seconds and the result, then one
 * paragraph per failure (notebook, cell index, what failed, the first lines of the cell).
 */
export function formatSummary(report: RunReport): string {
  const header = ["notebook", "cells", "PASS", "FAIL", "seconds", "result"];
  const rows = report.notebooks.map((n) => [
    path.basename(n.file),
    n.error ? "-" : `${n.cells.ok}/${n.cells.total}`,
    n.error ? "-" : `${n.checks.pass}/${n.checks.expected ?? "?"}`,
    n.error ? "-" : String(n.checks.fail),
    n.error ? "-" : n.seconds.toFixed(2),
    n.error ? "UNREADABLE" : n.ok ? "ok" : "FAILED",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
  const out = [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  for (const n of report.notebooks) {
    if (n.ok) continue;
    out.push("", `${n.file}:`);
    for (const f of n.failures) {
      out.push(`  - cell [${f.cell}] (${f.label}) failed: ${f.ename}: ${f.evalue}`);
      for (const l of f.firstLines) out.push(`      | ${l}`);
    }
    for (const p of n.problems) if (!p.startsWith("cell [")) out.push(`  - ${p}`);
  }
  return `${out.join("\n")}\n`;
}
