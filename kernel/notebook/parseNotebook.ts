import { NotebookError } from "./NotebookError";
import type { Cell, MultilineString, Notebook, Output } from "./types";

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);
const isMultiline = (x: unknown): x is MultilineString =>
  typeof x === "string" || (Array.isArray(x) && x.every((line) => typeof line === "string"));

/**
 * Parses the text of an nbformat 4 notebook. Missing optional fields get their defaults (cell `metadata` {},
 * code cell `outputs` [] and `execution_count` null); anything else that is not nbformat 4 is an error.
 * @param file the name used in error messages
 * @throws NotebookError `MALFORMED_JSON`, `NOT_A_NOTEBOOK` (not an object, no cells, a cell of unknown type or
 *   without source) or `UNSUPPORTED_VERSION` (nbformat other than 4)
 */
export function parseNotebook(text: string, file: string): Notebook {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new NotebookError("MALFORMED_JSON", file, `not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(json)) throw new NotebookError("NOT_A_NOTEBOOK", file, "not a notebook (the JSON is not an object)");
  if (!Array.isArray(json.cells)) throw new NotebookError("NOT_A_NOTEBOOK", file, 'not a notebook (no "cells" list)');
  if (json.nbformat !== 4) {
    throw new NotebookError("UNSUPPORTED_VERSION", file, `nbformat ${String(json.nbformat)} is not supported (need 4)`);
  }
  const cells = json.cells.map((cell, index) => parseCell(cell, index, file));
  return {
    nbformat: 4,
    nbformat_minor: typeof json.nbformat_minor === "number" ? json.nbformat_minor : 5,
    metadata: isObject(json.metadata) ? json.metadata : {},
    cells,
  };
}

function parseCell(cell: unknown, index: number, file: string): Cell {
  const bad = (what: string) => new NotebookError("NOT_A_NOTEBOOK", file, `cell [${index}] ${what}`);
  if (!isObject(cell)) throw bad("is not an object");
  if (!isMultiline(cell.source)) throw bad('has no "source" text');
  const metadata = isObject(cell.metadata) ? cell.metadata : {};
  const id = typeof cell.id === "string" ? { id: cell.id } : {};
  switch (cell.cell_type) {
    case "code": {
      if (cell.outputs !== undefined && !Array.isArray(cell.outputs)) throw bad('has "outputs" that is not a list');
      const outputs = (cell.outputs ?? []) as Output[];
      const count = typeof cell.execution_count === "number" ? cell.execution_count : null;
      return { cell_type: "code", ...id, metadata, source: cell.source, execution_count: count, outputs };
    }
    case "markdown":
      return {
        cell_type: "markdown",
        ...id,
        metadata,
        source: cell.source,
        ...(isObject(cell.attachments) ? { attachments: cell.attachments } : {}),
      };
    case "raw":
      return { cell_type: "raw", ...id, metadata, source: cell.source };
    default:
      throw bad(`has an unknown cell_type ${JSON.stringify(cell.cell_type)}`);
  }
}
