import * as path from "path";
import { describe, expect, it } from "vitest";
import type { ReadResult } from "../../kernel/exec/plainData";
import { cellMetaOf } from "../../kernel/notebook/losslabMeta";
import { readNotebookFile } from "../../kernel/run/runFile";
import { runNotebook } from "../../kernel/run/runNotebook";
import { startKernel } from "../../kernel/run/startKernel";
import { root } from "../kernel/support/cli";

// How a grader reads a learner's answers: right after each exercise's solution cell, as plain data, out of the
// kernel process. Expected values: the original notebook's checks (../shared/seed), worked by hand.
const third = 1 / 3;
const EXPECTED: Record<number, Record<string, unknown>> = {
  1: { mse: 1.75, grad: [third, -2 * third, 4 * third] },
  2: { huber: [1.5, 0.125, 0, 0.125, 2.5] },
  5: { maskedMean: (0.2 + 0.5 + 0.3) / 3 },
  8: { loss: 0.16 - 0.36 + 0.5 },
  10: { shares: { ce: 0.8 / 1.5, kl: 0.5 / 1.5, aux: 0.2 / 1.5 } },
};
const close = (a: unknown, b: unknown): boolean =>
  typeof a === "number" && typeof b === "number"
    ? Math.abs(a - b) <= 1e-12 + 1e-12 * Math.abs(b)
    : Array.isArray(b)
      ? Array.isArray(a) && a.length === b.length && a.every((x, i) => close(x, b[i]))
      : typeof b === "object" && b !== null && typeof a === "object" && a !== null
        ? Object.keys(b).every((k) => close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
        : false;

describe("reading answer variables out of a running notebook", () => {
  it("gives each exercise's answers as plain data after its solution cell", { timeout: 240_000 }, async () => {
    const nb = readNotebookFile(path.join(root, "notebooks", "loss-functions-exercises.ipynb"));
    const read: Record<number, Record<string, ReadResult>> = {};
    const run = await runNotebook(nb, (events) => startKernel({ rootDir: root, events }), {
      timeoutMs: 60_000,
      afterCell: async (cell, kernel) => {
        const meta = cellMetaOf(nb.cells[cell.index]);
        if (meta?.role === "solution" && meta.exercise !== undefined) read[meta.exercise] = await kernel.read(meta.answers ?? []);
      },
    });
    expect(run.cells.every((c) => c.status === "ok")).toBe(true);
    expect(Object.keys(read).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const [exercise, answers] of Object.entries(EXPECTED)) {
      for (const [name, expected] of Object.entries(answers)) {
        const got = read[Number(exercise)][name];
        expect(got.ok, `exercise ${exercise}: ${name}`).toBe(true);
        expect(close(got.ok ? got.value : null, expected), `exercise ${exercise}: ${name} = ${JSON.stringify(got)}`).toBe(true);
      }
    }
    // `loss` is reused by exercises 3, 7, 8 and 9: each read sees that exercise's own value.
    const loss3 = read[3].loss;
    const loss9 = read[9].loss;
    expect(loss3.ok && Array.isArray(loss3.value) && loss3.value.length).toBe(3);
    expect(loss9.ok && Array.isArray(loss9.value) && loss9.value.length).toBe(2);
  });
});
