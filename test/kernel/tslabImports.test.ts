import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";

// tslab loads a notebook's local imports by file name: `./src/index` becomes `<root>/src/index.js` in its table of
// compiled files, so an import of a folder (`./charts` for `./charts/index.ts`) type-checks but fails at run time
// with "Cannot find module". Every file a notebook can reach must import files, not folders.
const root = path.resolve(__dirname, "..", "..");
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.{1,2}\/[^"]*|\.{1,2})"|require\("(\.{1,2}\/[^"]*)"\)/g;

function tsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

describe("files that notebooks compile through tslab", () => {
  const files = [path.join(root, "losslab.ts"), ...tsFiles(path.join(root, "src")), ...tsFiles(path.join(root, "kernel"))];

  it("import other files by file name, never a folder (tslab cannot load a folder's index)", () => {
    const folderImports: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      for (const match of text.matchAll(IMPORT)) {
        const spec = match[1] ?? match[2];
        const target = path.resolve(path.dirname(file), spec);
        if (!fs.existsSync(`${target}.ts`) && fs.existsSync(path.join(target, "index.ts"))) {
          folderImports.push(`${path.relative(root, file)}: "${spec}" is a folder; import "${spec}/index"`);
        }
      }
    }
    expect(folderImports).toEqual([]);
  });

  it("include the notebook entry losslab.ts, which re-exports the library by file name", () => {
    expect(fs.readFileSync(path.join(root, "losslab.ts"), "utf8")).toMatch(/export \* from "\.\/src\/index";/);
  });
});
