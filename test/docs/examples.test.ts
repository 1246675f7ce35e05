// Runs every JSDoc `@example` in src/: lines `expr; // => expected` are evaluated and compared (rtol 1e-12,
// atol 1e-15, typed arrays as arrays); other lines run as statements and must not throw.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, it } from "vitest";
import * as losslab from "../../src";
import { expectClose } from "../support/close";

const SRC = join(__dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

interface Example {
  readonly file: string;
  readonly line: number;
  readonly lines: string[];
}

function examples(file: string): Example[] {
  const text = readFileSync(file, "utf8").split("\n");
  const found: Example[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!/^\s*\*\s*@example\b/.test(text[i])) continue;
    const lines: string[] = [];
    let j = i + 1;
    while (j < text.length && !/^\s*\*\s*@|^\s*\*\//.test(text[j])) {
      const l = text[j].replace(/^\s*\* ?/, "");
      if (l.trim()) lines.push(l);
      j++;
    }
    found.push({ file, line: i + 1, lines });
  }
  return found;
}

function body(lines: string[]): string {
  return lines
    .map((l) => {
      const m = /^(.*?);?\s*\/\/\s*=>\s*(.+)$/.exec(l);
      if (!m) return l;
      return `__check(${m[1].replace(/;\s*$/, "")}, ${m[2]}, ${JSON.stringify(l)});`;
    })
    .join("\n");
}

const all = files(SRC).flatMap(examples);
const scope = losslab as unknown as Record<string, unknown>;

describe("every JSDoc @example in src/ runs and prints what it says", () => {
  it("finds examples", () => {
    if (all.length < 10) throw new Error(`only ${all.length} examples found`);
  });
  for (const ex of all) {
    it(`${relative(SRC, ex.file)}:${ex.line}`, () => {
      const js = ts.transpileModule(body(ex.lines), { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
      const names = Object.keys(scope);
      const check = (actual: unknown, expected: unknown) => expectClose(actual, expected, { rtol: 1e-12, atol: 1e-15 });
      const run = new Function("__check", ...names, `"use strict";\n${js}`);
      const log = console.log;
      console.log = () => undefined; // examples of printing functions stay quiet
      try {
        run(check, ...names.map((n) => scope[n]));
      } finally {
        console.log = log;
      }
    });
  }
});
