import MarkdownIt = require("markdown-it");
import { mathPlugin } from "./mathPlugin";

let md: MarkdownIt | null = null;

/**
 * Renders a notebook's markdown as Jupyter shows it: CommonMark with GitHub tables and strikethrough, LaTeX between
 * dollars typeset by KaTeX. Raw HTML in the markdown is shown as text (the report never runs a notebook's HTML).
 * @example
 * renderMarkdown("**PASS** when $x^2 \\ge 0$"); // contains '<strong>PASS</strong>' and KaTeX's '<span class="katex">'
 */
export function renderMarkdown(text: string): string {
  if (!md) md = new MarkdownIt("default", { html: false, linkify: false, typographer: false }).use(mathPlugin);
  return md.render(text);
}
