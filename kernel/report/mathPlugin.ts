import katex = require("katex");
import type MarkdownIt = require("markdown-it");

type StateInline = MarkdownIt.StateInline;
type StateBlock = MarkdownIt.StateBlock;

/**
 * LaTeX as KaTeX renders it at build time, as HTML (for the eye) plus MathML (for screen readers and copy), so the
 * page needs only KaTeX's stylesheet and fonts, no script. A formula KaTeX cannot parse is shown as its source in
 * red (class `katex-error`) instead of stopping the report.
 */
export function renderMath(tex: string, display: boolean): string {
  return katex.renderToString(tex, { displayMode: display, output: "htmlAndMathml", throwOnError: false, strict: "ignore" });
}

/** The closing `$` (or `$$`) of a formula starting at `from`, skipping `\$`; -1 when there is none. */
function findClose(src: string, from: number, end: number, delimiter: string): number {
  for (let i = from; i < end; i++) {
    if (src[i] === "\\") {
      i++;
      continue;
    }
    if (src.startsWith(delimiter, i)) return i;
  }
  return -1;
}

/**
 * Inline math, Jupyter's way: `$…$` (no space just inside the dollars, no digit right after the closing one, so
 * "$5 and $6" stays text) and `$$…$$` inside a paragraph (shown as a display formula).
 */
function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, posMax } = state;
  const start = state.pos;
  if (src[start] !== "$") return false;
  const display = src[start + 1] === "$";
  const open = display ? 2 : 1;
  const close = findClose(src, start + open, posMax, display ? "$$" : "$");
  if (close === -1 || close === start + open) return false;
  const tex = src.slice(start + open, close);
  if (!display && (/^\s/.test(tex) || /\s$/.test(tex) || /\d/.test(src[close + 1] ?? ""))) return false;
  if (!silent) {
    const token = state.push(display ? "math_display" : "math_inline", "", 0);
    token.content = tex;
    token.markup = display ? "$$" : "$";
  }
  state.pos = close + open;
  return true;
}

/** A display formula as its own block: a line starting with `$$`, up to the line that ends with `$$`. */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const lineText = (line: number) => state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
  if (state.sCount[startLine] - state.blkIndent >= 4) return false; // an indented code block
  const first = lineText(startLine);
  if (!first.startsWith("$$")) return false;
  let last = startLine;
  let body: string;
  const rest = first.slice(2);
  if (rest.trimEnd().endsWith("$$") && rest.trim().length > 2) {
    body = rest.trimEnd().slice(0, -2);
  } else {
    const lines = [rest];
    for (last = startLine + 1; last < endLine; last++) {
      const text = lineText(last);
      if (text.trimEnd().endsWith("$$")) {
        lines.push(text.trimEnd().slice(0, -2));
        break;
      }
      lines.push(text);
    }
    if (last >= endLine) return false; // never closed: leave it to the paragraph rule
    body = lines.join("\n");
  }
  if (silent) return true;
  const token = state.push("math_display", "", 0);
  token.block = true;
  token.content = body.trim();
  token.markup = "$$";
  token.map = [startLine, last + 1];
  state.line = last + 1;
  return true;
}

/** markdown-it plugin: `$…$`, `$$…$$` and `$$` blocks rendered with KaTeX. */
export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.before("escape", "math_inline", mathInline);
  md.block.ruler.before("paragraph", "math_block", mathBlock, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.renderer.rules.math_inline = (tokens, idx) => renderMath(tokens[idx].content, false);
  md.renderer.rules.math_display = (tokens, idx) => `<div class="math-display">${renderMath(tokens[idx].content, true)}</div>\n`;
}
