import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

/** The sandbox entry, relative to the project root; everything it imports (relatively) is compiled with it. */
export const SANDBOX_ENTRY = "kernel/grade/sandbox/sandboxEntry.ts";

const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm;

/**
 * The TypeScript files `entry` reaches through relative imports (itself first, then sorted), relative to `root`
 * with "/" separators. Bare imports (node builtins, packages) are left to Node's resolution at run time.
 */
export function kernelSources(root: string, entry = SANDBOX_ENTRY): string[] {
  const found = new Set<string>();
  const visit = (rel: string) => {
    if (found.has(rel)) return;
    found.add(rel);
    const text = fs.readFileSync(path.join(root, rel), "utf8");
    for (const match of text.matchAll(RELATIVE_IMPORT)) {
      const target = resolveTs(root, path.posix.join(path.posix.dirname(rel), match[1]));
      if (target) visit(target);
    }
  };
  visit(entry);
  const [first, ...rest] = [...found];
  return [first, ...rest.sort()];
}

function resolveTs(root: string, rel: string): string | null {
  for (const candidate of [`${rel}.ts`, `${rel}/index.ts`, rel]) {
    if (candidate.endsWith(".ts") && fs.existsSync(path.join(root, candidate))) return candidate;
  }
  return null;
}

interface TranspilerTs {
  version: string;
  transpileModule(
    input: string,
    options: { compilerOptions: Record<string, unknown>; fileName: string; reportDiagnostics?: boolean },
  ): { outputText: string };
  ModuleKind: { CommonJS: number };
  ScriptTarget: { ES2022: number };
}

/** tslab's own TypeScript: the compiler the kernel itself uses, so no other compiler is needed at run time. */
function loadTslabTypeScript(root: string): TranspilerTs {
  const tslabDir = path.dirname(require.resolve("tslab/package.json", { paths: [root] }));
  return require(require.resolve("@tslab/typescript-for-tslab", { paths: [tslabDir] })) as TranspilerTs;
}

/** The compiled sandbox kernel: its folder and its entry file. */
export interface CompiledKernel {
  dir: string;
  entry: string;
}

/**
 * Compiles the sandboxed kernel (the entry and the runner's kernel code it imports) to CommonJS JavaScript in
 * `<root>/build/grade/kernel-<digest>/`, once per version of the sources, and returns the entry's `.js` path.
 * The folder also holds a `package.json` (CommonJS, so Node looks no further up) and a `node_modules` link to
 * the project's, so the compiled files find tslab. Written to a temporary folder and renamed into place.
 */
export function compileSandboxKernel(root: string): CompiledKernel {
  const sources = kernelSources(root);
  const hash = createHash("sha256");
  for (const rel of sources) hash.update(`${rel}\n`).update(fs.readFileSync(path.join(root, rel))).update("\n");
  const tslabTs = require.resolve("@tslab/typescript-for-tslab/package.json", {
    paths: [path.dirname(require.resolve("tslab/package.json", { paths: [root] }))],
  });
  hash.update(fs.readFileSync(tslabTs));
  const base = path.join(root, "build", "grade");
  const dir = path.join(base, `kernel-${hash.digest("hex").slice(0, 16)}`);
  const entry = path.join(dir, sources[0].replace(/\.ts$/, ".js"));
  if (fs.existsSync(entry)) return { dir, entry };

  const ts = loadTslabTypeScript(root);
  const temp = `${dir}.${process.pid}.tmp`;
  fs.rmSync(temp, { recursive: true, force: true });
  for (const rel of sources) {
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(root, rel), "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: rel,
    });
    const out = path.join(temp, rel.replace(/\.ts$/, ".js"));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, outputText);
  }
  fs.writeFileSync(path.join(temp, "package.json"), '{ "type": "commonjs", "private": true }\n');
  fs.symlinkSync(fs.realpathSync(path.join(root, "node_modules")), path.join(temp, "node_modules"), "dir");
  try {
    fs.renameSync(temp, dir);
  } catch (e) {
    fs.rmSync(temp, { recursive: true, force: true });
    if (!fs.existsSync(entry)) throw e; // else another process compiled the same sources first
  }
  for (const old of fs.readdirSync(base)) {
    if (old.startsWith("kernel-") && path.join(base, old) !== dir && !old.endsWith(".tmp")) {
      fs.rmSync(path.join(base, old), { recursive: true, force: true });
    }
  }
  return { dir, entry };
}
