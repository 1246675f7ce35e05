import type { MultilineString } from "./types";

/** The text of a multiline nbformat field (a string, or lines to concatenate). */
export function joinSource(source: MultilineString): string {
  return typeof source === "string" ? source : source.join("");
}

/**
 * Splits text into nbformat lines, each keeping its "\n" (the last one has none unless the text ends with one),
 * the way Jupyter saves sources and stream text: `splitLines("a\nb")` → `["a\n", "b"]`.
 */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", start)) {
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** The first `n` non-empty lines of a cell's source, for error reports. */
export function firstLines(source: MultilineString, n: number): string[] {
  return joinSource(source)
    .split("\n")
    .filter((line) => line.trim() !== "")
    .slice(0, n);
}
