/**
 * Renders a value for a check line the way the seed's Python prints it: floats keep a decimal point
 * (`1.0`, `1.75`, `0.30000000000000004`), arrays and typed arrays become `[a, b, c]`, nested as lists,
 * records become `{'ce': 0.5}`-style dicts, booleans `True`/`False`.
 *
 * @example
 * formatValue(1); // => "1.0"
 * formatValue([0.5, [1, 2]]); // => "[0.5, [1.0, 2.0]]"
 */
export function formatValue(value: unknown): string {
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "None";
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    return `[${Array.from(value as ArrayLike<unknown>, formatValue).join(", ")}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `'${k}': ${formatValue(v)}`);
    return `{${entries.join(", ")}}`;
  }
  return String(value);
}

function formatNumber(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${Object.is(x, -0) ? "-0" : x.toFixed(0)}.0`;
  return String(x);
}
