import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { ALLOCATOR_ENV } from "../../kernel/exec/allocatorEnv";

const root = path.resolve(__dirname, "..", "..");
const kernelDir = path.join(root, "kernel", "jupyter", "kernels", "losslab");

describe("the project's kernelspec", () => {
  const spec = JSON.parse(fs.readFileSync(path.join(kernelDir, "kernel.json"), "utf8"));

  it("is the TypeScript (losslab) kernel", () => {
    expect(spec).toMatchObject({ display_name: "TypeScript (losslab)", language: "typescript" });
    expect(path.basename(kernelDir)).toBe("losslab"); // the kernel name is the folder's
  });

  it("starts the project's start script by a path relative to the kernelspec, with the connection file", () => {
    expect(spec.argv[0]).toBe("node");
    expect(spec.argv[2]).toBe("{connection_file}");
    const script = path.resolve(spec.argv[1].replace("{resource_dir}", kernelDir));
    expect(script).toBe(path.join(root, "kernel", "jupyter", "start.js"));
  });

  it("gives the kernel glibc's allocator settings for large results, as the runner's and grader's kernels get", () => {
    expect(spec.env).toEqual(ALLOCATOR_ENV);
  });

  it("the start script runs the project's own tslab from the project root", () => {
    const start = fs.readFileSync(path.join(root, "kernel", "jupyter", "start.js"), "utf8");
    expect(start).toContain('path.resolve(__dirname, "..", "..")');
    expect(start).toContain('path.join(root, "node_modules", "tslab", "dist", "main.js")');
    expect(start).toContain("process.chdir(root)");
    expect(start).toContain("enableFindLocal: false");
    expect(fs.existsSync(path.join(root, "node_modules", "tslab", "dist", "main.js"))).toBe(true);
  });
});
