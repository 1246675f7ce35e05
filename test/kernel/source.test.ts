import { describe, expect, it } from "vitest";
import { firstLines, joinSource, splitLines } from "../../kernel/notebook/source";

describe("notebook sources", () => {
  it("splitLines keeps each newline with its line, as Jupyter saves text", () => {
    expect(splitLines("a\nb")).toEqual(["a\n", "b"]);
    expect(splitLines("a\n\nb\n")).toEqual(["a\n", "\n", "b\n"]);
    expect(splitLines("")).toEqual([]);
  });

  it("joinSource undoes splitLines and accepts a plain string", () => {
    const text = "const x = 1;\n\nconsole.log(x);\n";
    expect(joinSource(splitLines(text))).toBe(text);
    expect(joinSource(text)).toBe(text);
  });

  it("firstLines skips blank lines", () => {
    expect(firstLines(["\n", "// Solution\n", "  \n", "a();\n", "b();\n", "c();"], 2)).toEqual(["// Solution", "a();"]);
  });
});
