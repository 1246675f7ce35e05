import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import type { RunReport } from "../../kernel/cli/toReport";
import { spawn } from "child_process";
import { randomUUID } from "crypto";
import { fixtures, processesMarked, root, runCli } from "./support/cli";

// Each fault fixture runs through the real CLI and kernel processes: the right exit code and report, within a
// bounded time, and no process left behind. Fixtures are in test/fixtures/notebooks/.
const out = fs.mkdtempSync(path.join(os.tmpdir(), "losslab-faults-"));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

async function run(fixture: string, ...extra: string[]) {
  const result = await runCli(["run", path.join(fixtures, fixture), "--out", out, "--json", ...extra]);
  const report = result.stdout ? (JSON.parse(result.stdout) as RunReport) : null;
  return { ...result, report, notebook: report?.notebooks[0] };
}

const BOUND_MS = 90_000; // a whole CLI run, including a cold kernel start on a loaded machine

describe.concurrent("fault fixtures through `losslab run`", { timeout: 180_000 }, () => {
  it("a type error fails its cell with the compiler's message; later cells do not run", async () => {
    const r = await run("type-error.ipynb");
    expect(r.code).toBe(1);
    expect(r.notebook?.failures).toMatchObject([{ cell: 0, ename: "CompileError", evalue: "1:7 - Type 'string' is not assignable to type 'number'." }]);
    expect(r.notebook?.problems).toContain("1 code cell was not run");
    expect(r.ms).toBeLessThan(BOUND_MS);
    expect(r.leftovers).toEqual([]);
  });

  it("a throw fails its cell and stops the run; --keep-going runs the rest and still fails", async () => {
    const stop = await run("throw.ipynb");
    expect(stop.code).toBe(1);
    expect(stop.notebook).toMatchObject({ cells: { ok: 1, total: 3 }, checks: { pass: 1, expected: 2 } });
    expect(stop.notebook?.failures).toMatchObject([{ cell: 1, ename: "RangeError", evalue: "boom", firstLines: ['throw new RangeError("boom");'] }]);
    const going = await run("throw.ipynb", "--keep-going");
    expect(going.code).toBe(1);
    expect(going.notebook).toMatchObject({ cells: { ok: 2, total: 3 }, checks: { pass: 2, expected: 2 } });
    expect([stop.leftovers, going.leftovers]).toEqual([[], []]);
  });

  it("a cell that sends malformed messages on the kernel's channel does not crash the runner", async () => {
    const r = await run("forged-message.ipynb");
    expect(r.code).toBe(0);
    expect(r.notebook).toMatchObject({ cells: { ok: 1, total: 1 }, checks: { pass: 1, expected: 1 } });
    expect(r.leftovers).toEqual([]);
  });

  it("an exception thrown by a timer after its cell returned fails that cell", async () => {
    const r = await run("async-throw.ipynb");
    expect(r.code).toBe(1);
    expect(r.notebook?.failures).toMatchObject([{ cell: 0, ename: "Error", evalue: "late boom" }]);
    expect(r.leftovers).toEqual([]);
  });

  it("a promise rejected and never awaited fails its cell", async () => {
    const r = await run("rejection.ipynb");
    expect(r.code).toBe(1);
    expect(r.notebook?.failures).toMatchObject([{ cell: 0, ename: "TypeError", evalue: "nobody awaits me" }]);
    expect(r.leftovers).toEqual([]);
  });

  it("an infinite loop is interrupted at the timeout; the kernel survives for --keep-going", async () => {
    const r = await run("infinite-loop.ipynb", "--timeout", "1", "--keep-going");
    expect(r.code).toBe(1);
    expect(r.notebook?.failures).toMatchObject([{ cell: 1, ename: "TimeoutError", evalue: "the cell ran longer than 1 s; it was interrupted" }]);
    expect(r.notebook?.failures[0].ms).toBeLessThan(1000 + 2000 + 2000); // timeout + interrupt grace + slack
    expect(r.notebook?.checks).toMatchObject({ pass: 2 }); // the cell after the loop ran
    expect(r.leftovers).toEqual([]);
  });

  it("an await that never settles is interrupted at the timeout", async () => {
    const r = await run("async-hang.ipynb", "--timeout", "1");
    expect(r.code).toBe(1);
    expect(r.notebook?.failures).toMatchObject([{ cell: 0, ename: "TimeoutError" }]);
    expect(r.notebook?.failures[0].ms).toBeLessThan(5000);
    expect(r.leftovers).toEqual([]);
  });

  it("process.exit(0) in a cell fails the cell instead of ending the kernel", async () => {
    const r = await run("process-exit.ipynb", "--keep-going");
    expect(r.code).toBe(1);
    expect(r.notebook?.failures).toMatchObject([{ cell: 0, ename: "ProcessExitError" }]);
    expect(r.notebook?.checks).toMatchObject({ pass: 2 }); // the kernel lived on
    expect(r.leftovers).toEqual([]);
  });

  it("a kernel that dies fails the running cell and the notebook", async () => {
    const r = await run("kernel-death.ipynb", "--keep-going");
    expect(r.code).toBe(1);
    expect(r.notebook?.failures).toMatchObject([{ cell: 0, ename: "KernelDied", evalue: "the kernel process ended (signal SIGKILL)" }]);
    expect(r.notebook?.problems).toContain("1 code cell was not run");
    expect(r.leftovers).toEqual([]);
  });

  it("fewer PASS lines than the notebook declares fail the notebook, though every cell ran", async () => {
    const r = await run("unreached-count.ipynb", "--junit", path.join(out, "unreached.xml"));
    expect(r.code).toBe(1);
    expect(r.notebook).toMatchObject({ cells: { ok: 1, total: 1 }, checks: { pass: 1, fail: 0, expected: 2 }, problems: ["1 PASS line, the notebook declares 2"] });
    expect(fs.readFileSync(path.join(out, "unreached.xml"), "utf8")).toContain('<failure type="checks" message="1 PASS, 0 FAIL, 2 declared">');
  });

  it("a FAIL line fails the notebook", async () => {
    const r = await run("fail-line.ipynb");
    expect(r.code).toBe(1);
    expect(r.notebook?.problems).toEqual(["1 FAIL line: FAIL - two: value=1, expected=2"]);
  });

  it("a malformed notebook is exit code 2 with a one-line error, and no kernel is started", async () => {
    const r = await runCli(["run", path.join(fixtures, "malformed.ipynb"), "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^losslab run: .*malformed\.ipynb: not valid JSON \(.+\)\n$/);
    expect(r.stdout).toContain("UNREADABLE");
    expect(r.leftovers).toEqual([]);
  });

  it("a missing file is exit code 2 with a one-line error", async () => {
    const r = await runCli(["run", path.join(fixtures, "no-such-notebook.ipynb"), "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^losslab run: .*no-such-notebook\.ipynb: no such file\n$/);
  });

  it("never writes over the source notebook", async () => {
    const r = await runCli(["run", path.join(fixtures, "fail-line.ipynb"), "--out", fixtures]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the executed copy would overwrite the source");
  });
});

describe("a runner killed while a cell loops forever", () => {
  it("leaves no kernel behind", { timeout: 120_000 }, async () => {
    const mark = randomUUID();
    const marker = path.join(out, `looping-${mark}`);
    const cli = spawn(process.execPath, [path.join(root, "bin", "losslab.js"), "run", path.join(fixtures, "loop-with-marker.ipynb"), "--out", out, "--timeout", "600"], {
      env: { ...process.env, LOSSLAB_TEST_MARK: mark, LOSSLAB_LOOP_MARKER: marker },
      stdio: "ignore",
    });
    const deadline = Date.now() + 90_000;
    while (!fs.existsSync(marker) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(fs.existsSync(marker)).toBe(true); // the kernel is in the loop now
    cli.kill("SIGKILL");
    const gone = Date.now() + 20_000;
    while (processesMarked(mark).length > 0 && Date.now() < gone) await new Promise((r) => setTimeout(r, 200));
    const left = processesMarked(mark);
    for (const pid of left) process.kill(pid, "SIGKILL");
    expect(left).toEqual([]);
  });
});
