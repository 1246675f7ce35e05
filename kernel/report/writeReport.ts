import * as path from "path";
import { readNotebookFile } from "../run/runFile";
import { writeFileAtomic } from "../run/writeFileAtomic";
import { assetFiles } from "./assets";
import { renderIndexPage, renderNotebookPage, type IndexEntry } from "./renderPage";
import { summarize, type NotebookSummary } from "./summarize";

/** Two notebooks that would be written to the same page. */
export class PageNameClash extends Error {
  constructor(a: string, b: string, page: string) {
    super(`${a} and ${b} would both become ${page}`);
    this.name = "PageNameClash";
  }
}

/** One page of the report. */
export interface ReportPage {
  notebook: string;
  page: string;
  summary: NotebookSummary;
}

export interface Report {
  index: string;
  pages: ReportPage[];
  assets: string[];
}

/**
 * Writes the HTML report of executed notebooks into `outDir`: `<name>.html` per notebook, `index.html`, and
 * `assets/` (vega, vega-lite, vega-embed, KaTeX's stylesheet with its fonts, the report's CSS and script). Every
 * file is written atomically, and only after every page and asset was rendered: a bad notebook or a missing
 * package leaves the folder as it was.
 * @param shown how messages name a file (default: as given)
 * @throws NotebookError when a notebook cannot be read or parsed; PageNameClash when two notebooks share a file name
 */
export function writeReport(notebooks: readonly string[], outDir: string, now = new Date(), shown = (file: string) => file): Report {
  const names = new Map<string, string>();
  const parsed = notebooks.map((file) => {
    const base = path.basename(file).replace(/\.ipynb$/i, "");
    const other = names.get(base);
    if (other !== undefined) throw new PageNameClash(shown(other), shown(file), `${base}.html`);
    names.set(base, file);
    return { file, base, notebook: readNotebookFile(file, shown(file)) };
  });
  const files = new Map<string, string>();
  const pages: ReportPage[] = [];
  const entries: IndexEntry[] = [];
  for (const { file, base, notebook } of parsed) {
    const fileName = path.basename(file);
    const summary = summarize(notebook, fileName);
    const page = path.join(outDir, `${base}.html`);
    files.set(page, renderNotebookPage(notebook, summary, fileName));
    pages.push({ notebook: file, page, summary });
    entries.push({ href: `${encodeURIComponent(base)}.html`, fileName, summary });
  }
  const assets = assetFiles(outDir);
  const index = path.join(outDir, "index.html");
  files.set(index, renderIndexPage(entries, now));
  // Everything is rendered before the first write: a failure leaves the folder as it was.
  for (const [file, text] of [...assets, ...files]) writeFileAtomic(file, text);
  return { index, pages, assets: [...assets.keys()] };
}
