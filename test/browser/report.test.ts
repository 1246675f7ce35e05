// The HTML report in a real browser: Debian's Chromium, driven by playwright-core, opens every page from file://
// with the network blocked. Every chart must be drawn live by vega-embed with its marks, the formulas typeset, the
// PASS lines marked, no console error, and a slider in the explorer must move its chart. Screenshots go to
// build/screenshots/. In CI (CI=true) nothing skips; elsewhere the test skips, saying why, without Chromium.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executedNotebooks, losslab, root } from "../display/support/executed";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = path.join(root, "build", "screenshots");
const SITE = path.join(root, "build", "test-report");
const PAGES = [
  { name: "loss-functions-exercises", charts: 10, pass: 15, sliders: 0 },
  { name: "loss-explorer", charts: 5, pass: 5, sliders: 5 },
];

const missing = fs.existsSync(CHROMIUM) ? null : `${CHROMIUM} is not installed (apt-get install chromium)`;
if (missing && process.env.CI === "true") throw new Error(`in CI the browser tests must run: ${missing}`);
if (missing) console.warn(`skipped: ${missing}`);

/** What a page did besides rendering: console errors, uncaught errors, and any request that left file://. */
interface PageLog {
  errors: string[];
  network: string[];
}

let context: BrowserContext;
let profile: string;

async function open(name: string): Promise<{ page: Page; log: PageLog }> {
  const page = await context.newPage();
  const log: PageLog = { errors: [], network: [] };
  page.on("console", (m) => {
    if (m.type() === "error") log.errors.push(m.text());
  });
  page.on("pageerror", (e) => log.errors.push(`uncaught: ${e.message}`));
  page.on("request", (r) => {
    if (!/^(file|data):/.test(r.url())) log.network.push(r.url());
  });
  await page.goto(`file://${path.join(SITE, `${name}.html`)}`, { waitUntil: "load" });
  await page.waitForFunction(() => !document.querySelector("figure.chart") || document.documentElement.getAttribute("data-charts") === "done", null, {
    timeout: 120_000,
  });
  return { page, log };
}

/** The data marks of one chart's live SVG: each mark item's tag and geometry (paths, text, lines). */
function markSignature(page: Page, figure: number): Promise<{ count: number; signature: string }> {
  return page.evaluate((i) => {
    const svg = document.querySelectorAll("figure.chart")[i]?.querySelector(".chart-view svg");
    const items = svg ? Array.from(svg.querySelectorAll("g.role-mark > *")) : [];
    const geometry = items.map((el) => `${el.tagName}:${el.getAttribute("d") ?? ""}${el.getAttribute("transform") ?? ""}${el.textContent ?? ""}`);
    return { count: items.length, signature: geometry.join("|") };
  }, figure);
}

describe.skipIf(missing !== null)("the HTML report in Chromium, offline, from file://", { timeout: 300_000 }, () => {
  beforeAll(async () => {
    const run = await executedNotebooks();
    expect(run.code, run.stderr).toBe(0);
    fs.rmSync(SITE, { recursive: true, force: true });
    const files = PAGES.map((p) => path.join(run.dir, `${p.name}.ipynb`));
    const r = await losslab(["report", ...files, "--out", SITE]);
    expect(r.code, r.stderr).toBe(0);
    fs.mkdirSync(SHOTS, { recursive: true });
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "losslab-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
      viewport: { width: 1280, height: 900 },
      offline: true,
    });
    // Only the report's own files may load: anything else (a CDN, a font server) is refused and recorded.
    await context.route(/^(?!file:|data:)/, (route) => route.abort("internetdisconnected"));
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  it("opens the index, which links every notebook page", async () => {
    const { page, log } = await open("index");
    const links = await page.$$eval("ul.index a", (as) => as.map((a) => a.getAttribute("href")));
    expect([...links].sort()).toEqual(PAGES.map((p) => `${p.name}.html`).sort());
    await page.screenshot({ path: path.join(SHOTS, "report-index.png"), fullPage: true });
    expect(log).toEqual({ errors: [], network: [] });
    await page.close();
  });

  it.each(PAGES)("draws every chart of $name live, with marks, and typesets its formulas", async ({ name, charts, pass }) => {
    const { page, log } = await open(name);
    const states = await page.$$eval("figure.chart", (fs) => fs.map((f) => f.getAttribute("data-state")));
    expect(states).toEqual(Array(charts).fill("live"));
    for (let i = 0; i < charts; i++) {
      const { count } = await markSignature(page, i);
      expect(count, `${name} chart ${i}: data marks in the live SVG`).toBeGreaterThan(3);
      const box = await page.locator("figure.chart .chart-view svg").nth(i).boundingBox();
      expect(box && box.width > 300 && box.height > 150, `${name} chart ${i}: drawn at a readable size`).toBe(true);
    }
    expect(await page.locator(".katex").count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator(".katex-error").count()).toBe(0);
    expect(await page.locator(".check.pass").count()).toBe(pass);
    expect(await page.locator(".check.fail").count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, `report-${name}.png`), fullPage: true });
    expect(log).toEqual({ errors: [], network: [] });
    await page.close();
  });

  it("moves each explorer chart with its slider, without the kernel", async () => {
    const { page, log } = await open("loss-explorer");
    const explorer = PAGES[1];
    expect(await page.locator("figure.chart input[type=range]").count()).toBe(explorer.sliders);
    for (let i = 0; i < explorer.charts; i++) {
      const figure = page.locator("figure.chart").nth(i);
      const slider = figure.locator("input[type=range]");
      const [value, min, max] = await slider.evaluate((el: HTMLInputElement) => [el.value, el.min, el.max]);
      const before = await markSignature(page, i);
      if (i === 0) await figure.screenshot({ path: path.join(SHOTS, "explorer-slider-before.png") });
      const target = Number(value) === Number(max) ? min : max;
      await slider.fill(target);
      await page.waitForFunction(
        ([k, old]) => {
          const svg = document.querySelectorAll("figure.chart")[k as number]?.querySelector(".chart-view svg");
          const items = svg ? Array.from(svg.querySelectorAll("g.role-mark > *")) : [];
          const now = items.map((el) => `${el.tagName}:${el.getAttribute("d") ?? ""}${el.getAttribute("transform") ?? ""}${el.textContent ?? ""}`).join("|");
          return now !== old;
        },
        [i, before.signature] as const,
        { timeout: 20_000 },
      );
      const after = await markSignature(page, i);
      expect(after.count, `explorer chart ${i} still has marks`).toBeGreaterThan(3);
      expect(after.signature).not.toBe(before.signature);
      if (i === 0) await figure.screenshot({ path: path.join(SHOTS, "explorer-slider-after.png") });
    }
    expect(log).toEqual({ errors: [], network: [] });
    await page.close();
  });
});
