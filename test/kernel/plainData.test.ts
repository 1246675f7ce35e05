import { describe, expect, it } from "vitest";
import { readPlainData } from "../../kernel/exec/plainData";

const reason = (value: unknown) => {
  const r = readPlainData(value);
  return r.ok ? "ok" : r.reason;
};

describe("readPlainData", () => {
  it("copies primitives, arrays and plain objects", () => {
    const value = { mse: 1.75, grad: [1, -2, NaN], name: "x", ok: true, none: null, nested: { a: [[1], [2]] } };
    expect(readPlainData(value)).toEqual({ ok: true, value });
    expect(readPlainData(undefined)).toEqual({ ok: true, value: undefined });
    expect(readPlainData(Object.assign(Object.create(null), { a: 1 }))).toEqual({ ok: true, value: { a: 1 } });
  });

  it("copies typed arrays into fresh arrays of the same type", () => {
    const original = new Float64Array([0.5, Infinity]);
    const r = readPlainData(original);
    expect(r.ok && r.value).toBeInstanceOf(Float64Array);
    expect(r.ok && Array.from(r.value as Float64Array)).toEqual([0.5, Infinity]);
    expect(r.ok && r.value).not.toBe(original);
    expect(reason(new BigInt64Array(1))).toBe("value is a typed array of an unsupported type");
  });

  it("runs none of the value's code: getters, proxies and class instances are refused", () => {
    let calls = 0;
    const getter = { get mse() {
      calls += 1;
      return 1.75;
    } };
    expect(reason(getter)).toBe("value.mse is a getter");
    expect(reason([1, new Proxy({}, { get: () => { calls += 1; return 1; } })])).toBe("value[1] is a Proxy");
    expect(reason(new Proxy([1, 2], {}))).toBe("value is a Proxy");
    expect(reason(new (class Answer { x = 1; })())).toBe("value is an instance of a class, not plain data");
    expect(reason(new Map())).toBe("value is an instance of a class, not plain data");
    expect(reason(() => 1)).toBe("value is a function, not plain data");
    expect(reason(10n)).toBe("value is a bigint, not plain data");
    expect(calls).toBe(0);
  });

  it("refuses a value nested too deeply or too large", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10; i++) deep = [deep];
    expect(reason(deep)).toMatch(/nested too deeply$/);
    expect(readPlainData([[1, 2], [3]], { maxDepth: 8, maxItems: 4 })).toEqual({ ok: false, reason: "value[1] is too large" });
  });
});
