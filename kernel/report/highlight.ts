import { escapeHtml } from "./html";

const KEYWORDS = new Set(
  ("as async await break case catch class const continue default delete do else export extends false finally for " +
    "from function if import in instanceof interface let new null of return switch this throw true try type typeof " +
    "undefined var void while yield").split(" "),
);

// Comments, strings (with escapes; template literals whole), numbers, words. Anything else passes through.
const TOKEN =
  /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\[\s\S])*`)|(\b\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?\b)|([A-Za-z_$][\w$]*)/g;

/**
 * TypeScript source as escaped HTML with spans for comments, strings, numbers and keywords (classes `c`, `s`,
 * `n`, `k`): enough colour to read a notebook cell, no parser.
 */
export function highlightTs(code: string): string {
  let out = "";
  let last = 0;
  for (const m of code.matchAll(TOKEN)) {
    const at = m.index as number;
    out += escapeHtml(code.slice(last, at));
    const text = escapeHtml(m[0]);
    if (m[1] !== undefined) out += `<span class="c">${text}</span>`;
    else if (m[2] !== undefined) out += `<span class="s">${text}</span>`;
    else if (m[3] !== undefined) out += `<span class="n">${text}</span>`;
    else out += KEYWORDS.has(m[0]) ? `<span class="k">${text}</span>` : text;
    last = at + m[0].length;
  }
  return out + escapeHtml(code.slice(last));
}
