// `losslab report`: pages, index and assets written atomically from executed notebooks, nothing from a CDN, and
// clear exit codes for bad usage. Notebooks here are small, made in the test (a real chart bundle included).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandIO } from "../../kernel/cli/runCommand";
import { main } from "../../kernel/cli/main";
import { chartBundle } from "../../kernel/display/chartBundle";
import { serializeNotebook } from "../../kernel/notebook/serializeNotebook";
import type { Cell, Notebook, Output } from "../../kernel/notebook/types";
import { reportCommand } from "../../kernel/report/reportCommand";
import { ASSETS } from "../../kernel/report/assets";
import { chartHuber } from "../../src/charts/index";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "losslab-report-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function io() {
  const out = { stdout: "", stderr: "" };
  const value: CommandIO = {
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
    cwd: tmp,
    projectRoot: path.resolve(__dirname, "..", ".."),
  };
  return { io: value, out };
}

const md = (text: string): Cell => ({ cell_type: "markdown", metadata: { losslab: { role: "markdown" } }, source: text });
const code = (source: string, outputs: Output[], count: number | null = 1): Cell => ({
  cell_type: "code",
  metadata: { losslab: { role: "setup" } },
  source,
  execution_count: count,
  outputs,
});
const notebook = (cells: Cell[], expectedPass: number): Notebook => ({ nbformat: 4, nbformat_minor: 5, metadata: { losslab: { expectedPass } }, cells });

function write(dir: string, name: string, nb: Notebook): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, serializeNotebook(nb));
  return file;
}

