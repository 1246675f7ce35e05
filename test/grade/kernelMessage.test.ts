import { describe, expect, it } from "vitest";
import { dropMalformedMessages, isKernelMessage } from "../../kernel/run/kernelMessage";
import type { KernelChild } from "../../kernel/run/forkKernel";

const error = { ename: "Error", evalue: "boom", traceback: ["Error: boom"] };

describe("messages from a sandboxed kernel", () => {
  it("accepts each message of the protocol in its shape", () => {
    for (const m of [
      { type: "ready", startMs: 12 },
      { type: "stream", cell: 3, name: "stdout", text: "hi\n" },
      { type: "display", cell: 3, bundle: { data: { "text/plain": "x" } }, update: false },
      { type: "done", id: 1, cell: 3, ok: false, errors: [error] },
      { type: "late-error", cell: 3, error },
      { type: "values", id: 2, values: { mse: { ok: true, value: 1.75 } } },
      { type: "drained", id: 3, pendingTimers: 0 },
      { type: "fatal", error },
    ]) {
      expect(isKernelMessage(m)).toBe(true);
    }
  });

  it("refuses what a learner's process.send could make up: null, numbers, unknown types, missing or mistyped fields", () => {
    for (const m of [
      null,
      42,
      "done",
      [],
      { type: "nope" },
      { type: "stream", cell: 3 },
      { type: "stream", cell: "3", name: "stdout", text: "x" },
      { type: "late-error", cell: 3, error: "not an error" },
      { type: "done", id: 1, cell: 3, ok: true, errors: [null] },
      { type: "values", id: 1.5, values: {} },
      { type: "display", cell: 1, bundle: null, update: false },
    ]) {
      expect(isKernelMessage(m)).toBe(false);
    }
  });

  it("passes only well-formed messages on to the kernel's handler", () => {
    let handler: (m: unknown) => void = () => {};
    const child = { onMessage: (fn: (m: unknown) => void) => (handler = fn) } as unknown as KernelChild;
    const seen: unknown[] = [];
    dropMalformedMessages(child).onMessage((m) => seen.push(m));
    handler(null);
    handler({ type: "ready", startMs: 1 });
    expect(seen).toEqual([{ type: "ready", startMs: 1 }]);
  });
});
