import { afterEach, describe, expect, it } from "vitest";
import { createTslabSession, setDisplayWriter, writeDisplayData, type DisplayBundle } from "../../kernel/tslab/internals";

afterEach(() => setDisplayWriter(null));

describe("tslab internals", () => {
  it("writeDisplayData says clearly that nothing is listening outside a kernel", () => {
    expect(() => writeDisplayData({ data: { "text/plain": "x" } })).toThrow(/no notebook is listening/);
  });

  it("routes a multi-MIME bundle to the display writer, with metadata and transient filled in", () => {
    const seen: [DisplayBundle, boolean][] = [];
    setDisplayWriter((bundle, update) => seen.push([bundle, update]));
    writeDisplayData({ data: { "text/plain": "chart", "application/vnd.vegalite.v5+json": { mark: "line" } } });
    expect(seen).toEqual([[{ data: { "text/plain": "chart", "application/vnd.vegalite.v5+json": { mark: "line" } }, metadata: {}, transient: {} }, false]]);
  });

  it("routes tslab's own display API to the same writer (the runner shows tslab.display output)", async () => {
    const seen: DisplayBundle[] = [];
    setDisplayWriter((bundle) => seen.push(bundle));
    const tslab = (await import("tslab")) as unknown as { display: { html(s: string): void } };
    tslab.display.html("<b>hi</b>");
    expect(seen).toMatchObject([{ data: { "text/html": "<b>hi</b>" } }]);
  });

  it("createTslabSession refuses a root that is not the working directory (tslab compiles relative to it)", () => {
    expect(() => createTslabSession({ rootDir: "/", console: { log() {}, error() {} } })).toThrow(/rootDir must be the working directory/);
  });
});
