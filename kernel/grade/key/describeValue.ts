import type { PlainValue } from "../../exec/plainData";

/** A number as feedback shows it: up to 10 significant digits, `NaN`, `Infinity`, `-0` as `0`. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(10)));
}

/** A vector as feedback shows it: `[0.5, -1, 2]`, at most `max` values then `…`. */
export function formatVector(xs: ArrayLike<unknown>, max = 8): string {
  const shown: string[] = [];
  for (let i = 0; i < Math.min(xs.length, max); i++) {
    const x = xs[i];
    shown.push(typeof x === "number" ? formatNumber(x) : describeValue(x as PlainValue));
  }
  return `[${shown.join(", ")}${xs.length > max ? ", …" : ""}]`;
}

const TYPED_NAMES: [(x: unknown) => boolean, string][] = [
  [(x) => x instanceof Float64Array, "Float64Array"],
  [(x) => x instanceof Float32Array, "Float32Array"],
  [(x) => x instanceof Int32Array, "Int32Array"],
  [(x) => x instanceof Uint8Array, "Uint8Array"],
];

/** What a learner's value is, in a few words, for feedback: `null`, `a string "abc"`, `an array of 3 values` … */
export function describeValue(value: PlainValue): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  switch (typeof value) {
    case "number":
      return formatNumber(value);
    case "boolean":
      return `the boolean ${value}`;
    case "string":
      return `a string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  }
  for (const [is, name] of TYPED_NAMES) if (is(value)) return `a ${name} of ${(value as ArrayLike<number>).length} values`;
  if (Array.isArray(value)) return `an array of ${value.length} value${value.length === 1 ? "" : "s"}`;
  const keys = Object.keys(value);
  return keys.length === 0 ? "an empty object" : `an object with keys ${keys.slice(0, 6).join(", ")}${keys.length > 6 ? ", …" : ""}`;
}
