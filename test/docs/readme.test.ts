// Executes every example of the README's API table: a row `| … | \`expr\` | \`result\` |` must evaluate to result
// (rtol 1e-12, atol 1e-15; typed arrays compare as arrays).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as losslab from "../../src";
import { expectClose } from "../support/close";

const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
const api = readme.slice(readme.indexOf("## API"));
const rows = [...api.matchAll(/^\|[^\n]*\| `([^`]+)` \| `([^`]+)` \|$/gm)].map((m) => ({ expr: m[1], result: m[2] }));
const scope = losslab as unknown as Record<string, unknown>;
const evaluate = (code: string): unknown => new Function(...Object.keys(scope), `"use strict"; return (${code});`)(...Object.values(scope));

describe("the README's API table", () => {
  it("has one example per loss", () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
  });
  for (const { expr, result } of rows) {
    it(`${expr} gives ${result}`, () => {
      expectClose(evaluate(expr), evaluate(result), { rtol: 1e-12, atol: 1e-15 });
    });
  }
});
