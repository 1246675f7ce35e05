import { describeCell } from "../notebook/losslabMeta";
import { joinSource } from "../notebook/source";
import type { Cell, Notebook } from "../notebook/types";
import { highlightTs } from "./highlight";
import { escapeHtml } from "./html";
import { renderMarkdown } from "./markdown";
import { renderOutput } from "./renderOutput";
import type { NotebookSummary } from "./summarize";

/** The scripts and stylesheets of every page, relative to it (copied there by writeAssets). */
const HEAD_ASSETS = [
  '<link rel="stylesheet" href="assets/katex.css">',
  '<link rel="stylesheet" href="assets/report.css">',
  '<script src="assets/vega.min.js"></script>',
  '<script src="assets/vega-lite.min.js"></script>',
  '<script src="assets/vega-embed.min.js"></script>',
  '<script src="assets/report.js" defer></script>',
].join("\n");

/** A complete HTML page around `body`. */
export function pageShell(title: string, body: string): string {
  return `<!doctype html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="losslab report">
<title>${escapeHtml(title)}</title>
<script>document.documentElement.className = "js";</script>
${HEAD_ASSETS}
</head>
<body>
${body}
</body>
</html>
`;
}

/** "15 PASS · 0 FAIL (15 expected) · 32/32 cells ran · 10 charts", with the verdict's class. */
export function summaryBadges(s: NotebookSummary): string {
  const badge = (cls: string, text: string) => `<span class="badge ${cls}">${escapeHtml(text)}</span>`;
  const expected = s.expectedPass === null ? "" : ` of ${s.expectedPass}`;
  return [
    badge(s.ok ? "ok" : "bad", s.ok ? "passed" : "failed"),
    badge(s.expectedPass !== null && s.pass !== s.expectedPass ? "bad" : "pass", `${s.pass}${expected} PASS`),
    badge(s.fail > 0 ? "bad" : "muted", `${s.fail} FAIL`),
    badge(s.executed < s.codeCells || s.errors > 0 ? "bad" : "muted", `${s.executed}/${s.codeCells} cells ran${s.errors ? `, ${s.errors} errors` : ""}`),
    badge("muted", `${s.charts} chart${s.charts === 1 ? "" : "s"}`),
  ].join(" ");
}

function renderCell(cell: Cell, index: number): string {
  const source = joinSource(cell.source);
  const label = describeCell(cell);
  const id = `cell-${index}`;
  if (cell.cell_type === "markdown") return `<section class="cell markdown" id="${id}">${renderMarkdown(source)}</section>`;
  if (cell.cell_type === "raw") return `<section class="cell raw" id="${id}"><pre>${escapeHtml(source)}</pre></section>`;
  const count = cell.execution_count === null ? " " : String(cell.execution_count);
  const role = label === "code" ? "" : `<span class="role">${escapeHtml(label)}</span>`;
  const outputs = cell.outputs.map(renderOutput).join("\n");
  return (
    `<section class="cell code" id="${id}">` +
    `<div class="input"><div class="prompt">In&nbsp;[${count}]:${role}</div><pre class="source"><code>${highlightTs(source)}</code></pre></div>` +
    (outputs ? `<div class="outputs">${outputs}</div>` : "") +
    `</section>`
  );
}

/** The report page of one executed notebook. */
export function renderNotebookPage(notebook: Notebook, summary: NotebookSummary, fileName: string): string {
  const body = `<header class="page-header">
<nav><a href="index.html">← all notebooks</a></nav>
<p class="file">${escapeHtml(fileName)}</p>
<p class="summary">${summaryBadges(summary)}</p>
</header>
<main class="notebook">
${notebook.cells.map(renderCell).join("\n")}
</main>`;
  return pageShell(summary.title, body);
}

/** One row of the index: a page and its summary. */
export interface IndexEntry {
  href: string;
  fileName: string;
  summary: NotebookSummary;
}

/** The index page: every notebook with its checks, cells and charts. */
export function renderIndexPage(entries: readonly IndexEntry[], generatedAt: Date): string {
  const rows = entries
    .map(
      (e) =>
        `<li class="entry ${e.summary.ok ? "ok" : "bad"}"><a href="${escapeHtml(e.href)}">${escapeHtml(e.summary.title)}</a>` +
        `<span class="file">${escapeHtml(e.fileName)}</span><span class="summary">${summaryBadges(e.summary)}</span></li>`,
    )
    .join("\n");
  const body = `<header class="page-header"><h1>losslab notebooks</h1>
<p class="generated">Executed notebooks, rendered ${escapeHtml(generatedAt.toISOString().replace("T", " ").slice(0, 16))} UTC. Works offline: every script and font is in <code>assets/</code>.</p></header>
<main><ul class="index">
${rows}
</ul></main>`;
  return pageShell("losslab notebooks", body);
}
