import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import type { RunReport } from "../../kernel/cli/toReport";
import { expandShorthandProperties, type ShorthandCompilerApi } from "../../kernel/tslab/shorthand";
import { fixtures, root, runCli } from "./support/cli";

// tslab's own TypeScript fork, as the kernel uses it.
const tslabDir = path.dirname(require.resolve("tslab/package.json", { paths: [root] }));
const ts = require(require.resolve("@tslab/typescript-for-tslab", { paths: [tslabDir] })) as ShorthandCompilerApi;

describe("expandShorthandProperties", () => {
  it("writes out shorthand properties (the JSDoc example)", () => {
    expect(expandShorthandProperties(ts, "f({ logits, y: 1 })")).toBe("f({ logits: logits, y: 1 })");
  });

  it("handles several, nested and multi-line literals", () => {
    expect(expandShorthandProperties(ts, "const o = { a, b: { c, d }, e };")).toBe("const o = { a: a, b: { c: c, d: d }, e: e };");
    expect(expandShorthandProperties(ts, "g({\n  a,\n  b,\n})")).toBe("g({\n  a: a,\n  b: b,\n})");
  });

  it("keeps destructuring assignments meaning the same, defaults included", () => {
    expect(expandShorthandProperties(ts, "({ a, b = 1 } = o);")).toBe("({ a: a, b: b = 1 } = o);");
  });

  it("leaves everything that is not a shorthand property alone, returning the same string", () => {
    for (const src of [
      "const { a, b } = o;", // binding pattern: declares, does not read
      "type T = { a; b };",
      "const s = '{ a }' + `{ ${x} }`;",
      "const o = { f() { return 1; }, ...rest, [k]: v, 'q': 1 };",
      "function f({ a }: { a: number }) { return a; }",
    ]) {
      expect(expandShorthandProperties(ts, src)).toBe(src);
    }
  });

  it("lets a later cell use an earlier cell's variables in shorthand (fixture through `losslab run`)", { timeout: 120_000 }, async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "losslab-shorthand-"));
    try {
      const r = await runCli(["run", path.join(fixtures, "shorthand-properties.ipynb"), "--out", out, "--json"]);
      expect(r.code, r.stderr).toBe(0);
      const nb = (JSON.parse(r.stdout) as RunReport).notebooks[0];
      expect(nb.failures).toEqual([]);
      expect(nb.checks).toEqual({ pass: 2, fail: 0, expected: 2 });
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
