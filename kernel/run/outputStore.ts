import type { DisplayBundle } from "../tslab/internals";
import type { ErrorInfo } from "../exec/errorInfo";
import { splitLines } from "../notebook/source";
import type { DisplayDataOutput, Output } from "../notebook/types";

/** Collects the outputs of a notebook's cells as they arrive, in nbformat form. */
export interface OutputStore {
  stream(cell: number, name: "stdout" | "stderr", text: string): void;
  /** A display bundle; with `update`, replaces earlier displays that carry the same `display_id`. */
  display(cell: number, bundle: DisplayBundle, update: boolean): void;
  error(cell: number, info: ErrorInfo): void;
  outputs(cell: number): Output[];
}

type Entry =
  | { kind: "stream"; name: "stdout" | "stderr"; text: string }
  | { kind: "output"; output: Output };

/**
 * Creates a store. Consecutive writes to one stream join into one output, as Jupyter shows them. A cell's stream
 * text is cut after `maxChars` characters (default 10 million) with a note saying so.
 */
export function createOutputStore(maxChars = 10_000_000): OutputStore {
  const cells = new Map<number, { entries: Entry[]; chars: number; truncated: boolean }>();
  const displays = new Map<string, DisplayDataOutput[]>();

  const cellOf = (cell: number) => {
    let c = cells.get(cell);
    if (!c) cells.set(cell, (c = { entries: [], chars: 0, truncated: false }));
    return c;
  };

  return {
    stream(cell, name, text) {
      const c = cellOf(cell);
      if (c.truncated) return;
      if (c.chars + text.length > maxChars) {
        text = `${text.slice(0, Math.max(0, maxChars - c.chars))}\n[losslab: output cut after ${maxChars} characters]\n`;
        c.truncated = true;
      }
      c.chars += text.length;
      const last = c.entries[c.entries.length - 1];
      if (last && last.kind === "stream" && last.name === name) last.text += text;
      else c.entries.push({ kind: "stream", name, text });
    },
    display(cell, bundle, update) {
      const id = bundle.transient?.display_id;
      const metadata = bundle.metadata ?? {};
      if (update) {
        for (const shown of (id && displays.get(id)) || []) {
          shown.data = bundle.data;
          shown.metadata = metadata;
        }
        return;
      }
      const output: DisplayDataOutput = { output_type: "display_data", data: bundle.data, metadata };
      cellOf(cell).entries.push({ kind: "output", output });
      if (id) displays.set(id, [...(displays.get(id) ?? []), output]);
    },
    error(cell, info) {
      cellOf(cell).entries.push({
        kind: "output",
        output: { output_type: "error", ename: info.ename, evalue: info.evalue, traceback: info.traceback },
      });
    },
    outputs(cell) {
      return (cells.get(cell)?.entries ?? []).map((e) =>
        e.kind === "stream" ? { output_type: "stream", name: e.name, text: splitLines(e.text) } : e.output,
      );
    },
  };
}
