import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatValue } from "../../src";

describe("formatValue", () => {
  it("prints floats as Python's repr: whole numbers keep '.0', shortest round-trip digits", () => {
    // Python 3: repr(1.0), repr(1.75), repr(0.1 + 0.2), repr(-0.0), repr(123.456), repr(1e15).
    expect(formatValue(1)).toBe("1.0");
    expect(formatValue(1.75)).toBe("1.75");
    expect(formatValue(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(formatValue(-0)).toBe("-0.0");
    expect(formatValue(123.456)).toBe("123.456");
    expect(formatValue(1e15)).toBe("1000000000000000.0");
  });

  it("switches to exponent form below 1e-4 and from 1e16 on, with a two-digit signed exponent", () => {
    // Python 3: repr(0.0001) = '0.0001', repr(1e-05) = '1e-05', repr(1e16) = '1e+16', repr(2.9478533057605294e-05).
    expect(formatValue(0.0001)).toBe("0.0001");
    expect(formatValue(0.00001)).toBe("1e-05");
    expect(formatValue(2.9478533057605294e-5)).toBe("2.9478533057605294e-05");
    expect(formatValue(-2.5e-7)).toBe("-2.5e-07");
    expect(formatValue(9999999999999998)).toBe("9999999999999998.0");
    expect(formatValue(1e16)).toBe("1e+16");
    expect(formatValue(1.5e300)).toBe("1.5e+300");
    expect(formatValue(5e-324)).toBe("5e-324");
  });

  it("prints nan, inf and -inf as Python does", () => {
    expect([NaN, Infinity, -Infinity].map(formatValue)).toEqual(["nan", "inf", "-inf"]);
  });

  it("prints arrays and typed arrays as lists, records as dicts, booleans and None as Python", () => {
    expect(formatValue([0.5, [1, 2]])).toBe("[0.5, [1.0, 2.0]]");
    expect(formatValue(new Float64Array([1, 0.25]))).toBe("[1.0, 0.25]");
    expect(formatValue({ ce: 0.5, kl: 0.25 })).toBe("{'ce': 0.5, 'kl': 0.25}");
    expect(formatValue([true, false, null, undefined])).toBe("[True, False, None, None]");
    expect(formatValue([])).toBe("[]");
  });

  it("prints a string as is at the top level and quoted inside containers (Python's str vs repr)", () => {
    expect(formatValue("ok")).toBe("ok");
    expect(formatValue(["a", { k: "v" }])).toBe("['a', {'k': 'v'}]");
    expect(formatValue(["it's"])).toBe(`["it's"]`);
  });

  it("round-trips every finite number (property)", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      expect(Object.is(Number(formatValue(x)), x)).toBe(true);
    }));
  });
});
