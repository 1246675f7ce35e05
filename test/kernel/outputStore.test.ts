import { describe, expect, it } from "vitest";
import { createOutputStore } from "../../kernel/run/outputStore";

describe("createOutputStore", () => {
  it("joins consecutive writes to one stream and keeps the order of outputs", () => {
    const store = createOutputStore();
    store.stream(1, "stdout", "a\nb");
    store.stream(1, "stdout", "c\n");
    store.stream(1, "stderr", "warn\n");
    store.display(1, { data: { "text/plain": "shown" } }, false);
    store.stream(1, "stdout", "d\n");
    store.error(1, { ename: "Error", evalue: "boom", traceback: ["Error: boom"] });
    expect(store.outputs(1)).toEqual([
      { output_type: "stream", name: "stdout", text: ["a\n", "bc\n"] },
      { output_type: "stream", name: "stderr", text: ["warn\n"] },
      { output_type: "display_data", data: { "text/plain": "shown" }, metadata: {} },
      { output_type: "stream", name: "stdout", text: ["d\n"] },
      { output_type: "error", ename: "Error", evalue: "boom", traceback: ["Error: boom"] },
    ]);
    expect(store.outputs(2)).toEqual([]);
  });

  it("keeps cells apart", () => {
    const store = createOutputStore();
    store.stream(3, "stdout", "three\n");
    store.stream(5, "stdout", "five\n");
    expect(store.outputs(3)).toEqual([{ output_type: "stream", name: "stdout", text: ["three\n"] }]);
  });

  it("an update replaces the earlier displays with the same display_id, in any cell", () => {
    const store = createOutputStore();
    store.display(1, { data: { "text/plain": "0%" }, transient: { display_id: "p" } }, false);
    store.display(2, { data: { "text/plain": "other" }, transient: { display_id: "q" } }, false);
    store.display(4, { data: { "text/plain": "100%" }, metadata: { x: 1 }, transient: { display_id: "p" } }, true);
    expect(store.outputs(1)).toEqual([{ output_type: "display_data", data: { "text/plain": "100%" }, metadata: { x: 1 } }]);
    expect(store.outputs(2)).toEqual([{ output_type: "display_data", data: { "text/plain": "other" }, metadata: {} }]);
    expect(store.outputs(4)).toEqual([]);
  });

  it("cuts a cell's stream text after the limit and says so once", () => {
    const store = createOutputStore(10);
    store.stream(0, "stdout", "12345678");
    store.stream(0, "stdout", "90abc");
    store.stream(0, "stdout", "more");
    expect(store.outputs(0)).toEqual([
      { output_type: "stream", name: "stdout", text: ["1234567890\n", "[losslab: output cut after 10 characters]\n"] },
    ]);
  });
});
