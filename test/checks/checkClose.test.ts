import { describe, expect, it } from "vitest";
import { checkClose } from "../../src";
import { expectLossError } from "../support/errors";
import { capture } from "./capture";

describe("checkClose", () => {
  it("prints the seed's line `PASS - name: value=…, expected=…` and returns true when close", () => {
    const { result, lines } = capture(() => checkClose("mse", 1.75, (0.5 ** 2 + 1 + 4) / 3));
    expect(result).toBe(true);
    expect(lines).toEqual(["PASS - mse: value=1.75, expected=1.75"]);
  });

  it("prints FAIL and returns false when not close", () => {
    const { result, lines } = capture(() => checkClose("first CE", 0.5, 0.40760596444438013));
    expect(result).toBe(false);
    expect(lines).toEqual(["FAIL - first CE: value=0.5, expected=0.40760596444438013"]);
  });

  it("uses numpy allclose with atol = rtol = tol (default 1e-7)", () => {
    // Each verdict below confirmed with numpy 2.4: np.allclose(value, expected, atol=tol, rtol=tol).
    expect(capture(() => checkClose("a", 0, 1e-7)).result).toBe(true); // 1e-7 ≤ 1e-7 + 1e-7·1e-7
    expect(capture(() => checkClose("b", 0, 1.1e-7)).result).toBe(false);
    expect(capture(() => checkClose("c", 1000, 1000.0001)).result).toBe(true); // 1e-4 ≤ 1e-7 + 1e-4
    expect(capture(() => checkClose("d", 1000, 1000.0002)).result).toBe(false);
    expect(capture(() => checkClose("e", 0.5, 0.4, 0.1)).result).toBe(true); // 0.1 ≤ 0.1 + 0.04
    expect(capture(() => checkClose("f", 1, 1 + 1e-12, 0)).result).toBe(false);
  });

  it("compares arrays elementwise and prints them as Python lists", () => {
    const { result, lines } = capture(() => checkClose("gradient", new Float64Array([1, -2, 4]).map((v) => v / 3), [1 / 3, -2 / 3, 4 / 3]));
    expect(result).toBe(true);
    expect(lines[0]).toBe(
      "PASS - gradient: value=[0.3333333333333333, -0.6666666666666666, 1.3333333333333333], expected=[0.3333333333333333, -0.6666666666666666, 1.3333333333333333]",
    );
  });

  it("fails when the shapes differ, even if every element is close", () => {
    expect(capture(() => checkClose("shape", [1, 1], 1)).result).toBe(false);
    expect(capture(() => checkClose("shape", [[1, 2]], [1, 2])).result).toBe(false);
  });

  it("fails on NaN and passes equal infinities", () => {
    const nan = capture(() => checkClose("nan", NaN, 0));
    expect(nan.result).toBe(false);
    expect(nan.lines).toEqual(["FAIL - nan: value=nan, expected=0.0"]);
    expect(capture(() => checkClose("inf", Infinity, Infinity)).result).toBe(true);
  });

  it("rejects a negative or non-finite tolerance", () => {
    expectLossError(() => checkClose("x", 1, 1, -1e-7), "OUT_OF_DOMAIN", "checkClose", "tol");
    expectLossError(() => checkClose("x", 1, 1, NaN), "OUT_OF_DOMAIN", "checkClose", "tol");
    expectLossError(() => checkClose("x", 1, 1, Infinity), "OUT_OF_DOMAIN", "checkClose", "tol");
  });
});
