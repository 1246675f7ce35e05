import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

/** The folders (relative to the project root) whose TypeScript makes up the library notebooks import. */
export const LIBRARY_SOURCES = ["src", "kernel/display", "kernel/tslab"];
/** The build configuration, itself an input. */
export const LIBRARY_CONFIG = "kernel/lib/tsconfig.json";

/** Every input file of the library build, relative to `root`, sorted ("/" separators). */
export function listLibraryInputs(root: string): string[] {
  const files: string[] = [LIBRARY_CONFIG];
  const walk = (rel: string) => {
    const dir = path.join(root, rel);
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) files.push(child);
    }
  };
  LIBRARY_SOURCES.forEach(walk);
  return files.sort();
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
