import type { Notebook } from "./types";

/**
 * The text Jupyter writes for a notebook: JSON with keys sorted and a one-space indent, ending in a newline,
 * so that saving a notebook from Jupyter and from losslab gives the same diff.
 */
export function serializeNotebook(notebook: Notebook): string {
  return `${JSON.stringify(sortKeys(notebook), null, 1)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
