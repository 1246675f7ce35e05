// Every catalog chart is a valid Vega-Lite v5 spec (the schema shipped in the vega-lite package), compiles with
// vega-lite 5 without a warning, and renders with vega 5 to an SVG holding marks; its PNG goes to build/charts/.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import type { ValidateFunction } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { chartSchemaUrl, chartTheme } from "../../src/charts";
import { catalog } from "./catalog";
import { renderSvg, svgToPng } from "../../kernel/render/renderChart";

const ROOT = join(__dirname, "../..");
const OUT = join(ROOT, "build/charts");
let validate: ValidateFunction;

beforeAll(() => {
  const schema = JSON.parse(readFileSync(join(ROOT, "node_modules/vega-lite/build/vega-lite-schema.json"), "utf8"));
  validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
  mkdirSync(OUT, { recursive: true });
});

/** PNG magic bytes, then width and height from the IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe.each(catalog)("chart $name", ({ name, make }) => {
  it("is a plain JSON object with the v5 schema and the theme", () => {
    const spec = make();
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec); // no undefined, NaN, ∞, functions or typed arrays
    expect(spec.$schema).toBe(chartSchemaUrl);
    expect(spec.config).toEqual(chartTheme);
  });

  it("validates against the Vega-Lite v5 JSON schema", () => {
    const ok = validate(JSON.parse(JSON.stringify(make())));
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
  });

  it("compiles and renders without a warning, to an SVG with marks and a PNG", async () => {
    const rendered = await renderSvg(make());
    expect(rendered.warnings).toEqual([]);
    expect(rendered.svg.startsWith("<svg")).toBe(true);
    const total = Object.values(rendered.marks).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    const { png } = svgToPng(rendered.svg);
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThan(400);
    expect(height).toBeGreaterThan(200);
    const file = join(OUT, `${name}.png`);
    writeFileSync(`${file}.tmp`, png);
    renameSync(`${file}.tmp`, file);
  });
});
