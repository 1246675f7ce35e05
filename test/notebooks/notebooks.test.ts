import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunReport } from "../../kernel/cli/toReport";
import { checkClean, checkScheme } from "../../kernel/notebook/checkScheme";
import { cellMetaOf } from "../../kernel/notebook/losslabMeta";
import { parseNotebook } from "../../kernel/notebook/parseNotebook";
import { readChecks, sumChecks } from "../../kernel/notebook/readChecks";
import { serializeNotebook } from "../../kernel/notebook/serializeNotebook";
import { joinSource } from "../../kernel/notebook/source";
import type { Notebook } from "../../kernel/notebook/types";
import { checkName, root, runCli, SEED_CHECK_NAMES } from "../kernel/support/cli";

const dir = path.join(root, "notebooks");
const names = fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort();
const read = (file: string) => parseNotebook(fs.readFileSync(file, "utf8"), file);
const out = fs.mkdtempSync(path.join(os.tmpdir(), "losslab-notebooks-"));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));
const hash = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe.each(names)("source notebook %s", (name) => {
  const nb = read(path.join(dir, name));

  it("follows losslab's metadata scheme (kernel, declared PASS count, cell roles, exercises)", () => {
    expect(checkScheme(nb)).toEqual([]);
  });

  it("is committed without outputs or execution counts", () => {
    expect(checkClean(nb)).toEqual([]);
  });

  it("gives every cell an id (nbformat 4.5)", () => {
    const ids = nb.cells.map((c) => c.id);
    expect(ids.every((id) => typeof id === "string" && /^[A-Za-z0-9-_]{1,64}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("npm start: every notebook through `losslab run`", { timeout: 240_000 }, () => {
  let run: Awaited<ReturnType<typeof runCli>>;
  let report: RunReport;
  const before = new Map(names.map((n) => [n, hash(path.join(dir, n))]));

  beforeAll(async () => {
    run = await runCli(["run", "notebooks", "--out", out, "--json", "--junit", path.join(out, "junit.xml")]);
    report = JSON.parse(run.stdout) as RunReport;
  }, 240_000);

  it("passes every notebook (exit code 0), leaving no process behind", () => {
    expect(report.notebooks.map((n) => [path.basename(n.file), n.ok, n.problems])).toEqual(names.map((n) => [n, true, []]));
    expect(run.code).toBe(0);
    expect(run.leftovers).toEqual([]);
    expect(fs.readFileSync(path.join(out, "junit.xml"), "utf8")).toMatch(/<testsuites name="losslab" tests="\d+" failures="0" errors="0">/);
  });

  it("prints the original's 15 checks in the exercises notebook, in order, and no FAIL", () => {
    const executed = read(path.join(out, "loss-functions-exercises.ipynb"));
    const checks = sumChecks(executed.cells.map((c) => (c.cell_type === "code" ? readChecks(c.outputs) : { pass: [], fail: [] })));
    expect(checks.fail).toEqual([]);
    expect(checks.pass.map(checkName)).toEqual(SEED_CHECK_NAMES);
    expect(report.notebooks.find((n) => n.file.endsWith("loss-functions-exercises.ipynb"))?.checks).toEqual({ pass: 15, fail: 0, expected: 15 });
  });

  it("writes executed copies with every code cell run and no error output, and leaves the sources alone", () => {
    for (const name of names) {
      const executed = read(path.join(out, name));
      for (const cell of executed.cells) {
        if (cell.cell_type !== "code") continue;
        expect(cell.execution_count, `${name}: ${joinSource(cell.source).slice(0, 40)}`).not.toBeNull();
        expect(cell.outputs.filter((o) => o.output_type === "error")).toEqual([]);
      }
      expect(hash(path.join(dir, name))).toBe(before.get(name));
    }
  });

  it("writes executed copies that nbformat validates", (ctx) => {
    const python = "/usr/bin/python3";
    const probe = spawnSync(python, ["-c", "import nbformat"], { encoding: "utf8" });
    if (probe.status !== 0) {
      if (process.env.CI === "true") throw new Error(`nbformat is needed in CI: ${python} -c "import nbformat" failed`);
      console.warn(`skipped: ${python} has no nbformat (apt-get install python3-nbformat)`);
      return ctx.skip();
    }
    for (const name of names) {
      const file = path.join(out, name);
      const r = spawnSync(python, ["-c", "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", file], { encoding: "utf8" });
      expect(r.stderr.trim(), name).toBe("");
      expect(r.status, name).toBe(0);
    }
  });
});

describe("the exercises notebook's scaffolds", { timeout: 240_000 }, () => {
  it("compile and run as given (solutions removed), printing each answer variable as null", async () => {
    const nb = read(path.join(dir, "loss-functions-exercises.ipynb"));
    const learner: Notebook = {
      ...nb,
      metadata: { ...nb.metadata, losslab: { expectedPass: 0 } },
      cells: nb.cells.filter((c) => cellMetaOf(c)?.role !== "solution"),
    };
    const file = path.join(out, "scaffolds", "loss-functions-exercises.ipynb");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, serializeNotebook(learner));
    const r = await runCli(["run", file, "--out", path.join(out, "scaffolds-run"), "--json"]);
    expect((JSON.parse(r.stdout) as RunReport).notebooks[0].problems).toEqual([]);
    expect(r.code).toBe(0);
    const executed = read(path.join(out, "scaffolds-run", "loss-functions-exercises.ipynb"));
    for (const cell of executed.cells) {
      const meta = cellMetaOf(cell);
      if (cell.cell_type !== "code" || meta?.role !== "scaffold") continue;
      const text = cell.outputs.map((o) => (o.output_type === "stream" ? joinSource(o.text) : "")).join("");
      for (const answer of meta.answers ?? []) expect(text).toContain(`${answer}: null`);
    }
  });
});
