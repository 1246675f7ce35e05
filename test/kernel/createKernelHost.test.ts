import { describe, expect, it } from "vitest";
import { createKernelHost, type KernelHost } from "../../kernel/exec/createKernelHost";
import type { FromKernel } from "../../kernel/exec/protocol";
import type { ExecutorConsole, TslabSession } from "../../kernel/tslab/internals";

type Behaviour = (console: ExecutorConsole, host: () => KernelHost) => Promise<boolean> | boolean;

/** A host around a fake tslab session whose cells are functions, keyed by their source text. */
function setup(cells: Record<string, Behaviour>, locals: Record<string, unknown> = {}) {
  const sent: FromKernel[] = [];
  let host: KernelHost | null = null;
  const get = () => host as KernelHost;
  host = createKernelHost({
    send: (m) => sent.push(m),
    createSession: (console): TslabSession => ({
      execute: async (code) => cells[code](console, get),
      interrupt: () => {},
      locals,
      close: () => {},
    }),
  });
  const run = async (cell: number, code: string) => {
    await get().handle({ type: "execute", id: cell + 100, cell, code });
    return sent.filter((m) => m.type === "done").pop();
  };
  return { sent, host: get, run };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("createKernelHost", () => {
  it("reports a cell that ran, with its output attributed to it", async () => {
    const { sent, run } = setup({ ok: (c) => (c.log("value", 2), true) });
    expect(await run(4, "ok")).toEqual({ type: "done", id: 104, cell: 4, ok: true, errors: [] });
    expect(sent[0]).toEqual({ type: "stream", cell: 4, name: "stdout", text: "value 2\n" });
  });

  it("turns tslab's diagnostics into one CompileError pointing at the cell's line", async () => {
    const { run } = setup({ "const x: number = 's';": (c) => (c.error("%s%d:%d - %s", "", 1, 7, "Type 'string' is not assignable to type 'number'."), false) });
    const done = await run(0, "const x: number = 's';");
    expect(done).toMatchObject({ ok: false, errors: [{ ename: "CompileError", evalue: "1:7 - Type 'string' is not assignable to type 'number'." }] });
  });

  it("reports a thrown error once, even when it was also reported as uncaught (process.exit)", async () => {
    const exit = new Error("process.exit(0) was called");
    exit.name = "ProcessExitError";
    const { run } = setup({
      exit: (c, host) => {
        host().fail(exit); // what the patched process.exit does
        c.error(exit); // what tslab's executor does with the error thrown out of the cell
        return false;
      },
    });
    const done = await run(0, "exit");
    expect(done).toMatchObject({ ok: false, errors: [{ ename: "ProcessExitError" }] });
    expect(done?.type === "done" && done.errors).toHaveLength(1);
  });

  it("fails a cell that returned ok but left a rejection nobody handled", async () => {
    const { run, host } = setup({ reject: () => (void Promise.reject(new TypeError("nobody awaits me")), true) });
    const forward = (reason: unknown) => host().fail(reason); // kernelMain installs this handler
    process.on("unhandledRejection", forward);
    try {
      expect(await run(2, "reject")).toMatchObject({ ok: false, errors: [{ ename: "TypeError", evalue: "nobody awaits me" }] });
    } finally {
      process.off("unhandledRejection", forward);
    }
  });

  it("sends an error from a timer to the cell that started it, after that cell ended", async () => {
    const { sent, run, host } = setup({
      timer: () => {
        setTimeout(() => host().fail(new Error("late boom")), 20);
        return true;
      },
      next: async () => {
        await sleep(60);
        return true;
      },
    });
    expect(await run(1, "timer")).toMatchObject({ ok: true });
    expect(await run(2, "next")).toMatchObject({ ok: true });
    expect(sent.filter((m) => m.type === "late-error")).toMatchObject([{ cell: 1, error: { evalue: "late boom" } }]);
  });

  it("drains: waits for the cells' timers, and gives up on an interval after maxMs", async () => {
    let stop = () => {};
    const { sent, run, host } = setup({
      timeout: () => (setTimeout(() => {}, 30), true),
      interval: () => {
        const id = setInterval(() => {}, 5);
        stop = () => clearInterval(id);
        return true;
      },
    });
    await run(0, "timeout");
    await host().handle({ type: "drain", id: 1, maxMs: 2000 });
    expect(sent.pop()).toEqual({ type: "drained", id: 1, pendingTimers: 0 });
    await run(1, "interval");
    const started = Date.now();
    await host().handle({ type: "drain", id: 2, maxMs: 50 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(sent.pop()).toEqual({ type: "drained", id: 2, pendingTimers: 1 });
    stop();
  });

  it("reads variables as plain data, and says which it cannot read", async () => {
    const locals = { mse: 1.75, grad: new Float64Array([1, 2]), sneaky: { get value() { return 1; } } };
    const { sent, host } = setup({}, locals);
    await host().handle({ type: "read", id: 7, names: ["mse", "grad", "sneaky", "missing"] });
    expect(sent[0]).toEqual({
      type: "values",
      id: 7,
      values: {
        mse: { ok: true, value: 1.75 },
        grad: { ok: true, value: new Float64Array([1, 2]) },
        sneaky: { ok: false, reason: "value.value is a getter" },
        missing: { ok: false, reason: "missing is not defined" },
      },
    });
  });
});
