// tslab's own TypeScript (5.0, not strict) sees the same overloads as our strict check: a cell that uses a 1-D
// result as a Float64Array compiles and runs in a tslab session, and one that treats a matrix result as 1-D is
// rejected with a type error (which would stop the cell in a notebook).
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureLibrary } from "../../kernel/lib/ensureLibrary";
import { createTslabSession, type TslabSession } from "../../kernel/tslab/internals";

const root = path.resolve(__dirname, "..", "..");
const errors: string[] = [];
let session: TslabSession;

beforeAll(() => {
  ensureLibrary(root); // build/lib, which losslab.ts re-exports, compiled by tslab's TypeScript
  session = createTslabSession({
    rootDir: root,
    console: { log: () => {}, error: (...a: unknown[]) => void errors.push(a.map(String).join(" ")) },
  });
});
afterAll(() => session?.close());

describe("the overloads in a tslab session (TypeScript 5.0)", { timeout: 120_000 }, () => {
  it("compile a cell that indexes, assigns and maps 1-D results without casts", async () => {
    expect(await session.execute('import * as losslab from "./losslab";')).toBe(true);
    const cell = [
      'const l = losslab.huber([0.5, 2, -3], { reduction: "none" });',
      "const asArrayLike: ArrayLike<number> = losslab.bceWithLogits([0, 1], [1, 0]);",
      "const asTyped: Float64Array = losslab.mseGrad([1.5, 1.0, 5.0], [1.0, 2.0, 3.0]);",
      "const rows: Float64Array[] = losslab.sigmoid([[0], [1]]);",
      'const mean: number = losslab.focalLoss([0.5, 0.25], { reduction: "mean" });',
      'const summary = [l[0].toFixed(3), asArrayLike.length, asTyped.length, rows[1].length, typeof mean].join(" ");',
    ].join("\n");
    expect(await session.execute(cell), errors.join("\n")).toBe(true);
    expect(errors).toEqual([]);
    expect(session.locals.summary).toBe("0.125 2 3 1 number"); // huber(0.5) = ½·0.5² (hand-worked)
  });

  it("reject a cell that treats a matrix result as one Float64Array", async () => {
    errors.length = 0;
    expect(await session.execute("const flat: Float64Array = losslab.huber([[1, 2]]);")).toBe(false);
    expect(errors.join("\n")).toMatch(/Float64Array\[\]/);
  });
});
