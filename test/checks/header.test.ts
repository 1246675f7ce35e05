import { describe, expect, it } from "vitest";
import { header } from "../../src";
import { capture } from "./capture";

describe("header", () => {
  it("prints the seed's banner: a blank line, 72 '=', the title, 72 '='", () => {
    // Seed: print("\n" + "=" * 72); print(title); print("=" * 72).
    const rule = "=".repeat(72);
    const { lines } = capture(() => header("Exercise 1: MSE gradient"));
    expect(lines).toEqual([`\n${rule}\nExercise 1: MSE gradient\n${rule}`]);
    expect(lines[0].split("\n")).toEqual(["", rule, "Exercise 1: MSE gradient", rule]);
  });

  it("returns nothing, so a cell ending with header(…) does not print the banner twice", () => {
    const { result } = capture(() => header("t"));
    expect(result).toBeUndefined();
  });
});
