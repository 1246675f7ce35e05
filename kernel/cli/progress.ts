import * as path from "path";
import type { CellProgress } from "../run/runNotebook";

export interface Progress {
  cellStart(file: string, p: CellProgress): void;
  cellDone(file: string, p: CellProgress): void;
  notebookDone(file: string): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * One progress line per cell on a terminal, rewritten in place ("notebook [3/22] cell [5] exercise 1 solution");
 * nothing when the stream is not a terminal (CI logs get the summary only).
 */
export function createProgress(stream: ProgressStream): Progress {
  if (!stream.isTTY) return { cellStart() {}, cellDone() {}, notebookDone() {} };
  const show = (text: string) => stream.write(`\r\x1b[K${text.slice(0, Math.max(20, (stream.columns ?? 100) - 1))}`);
  const describe = (file: string, p: CellProgress) =>
    `${path.basename(file)} [${p.position}/${p.total}] cell [${p.cell.index}] ${p.cell.label}`;
  return {
    cellStart: (file, p) => show(`${describe(file, p)} …`),
    cellDone: (file, p) => show(`${describe(file, p)} ${p.cell.status === "ok" ? "ok" : "FAILED"} ${p.cell.ms} ms`),
    notebookDone: () => stream.write("\r\x1b[K"),
  };
}
