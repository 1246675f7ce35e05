import { joinSource } from "./source";
import type { Output } from "./types";

/** The check lines a cell printed: `PASS - …` and `FAIL - …` at the start of a stdout line. */
export interface CheckLines {
  pass: string[];
  fail: string[];
}

const CHECK_LINE = /^(PASS|FAIL) - /;

/**
 * Reads the seed's check lines out of a cell's outputs (stdout streams only: a check prints with console.log).
 * Consecutive stream chunks are joined first, so a line split across two writes still counts once.
 */
export function readChecks(outputs: readonly Output[]): CheckLines {
  let stdout = "";
  for (const output of outputs) {
    if (output.output_type === "stream" && output.name === "stdout") stdout += joinSource(output.text);
  }
  const result: CheckLines = { pass: [], fail: [] };
  for (const line of stdout.split("\n")) {
    const match = CHECK_LINE.exec(line);
    if (match) (match[1] === "PASS" ? result.pass : result.fail).push(line);
  }
  return result;
}

/** Adds up the check lines of many cells. */
export function sumChecks(all: readonly CheckLines[]): CheckLines {
  return { pass: all.flatMap((c) => c.pass), fail: all.flatMap((c) => c.fail) };
}
