import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { ensureLibrary, LibraryBuildError } from "../../kernel/lib/ensureLibrary";
import { LIBRARY_CONFIG, LIBRARY_SOURCES, listLibraryInputs } from "../../kernel/lib/libraryInputs";
import * as source from "../../src/index";
import { root } from "./support/cli";

describe("the compiled library behind losslab.ts", { timeout: 180_000 }, () => {
  it("is built when missing or stale, and is then up to date in a few milliseconds", () => {
    ensureLibrary(root);
    const again = ensureLibrary(root);
    expect(again).toMatchObject({ dir: path.join(root, "build", "lib"), built: false });
    expect(again.ms).toBeLessThan(2000);
  });

  it("exports exactly what src/index exports, with the same behaviour", () => {
    ensureLibrary(root);
    const compiled = require(path.join(root, "build", "lib", "src", "index.js")) as Record<string, unknown>;
    expect(Object.keys(compiled).filter((k) => k !== "__esModule").sort()).toEqual(Object.keys(source).sort());
    const mse = compiled.mse as typeof source.mse;
    expect(mse([1.5, 1.0, 5.0], [1.0, 2.0, 3.0])).toBe(source.mse([1.5, 1.0, 5.0], [1.0, 2.0, 3.0]));
  });

  it("losslab.ts type-checks against it and re-exports it", () => {
    ensureLibrary(root);
    const entry = path.join(root, "losslab.ts");
    expect(fs.readFileSync(entry, "utf8")).toMatch(/^export \* from "\.\/build\/lib\/src\/index";$/m);
    const program = ts.createProgram([entry], { strict: true, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, target: ts.ScriptTarget.ES2022, noEmit: true, skipLibCheck: true, types: ["node"] });
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  });

  it("covers the library's sources and the kernel code notebooks import, as the build configuration does", () => {
    const inputs = listLibraryInputs(root);
    expect(inputs).toContain("src/index.ts");
    expect(inputs).toContain("kernel/tslab/internals.ts");
    expect(inputs).toContain("kernel/lib/tsconfig.json");
    expect(inputs).toContain("kernel/display/show.ts");
    expect(inputs.some((f) => f.startsWith("kernel/exec/") || f.startsWith("kernel/cli/"))).toBe(false);
    const config = ts.readConfigFile(path.join(root, LIBRARY_CONFIG), ts.sys.readFile).config as { include: string[] };
    expect(config.include).toEqual(LIBRARY_SOURCES.map((dir) => `${path.posix.relative("kernel/lib", dir)}/**/*.ts`));
  });
});

// A scratch project inside the repository (so that tslab and @types/node resolve), removed afterwards.
const scratch = path.join(root, "build", `library-test-${process.pid}`);
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function project(index: string): string {
  fs.mkdirSync(path.join(scratch, "src"), { recursive: true });
  fs.mkdirSync(path.join(scratch, "kernel", "lib"), { recursive: true });
  fs.copyFileSync(path.join(root, "kernel", "lib", "tsconfig.json"), path.join(scratch, "kernel", "lib", "tsconfig.json"));
  fs.writeFileSync(path.join(scratch, "src", "index.ts"), index);
  return scratch;
}

function ensureInChild(dir: string): Promise<string> {
  const code = `require("tsx/cjs/api").register(); const s = require(${JSON.stringify(path.join(root, "kernel", "lib", "ensureLibrary.ts"))}).ensureLibrary(${JSON.stringify(dir)}); process.stdout.write(String(s.built));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", code], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (c) => (c === 0 ? resolve(out) : reject(new Error(`exit ${c}`))));
  });
}

describe("ensureLibrary", { timeout: 180_000 }, () => {
  it("rebuilds when a file it compiled changes, even outside the source folders", () => {
    const dir = project('export { helper } from "../lib-extra/helper";\n');
    fs.mkdirSync(path.join(dir, "lib-extra"), { recursive: true });
    fs.writeFileSync(path.join(dir, "lib-extra", "helper.ts"), "export const helper = 1;\n");
    expect(ensureLibrary(dir).built).toBe(true);
    expect(ensureLibrary(dir).built).toBe(false);
    fs.writeFileSync(path.join(dir, "lib-extra", "helper.ts"), "export const helper = 2;\n");
    expect(ensureLibrary(dir).built).toBe(true);
    fs.rmSync(path.join(dir, "lib-extra"), { recursive: true, force: true });
  });

  it("rebuilds after a source changes, and keeps the last good build when the sources do not compile", () => {
    const dir = project("export const answer: number = 41;\n");
    expect(ensureLibrary(dir).built).toBe(true);
    expect(ensureLibrary(dir).built).toBe(false);
    fs.writeFileSync(path.join(dir, "src", "index.ts"), "export const answer: number = 42;\n");
    expect(ensureLibrary(dir).built).toBe(true);
    const compiled = fs.readFileSync(path.join(dir, "build", "lib", "src", "index.js"), "utf8");
    expect(compiled).toContain("exports.answer = 42;");
    fs.writeFileSync(path.join(dir, "src", "index.ts"), 'export const answer: number = "forty-two";\n');
    let error: unknown = null;
    try {
      ensureLibrary(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LibraryBuildError);
    expect((error as LibraryBuildError).output).toContain("Type 'string' is not assignable to type 'number'.");
    expect(fs.readFileSync(path.join(dir, "build", "lib", "src", "index.js"), "utf8")).toBe(compiled);
    expect(fs.readdirSync(path.join(dir, "build")).sort()).toEqual(["lib"]); // no temporary folder or lock left
  });

  it("builds once when several processes ask at the same time", async () => {
    const dir = project("export const concurrent = 1;\n");
    fs.rmSync(path.join(dir, "build"), { recursive: true, force: true });
    const built = await Promise.all([ensureInChild(dir), ensureInChild(dir), ensureInChild(dir)]);
    expect(built.sort()).toEqual(["false", "false", "true"]);
    expect(fs.readFileSync(path.join(dir, "build", "lib", "src", "index.js"), "utf8")).toContain("exports.concurrent = 1;");
  });
});
