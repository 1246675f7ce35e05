import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

/**
 * The folders (relative to the project root) compiled into the library notebooks import: the library, and the
 * kernel code a notebook reaches through losslab.ts (show → display, render, tslab internals). The same list as
 * the `include` of kernel/lib/tsconfig.json (a test keeps them equal).
 */
export const LIBRARY_SOURCES = ["src", "kernel/display", "kernel/render", "kernel/tslab"];
/** The build configuration, itself an input. */
export const LIBRARY_CONFIG = "kernel/lib/tsconfig.json";

/**
 * Every input file of the library build, relative to `root`, sorted ("/" separators): the configuration, the
 * TypeScript in {@link LIBRARY_SOURCES}, and `alsoCompiled` — files the last build compiled because something
 * imported them from elsewhere (those that still exist).
 */
export function listLibraryInputs(root: string, alsoCompiled: readonly string[] = []): string[] {
  const files = new Set<string>([LIBRARY_CONFIG]);
  const walk = (rel: string) => {
    const dir = path.join(root, rel);
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) files.add(child);
    }
  };
  LIBRARY_SOURCES.forEach(walk);
  for (const file of alsoCompiled) if (fs.existsSync(path.join(root, file))) files.add(file);
  return [...files].sort();
}

/** The sources a build compiled, from the `.js` files it wrote into `outDir` (relative to `root`, sorted). */
export function compiledSources(root: string, outDir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(outDir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith(".js") && fs.existsSync(path.join(root, child.replace(/\.js$/, ".ts")))) {
        found.push(child.replace(/\.js$/, ".ts"));
      }
    }
  };
  walk("");
  return found.sort();
}

/** A digest of the inputs' names and contents and of the compiler's version: equal digests, equal builds. */
export function hashLibraryInputs(root: string, files: readonly string[], compilerVersion: string): string {
  const hash = createHash("sha256").update(`compiler ${compilerVersion}\n`);
  for (const file of files) {
    hash.update(`${file}\n`);
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update("\n");
  }
  return hash.digest("hex");
}
