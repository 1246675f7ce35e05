import { formatShape } from "./case";
import type { Row, SuiteResult } from "./suite";

const HEAD = ["case", "function", "size", "dtype", "task", "losslab ms", "±", "Melem/s", "GB/s", "numpy ms", "±", "losslab/numpy", "same"];
const RIGHT = new Set([5, 6, 7, 8, 9, 10, 11]);

/** Three significant digits, without exponent for the ranges a benchmark shows. */
export function sig(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))));
  return x.toFixed(Math.min(digits, 6));
}

function spread(t: { medianMs: number; madMs: number } | undefined): string {
  return t === undefined || t.medianMs === 0 ? "" : `${Math.round((100 * t.madMs) / t.medianMs)}%`;
}

function agreement(r: Row): string {
  if (r.disagreement === undefined || r.tolerance === undefined) return "";
  return r.disagreement <= r.tolerance ? "✓" : `✗ ${r.disagreement.toExponential(1)}`;
}

function cells(r: Row): string[] {
  const js = r.js;
  const np = r.numpy;
  const seconds = js === undefined ? NaN : js.medianMs / 1000;
  return [
    r.id,
    r.fn,
    formatShape(r.shape),
    r.dtype,
    r.task,
    js === undefined ? `error: ${r.jsError ?? "?"}` : sig(js.medianMs),
    spread(js),
    js === undefined ? "" : sig(r.elements / seconds / 1e6),
    js === undefined ? "" : sig(r.bytes / seconds / 1e9),
    np === undefined ? (r.numpyError === undefined ? "—" : `error: ${r.numpyError}`) : sig(np.medianMs),
    spread(np),
    js === undefined || np === undefined ? "" : `${(js.medianMs / np.medianMs).toFixed(2)}×`,
    agreement(r),
  ];
}

/** The results as a Markdown table (aligned, so it also reads as plain text), with the notes that go under it. */
export function renderTable(result: SuiteResult): string {
  const body = result.rows.map(cells);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (row: readonly string[]): string =>
    `| ${row.map((c, i) => (RIGHT.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (RIGHT.has(i) ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  const out = [line(HEAD), rule, ...body.map(line)];
  out.push("", ...notes(result));
  return out.join("\n");
}

function notes(result: SuiteResult): string[] {
  const out: string[] = [];
  const compared = result.rows.filter((r) => r.js !== undefined && r.numpy !== undefined);
  if (compared.length > 0) {
    const faster = compared.filter((r) => (r.js as { medianMs: number }).medianMs <= (r.numpy as { medianMs: number }).medianMs);
    out.push(`losslab at or ahead of numpy in ${faster.length} of ${compared.length} measurements.`);
  }
  const differing = result.rows.filter((r) => r.disagreement !== undefined && r.tolerance !== undefined && r.disagreement > r.tolerance);
  if (differing.length > 0) {
    out.push(`Results differ from numpy's beyond tolerance in: ${differing.map((r) => `${r.id} ${formatShape(r.shape)} ${r.dtype} ${r.task}`).join(", ")}.`);
  }
  if (result.numpyNote !== undefined) out.push(`numpy side not run: ${result.numpyNote}.`);
  for (const p of result.pending) out.push(`Not run: ${p.id} (losslab does not export ${p.missing.join(", ")} yet).`);
  return out;
}