describe("losslab report", () => {
  const runs = path.join(tmp, "executed");
  beforeAll(async () => {
    const bundle = await chartBundle(chartHuber({ deltas: [1], points: 21 }));
    write(runs, "good.ipynb", notebook([
      md("# A good notebook\n\nThe loss $\\ell = r^2$."),
      code('console.log("PASS - mse: value=1")', [{ output_type: "stream", name: "stdout", text: ["PASS - mse: value=1\n"] }]),
      code("await show(chart)", [{ output_type: "display_data", data: bundle.data, metadata: bundle.metadata ?? {} }], 2),
    ], 1));
    write(runs, "bad.ipynb", notebook([
      code("check()", [{ output_type: "stream", name: "stdout", text: "FAIL - mse: value=2\n" }]),
      code("boom()", [{ output_type: "error", ename: "Error", evalue: "boom", traceback: [] }], 2),
      code("later()", [], null),
    ], 1));
  });

  it("writes a page per notebook, an index and the assets, and names what it wrote", async () => {
    const { io: cio, out } = io();
    const code = await reportCommand(["executed", "--out", "site"], cio);
    expect([code, out.stderr]).toEqual([0, ""]);
    expect(out.stdout).toBe("site/bad.html  0 PASS, 1 FAIL, 0 charts  (notebook did not pass)\nsite/good.html  1 PASS, 0 FAIL, 1 charts\nreport: site/index.html\n");
    const site = path.join(tmp, "site");
    expect(fs.readdirSync(site).sort()).toEqual(["assets", "bad.html", "good.html", "index.html"]);
    expect(fs.readdirSync(path.join(site, "assets")).sort()).toEqual(ASSETS.map((a) => a.name).sort());
    expect(fs.readdirSync(site, { recursive: true }).filter((f) => String(f).endsWith(".tmp"))).toEqual([]);
  });

  it("renders markdown with its formula, the code, the outputs with PASS/FAIL marked, and the chart's spec and PNG", () => {
    const good = fs.readFileSync(path.join(tmp, "site", "good.html"), "utf8");
    expect(good).toContain("<title>A good notebook</title>");
    expect(good).toContain('<span class="katex">');
    expect(good).toContain('<span class="check pass">PASS - mse: value=1</span>');
    expect(good).toContain('<span class="badge ok">passed</span>');
    expect(good).toMatch(/<figure class="output chart"[^>]*><div class="chart-view"><\/div><img class="chart-fallback" src="data:image\/png;base64,iVBOR/);
    const bad = fs.readFileSync(path.join(tmp, "site", "bad.html"), "utf8");
    expect(bad).toContain('<span class="check fail">FAIL - mse: value=2</span>');
    expect(bad).toContain('<pre class="output error"><strong>Error: boom</strong>');
    expect(bad).toContain('<span class="badge bad">2/3 cells ran, 1 errors</span>');
    const index = fs.readFileSync(path.join(tmp, "site", "index.html"), "utf8");
    expect(index.indexOf('href="bad.html"')).toBeLessThan(index.indexOf('href="good.html"'));
    expect(index).toContain('<li class="entry ok"><a href="good.html">A good notebook</a>');
  });

  it("loads every script and stylesheet from assets/ beside the page: no CDN, no network", () => {
    for (const page of ["good.html", "bad.html", "index.html"]) {
      const html = fs.readFileSync(path.join(tmp, "site", page), "utf8");
      const refs = [...html.matchAll(/<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(refs.filter((r) => !r.startsWith("assets/") && !r.startsWith("data:")), page).toEqual([]);
      expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    }
    const css = fs.readFileSync(path.join(tmp, "site", "assets", "katex.css"), "utf8");
    expect(css).not.toMatch(/url\((?!data:)/); // KaTeX's fonts inlined: one self-contained stylesheet
    expect(css.match(/url\(data:font\/woff2;base64,/g)?.length).toBeGreaterThanOrEqual(15);
    for (const js of ["vega.min.js", "vega-lite.min.js", "vega-embed.min.js"]) {
      expect(fs.readFileSync(path.join(tmp, "site", "assets", js), "utf8"), js).not.toContain("sourceMappingURL");
    }
  });

  it("is a command of the losslab CLI, with its own help", async () => {
    const { io: cio, out } = io();
    expect(await main(["report", "--help"], cio)).toBe(0);
    expect(out.stdout).toMatch(/^usage: losslab report <executed notebook \| folder>… --out <dir>/);
    const listed = io();
    await main(["--help"], listed.io);
    expect(listed.out.stdout).toMatch(/\n {2}report {4}write an offline HTML report/);
  });

  it.each([
    [["executed"], "--out <dir> is required"],
    [["--out", "x"], "no notebooks given"],
    [["executed", "--out"], "--out needs a folder"],
    [["executed", "--out", "x", "--fast"], "unknown option --fast"],
    [["empty-folder", "--out", "x"], "no .ipynb notebooks in empty-folder"],
  ])("exits 2 on bad usage %j", async (argv, message) => {
    fs.mkdirSync(path.join(tmp, "empty-folder"), { recursive: true });
    const { io: cio, out } = io();
    expect(await reportCommand(argv, cio)).toBe(2);
    expect(out.stderr.split("\n")[0]).toBe(`losslab report: ${message}`);
    expect(fs.existsSync(path.join(tmp, "x"))).toBe(false);
  });

  it("exits 2 and writes nothing for a missing or malformed notebook, or two notebooks with one page name", async () => {
    fs.writeFileSync(path.join(tmp, "broken.ipynb"), "{ not json");
    write(path.join(tmp, "other"), "good.ipynb", notebook([], 0));
    const cases: Array<[string[], RegExp]> = [
      [["executed/good.ipynb", "missing.ipynb"], /^losslab report: missing\.ipynb: no such file$/],
      [["broken.ipynb"], /^losslab report: broken\.ipynb: not valid JSON/],
      [["executed/good.ipynb", "other/good.ipynb"], /^losslab report: executed\/good\.ipynb and other\/good\.ipynb would both become good\.html$/],
    ];
    for (const [files, message] of cases) {
      const { io: cio, out } = io();
      expect(await reportCommand([...files, "--out", "nothing"], cio)).toBe(2);
      expect(out.stderr.trim()).toMatch(message);
      expect(fs.existsSync(path.join(tmp, "nothing"))).toBe(false);
    }
  });
});
