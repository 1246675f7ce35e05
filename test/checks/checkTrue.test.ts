import { describe, expect, it } from "vitest";
import { checkTrue } from "../../src";
import { capture } from "./capture";

describe("checkTrue", () => {
  it("prints `PASS - name` and returns true for a truthy condition", () => {
    const { result, lines } = capture(() => checkTrue("huge-logit CE finite", Number.isFinite(1000.4)));
    expect(result).toBe(true);
    expect(lines).toEqual(["PASS - huge-logit CE finite"]);
  });

  it("prints `FAIL - name` and returns false for a falsy condition", () => {
    const { result, lines } = capture(() => checkTrue("triplet violates margin", 0));
    expect(result).toBe(false);
    expect(lines).toEqual(["FAIL - triplet violates margin"]);
  });

  it("uses truthiness as Python's bool(): non-empty values pass, 0, '' and null fail", () => {
    expect(capture(() => checkTrue("a", [1])).result).toBe(true);
    expect(capture(() => checkTrue("b", "")).result).toBe(false);
    expect(capture(() => checkTrue("c", null)).result).toBe(false);
  });
});
