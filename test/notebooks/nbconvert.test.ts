import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { parseNotebook } from "../../kernel/notebook/parseNotebook";
import { readChecks, sumChecks } from "../../kernel/notebook/readChecks";
import { checkName, root, SEED_CHECK_NAMES } from "../kernel/support/cli";

// The real Jupyter route: nbconvert/nbclient start the project's kernelspec (found through JUPYTER_PATH) and run
// the exercises notebook. Without --allow-errors, any failing cell makes nbconvert exit non-zero.
const PYTHON = "/usr/bin/python3";

function jupyterMissing(): string | null {
  const r = spawnSync(PYTHON, ["-c", "import nbconvert, nbclient, jupyter_client"], { encoding: "utf8" });
  return r.status === 0 ? null : `${PYTHON} cannot import nbconvert/nbclient (apt-get install python3-nbconvert python3-ipykernel)`;
}

describe("the exercises notebook under real Jupyter (nbconvert --execute)", () => {
  it("runs with the losslab kernelspec and prints the same 15 PASS lines", { timeout: 300_000 }, (ctx) => {
    const missing = jupyterMissing();
    if (missing) {
      if (process.env.CI === "true") throw new Error(`in CI this test must run: ${missing}`);
      console.warn(`skipped: ${missing}`);
      return ctx.skip();
    }
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "losslab-nbconvert-"));
    try {
      const r = spawnSync(
        PYTHON,
        [
          "-Xfrozen_modules=off",
          "-m",
          "nbconvert",
          "--to",
          "notebook",
          "--execute",
          "--ExecutePreprocessor.kernel_name=losslab",
          "--ExecutePreprocessor.timeout=120",
          "--output-dir",
          out,
          path.join(root, "notebooks", "loss-functions-exercises.ipynb"),
        ],
        {
          cwd: os.tmpdir(), // the kernel finds the project root itself, wherever Jupyter starts it
          encoding: "utf8",
          timeout: 280_000,
          env: { ...process.env, JUPYTER_PATH: path.join(root, "kernel", "jupyter"), PYDEVD_DISABLE_FILE_VALIDATION: "1" },
        },
      );
      expect(r.status, r.stderr).toBe(0);
      const file = path.join(out, "loss-functions-exercises.ipynb");
      const executed = parseNotebook(fs.readFileSync(file, "utf8"), file);
      const code = executed.cells.flatMap((c) => (c.cell_type === "code" ? [c] : []));
      const checks = sumChecks(code.map((c) => readChecks(c.outputs)));
      expect(checks.fail).toEqual([]);
      expect(checks.pass.map(checkName)).toEqual(SEED_CHECK_NAMES);
      expect(code.flatMap((c) => c.outputs.filter((o) => o.output_type === "error" || (o.output_type === "stream" && o.name === "stderr")))).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it("lets a later cell use an earlier cell's variables in shorthand properties ({ logits }): the kernel's tslab fix", { timeout: 300_000 }, (ctx) => {
    const missing = jupyterMissing();
    if (missing) {
      if (process.env.CI === "true") throw new Error(`in CI this test must run: ${missing}`);
      console.warn(`skipped: ${missing}`);
      return ctx.skip();
    }
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "losslab-nbconvert-"));
    try {
      const fixture = path.join(root, "test", "fixtures", "notebooks", "shorthand-properties.ipynb");
      const r = spawnSync(
        PYTHON,
        ["-Xfrozen_modules=off", "-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=losslab", "--output-dir", out, fixture],
        {
          cwd: os.tmpdir(),
          encoding: "utf8",
          timeout: 280_000,
          env: { ...process.env, JUPYTER_PATH: path.join(root, "kernel", "jupyter"), PYDEVD_DISABLE_FILE_VALIDATION: "1" },
        },
      );
      expect(r.status, r.stderr).toBe(0); // a ReferenceError in the second cell would make nbconvert fail
      const file = path.join(out, "shorthand-properties.ipynb");
      const executed = parseNotebook(fs.readFileSync(file, "utf8"), file);
      const checks = sumChecks(executed.cells.flatMap((c) => (c.cell_type === "code" ? [readChecks(c.outputs)] : [])));
      expect(checks.fail).toEqual([]);
      expect(checks.pass).toHaveLength(2);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
