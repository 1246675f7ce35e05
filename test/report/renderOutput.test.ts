// Outputs as the report shows them: PASS/FAIL lines marked, errors in red without terminal colours, charts as a
// figure holding the spec (for vega-embed) and the PNG (until it is drawn), images and text as Jupyter ranks them.
import { describe, expect, it } from "vitest";
import { highlightTs } from "../../kernel/report/highlight";
import { renderOutput } from "../../kernel/report/renderOutput";

const VL = "application/vnd.vegalite.v5+json";

describe("renderOutput", () => {
  it("marks PASS and FAIL lines of stdout, escapes the rest, and leaves stderr unmarked", () => {
    const html = renderOutput({ output_type: "stream", name: "stdout", text: ["== <Exercise> ==\n", "PASS - mse: value=1\n", "FAIL - grad: value=2\n"] });
    expect(html).toContain("== &lt;Exercise&gt; ==");
    expect(html).toContain('<span class="check pass">PASS - mse: value=1</span>');
    expect(html).toContain('<span class="check fail">FAIL - grad: value=2</span>');
    expect(renderOutput({ output_type: "stream", name: "stderr", text: "PASS - not a check\n" })).not.toContain('class="check');
  });

  it("shows an error's name, message and traceback without ANSI colour codes", () => {
    const html = renderOutput({ output_type: "error", ename: "TypeError", evalue: "x <is> not", traceback: ["\u001b[31mTypeError\u001b[0m: x", "    at <cell>:2"] });
    expect(html).toMatch(/^<pre class="output error"><strong>TypeError: x &lt;is&gt; not<\/strong>/);
    expect(html).not.toContain("\u001b");
    expect(html).toContain("at &lt;cell&gt;:2");
  });

  it("turns a chart bundle into a figure with its spec (safe inside a script tag) and its PNG at the declared size", () => {
    const spec = { $schema: "https://vega.github.io/schema/vega-lite/v5.json", title: "</script><b>", mark: "point" };
    const html = renderOutput({
      output_type: "display_data",
      data: { [VL]: spec, "image/png": "iVBORw0KGgo=\n", "text/plain": "a chart (Vega-Lite chart)" },
      metadata: { "image/png": { width: 300, height: 200 } },
    });
    expect(html).toMatch(/^<figure class="output chart" data-mime="application\/vnd\.vegalite\.v5\+json" data-state="pending"/);
    expect(html).toContain('<img class="chart-fallback" src="data:image/png;base64,iVBORw0KGgo=" width="300" height="200" alt="a chart (Vega-Lite chart)">');
    const json = /<script type="application\/json" class="chart-spec">(.*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(json).not.toContain("</");
    expect(JSON.parse(json)).toEqual(spec);
  });

  it("ranks the rest of a bundle as Jupyter does: image, HTML, markdown, LaTeX, text", () => {
    expect(renderOutput({ output_type: "display_data", data: { "image/png": "AAAA", "text/plain": "img" }, metadata: {} })).toMatch(/^<img class="output image" src="data:image\/png;base64,AAAA"/);
    expect(renderOutput({ output_type: "display_data", data: { "image/svg+xml": "<svg/>" }, metadata: {} })).toContain("data:image/svg+xml;base64,PHN2Zy8+");
    expect(renderOutput({ output_type: "display_data", data: { "text/html": "<b>hi</b>", "text/plain": "hi" }, metadata: {} })).toBe('<div class="output html"><b>hi</b></div>');
    expect(renderOutput({ output_type: "display_data", data: { "text/markdown": "**hi**" }, metadata: {} })).toContain("<strong>hi</strong>");
    expect(renderOutput({ output_type: "display_data", data: { "text/latex": "$$x^2$$" }, metadata: {} })).toContain("katex-display");
    expect(renderOutput({ output_type: "execute_result", execution_count: 1, data: { "text/plain": "1 < 2" }, metadata: {} })).toBe('<pre class="output plain">1 &lt; 2</pre>');
  });
});

describe("highlightTs", () => {
  it("colours comments, strings, numbers and keywords, and escapes HTML", () => {
    expect(highlightTs('const a = "x<y"; // b < c\nawait f(1e-3);')).toBe(
      '<span class="k">const</span> a = <span class="s">&quot;x&lt;y&quot;</span>; <span class="c">// b &lt; c</span>\n<span class="k">await</span> f(<span class="n">1e-3</span>);',
    );
  });
});
