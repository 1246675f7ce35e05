// Markdown and LaTeX as the report renders them: CommonMark + GFM tables, formulas typeset by KaTeX at build time
// (HTML + MathML), dollars in code and prices left alone, raw HTML shown as text.
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { parseNotebook } from "../../kernel/notebook/parseNotebook";
import { joinSource } from "../../kernel/notebook/source";
import { renderMarkdown } from "../../kernel/report/markdown";

const root = path.resolve(__dirname, "..", "..");
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe("renderMarkdown", () => {
  it("typesets $…$ inline and $$…$$ as a display formula, with MathML for screen readers", () => {
    const html = renderMarkdown("Loss $x_1^2$ here.\n\n$$\\frac{1}{N}\\sum_i r_i^2$$");
    expect(count(html, '<span class="katex">')).toBe(2);
    expect(count(html, '<math xmlns="http://www.w3.org/1998/Math/MathML"')).toBe(2);
    expect(count(html, '<div class="math-display"><span class="katex-display">')).toBe(1);
    expect(html).toContain('<annotation encoding="application/x-tex">x_1^2</annotation>');
    expect(html).not.toContain("katex-error");
  });

  it("keeps LaTeX's own backslashes and underscores away from markdown (cases, subscripts, emphasis)", () => {
    const tex = "L_\\delta(r) = \\begin{cases} a_1 & |r| \\le \\delta \\\\ b_2 & |r| > \\delta \\end{cases}";
    const html = renderMarkdown(`$$${tex}$$`);
    expect(html).toContain(`<annotation encoding="application/x-tex">${tex.replace(/&/g, "&amp;").replace(/>/g, "&gt;")}</annotation>`);
    expect(html).not.toContain("<em>");
  });

  it("reads a display formula over several lines, even with a line that looks like a list item", () => {
    const html = renderMarkdown("Before.\n\n$$a = b\n+ c\n- d$$\n\nAfter.");
    expect(html).toContain('<annotation encoding="application/x-tex">a = b\n+ c\n- d</annotation>');
    expect(html).not.toContain("<ul>");
    expect(html).toMatch(/<p>After\.<\/p>/);
  });

  it("leaves dollars in code spans, escaped dollars and prices as text", () => {
    const html = renderMarkdown("Use `a$b$c`, pay \\$5, or $5 and $6 today.");
    expect(html).not.toContain("katex");
    expect(html).toContain("<code>a$b$c</code>");
    expect(html).toContain("pay $5, or $5 and $6 today.");
  });

  it("renders GFM tables and shows raw HTML as text", () => {
    const html = renderMarkdown("| a | b |\n|---|---|\n| 1 | ★ |\n\n<script>alert(1)</script>");
    expect(html).toContain("<table>");
    expect(html).toContain("<td>★</td>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
  });

  it("typesets every formula of the project's notebooks without a KaTeX error", () => {
    for (const name of fs.readdirSync(path.join(root, "notebooks")).filter((f) => f.endsWith(".ipynb"))) {
      const file = path.join(root, "notebooks", name);
      const nb = parseNotebook(fs.readFileSync(file, "utf8"), file);
      let formulas = 0;
      for (const cell of nb.cells) {
        if (cell.cell_type !== "markdown") continue;
        const html = renderMarkdown(joinSource(cell.source));
        expect(html, `${name}: ${joinSource(cell.source).slice(0, 60)}`).not.toContain("katex-error");
        expect(html).not.toMatch(/\$\$/); // no formula left untypeset
        formulas += count(html, '<span class="katex">');
      }
      expect(formulas, name).toBeGreaterThanOrEqual(5);
    }
  });
});
