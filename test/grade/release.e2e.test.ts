// `losslab release` as a teacher runs it (a child process): the student version is written and checked in the
// grader's sandbox — every code cell, plots included, runs without an error, and it grades 0/20.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeNotebook } from "../../kernel/notebook/serializeNotebook";
import { releaseNotebook } from "../../kernel/release/releaseNotebook";
import { readNotebookFile } from "../../kernel/run/runFile";
import { root, runCli, type CliRun } from "../kernel/support/cli";

const INSTRUCTOR = "notebooks/loss-functions-exercises.ipynb";
let dir: string;
let released: CliRun;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "losslab-release-test-"));
  released = await runCli(["release", INSTRUCTOR, "--out", dir]);
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("losslab release", () => {
  it("writes the student version, checks that it runs without errors and grades 0/20, and exits 0", () => {
    expect(released.stderr).toBe("");
    expect(released.stdout).toBe(
      `released ${path.relative(root, path.join(dir, "loss-functions-exercises.ipynb"))} (35 cells, solutions removed)\n` +
        "checked: every code cell runs without an error, and it grades 0/20\n",
    );
    expect(released.code).toBe(0);
    expect(released.leftovers).toEqual([]);
  });

  it("writes exactly releaseNotebook's student version, in Jupyter's layout", () => {
    const expected = serializeNotebook(releaseNotebook(readNotebookFile(path.join(root, INSTRUCTOR))));
    expect(fs.readFileSync(path.join(dir, "loss-functions-exercises.ipynb"), "utf8")).toBe(expected);
  });

  it("refuses to release a student version again, or to overwrite the instructor notebook (exit code 2)", async () => {
    const again = await runCli(["release", path.join(dir, "loss-functions-exercises.ipynb"), "--out", path.join(dir, "again"), "--no-check"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^losslab release: cannot release this notebook:\n(.|\n)*it has no solution cell/);
    const over = await runCli(["release", INSTRUCTOR, "--out", "notebooks", "--no-check"]);
    expect([over.code, over.stderr]).toEqual([2, "losslab release: the student version would overwrite the instructor notebook: choose another --out\n"]);
  });
});
