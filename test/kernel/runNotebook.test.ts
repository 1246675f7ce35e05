import { describe, expect, it } from "vitest";
import { runNotebook } from "../../kernel/run/runNotebook";
import type { Cell, Notebook } from "../../kernel/notebook/types";
import { fakeKernelFactory } from "./support/fakeKernel";

const code = (source: string): Cell => ({ cell_type: "code", metadata: {}, source, execution_count: null, outputs: [] });
const nb = (cells: Cell[]): Notebook => ({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells });
const boom = { ename: "Error", evalue: "boom", traceback: ["Error: boom"] };
const options = { timeoutMs: 1000 };

describe("runNotebook", () => {
  it("runs the code cells in order and returns an executed copy with outputs and execution counts", async () => {
    const source = nb([{ cell_type: "markdown", metadata: {}, source: "# T" }, code("a"), code("b")]);
    const { factory, log } = fakeKernelFactory({ a: { stdout: "PASS - a\n" }, b: { stdout: "hi\n" } });
    const run = await runNotebook(source, factory, options);
    expect(log).toEqual(["execute 1", "execute 2", "drain", "close"]);
    expect(run.executed.cells[1]).toMatchObject({ execution_count: 1, outputs: [{ output_type: "stream", name: "stdout", text: ["PASS - a\n"] }] });
    expect(run.executed.cells[2]).toMatchObject({ execution_count: 2 });
    expect(run.cells.map((c) => [c.index, c.status, c.checks.pass])).toEqual([
      [1, "ok", ["PASS - a"]],
      [2, "ok", []],
    ]);
    expect(source.cells[1]).toMatchObject({ execution_count: null, outputs: [] }); // the source is untouched
  });

  it("stops after a failing cell and records the error as an output", async () => {
    const { factory, log } = fakeKernelFactory({ b: { errors: [boom] } });
    const run = await runNotebook(nb([code("a"), code("b"), code("c")]), factory, options);
    expect(log).toEqual(["execute 0", "execute 1", "drain", "close"]);
    expect(run.cells.map((c) => c.status)).toEqual(["ok", "error", "not-run"]);
    expect(run.executed.cells[1]).toMatchObject({ outputs: [{ output_type: "error", ename: "Error", evalue: "boom" }] });
    expect(run.executed.cells[2]).toMatchObject({ execution_count: null, outputs: [] });
  });

  it("runs the remaining cells after a failure with keepGoing", async () => {
    const { factory } = fakeKernelFactory({ a: { errors: [boom] } });
    const run = await runNotebook(nb([code("a"), code("b")]), factory, { ...options, keepGoing: true });
    expect(run.cells.map((c) => c.status)).toEqual(["error", "ok"]);
  });

  it("stops when the kernel dies, even with keepGoing (its state is gone)", async () => {
    const died = { ename: "KernelDied", evalue: "the kernel process ended (signal SIGKILL)", traceback: [] };
    const { factory, log } = fakeKernelFactory({ a: { dies: true, errors: [died] } });
    const run = await runNotebook(nb([code("a"), code("b")]), factory, { ...options, keepGoing: true });
    expect(run.cells.map((c) => c.status)).toEqual(["error", "not-run"]);
    expect(run.kernelError).toEqual(died);
    expect(log).toEqual(["execute 0", "close"]);
  });

  it("marks an earlier cell failed when its late error arrives, and then stops", async () => {
    const { factory } = fakeKernelFactory({ b: { lateErrorFor: { cell: 0, error: boom } } });
    const run = await runNotebook(nb([code("a"), code("b"), code("c")]), factory, options);
    expect(run.cells.map((c) => c.status)).toEqual(["error", "ok", "not-run"]);
    expect(run.executed.cells[0]).toMatchObject({ outputs: [{ output_type: "error", evalue: "boom" }] });
  });

  it("puts a start-up failure on the first code cell and runs nothing", async () => {
    const failStart = { ename: "KernelStartError", evalue: "tslab is missing", traceback: [] };
    const { factory, log } = fakeKernelFactory({}, { failStart });
    const run = await runNotebook(nb([code("a"), code("b")]), factory, options);
    expect(run.cells.map((c) => c.status)).toEqual(["error", "not-run"]);
    expect(run.kernelError).toEqual(failStart);
    expect(log).toEqual(["close"]);
  });

  it("reports progress and lets a grader look at the kernel after each cell", async () => {
    const { factory } = fakeKernelFactory({});
    const seen: string[] = [];
    await runNotebook(nb([code("a"), code("b")]), factory, {
      ...options,
      onCellStart: (p) => seen.push(`start ${p.position}/${p.total} [${p.cell.index}]`),
      onCellDone: (p) => seen.push(`done ${p.position}/${p.total} ${p.cell.status}`),
      afterCell: async (cell, kernel) => void seen.push(`after [${cell.index}] alive=${kernel.alive}`),
    });
    expect(seen).toEqual(["start 1/2 [0]", "after [0] alive=true", "done 1/2 ok", "start 2/2 [1]", "after [1] alive=true", "done 2/2 ok"]);
  });
});
