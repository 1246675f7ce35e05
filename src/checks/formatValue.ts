/**
 * Renders a value for a check line the way the seed's Python prints it: floats as Python's `repr` (`1.0`, `1.75`,
 * `0.30000000000000004`, and exponent form below 1e-4 or from 1e16 on: `1e-05`, `2.5e+16`), arrays and typed
 * arrays become `[a, b, c]`, nested as lists, records become `{'ce': 0.5}`-style dicts, booleans `True`/`False`,
 * null/undefined `None`; a string prints as is at the top level and quoted (`'a'`) inside a list or dict.
 *
 * @example
 * formatValue(1); // => "1.0"
 * formatValue([0.5, [1, 2]]); // => "[0.5, [1.0, 2.0]]"
 * formatValue(0.00001); // => "1e-05"
 */
export function formatValue(value: unknown): string {
  return typeof value === "string" ? value : render(value);
}

function render(value: unknown): string {
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "string") return pyStr(value);
  if (value === null || value === undefined) return "None";
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    return `[${Array.from(value as ArrayLike<unknown>, render).join(", ")}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyStr(k)}: ${render(v)}`);
    return `{${entries.join(", ")}}`;
  }
  return String(value);
}

/** Python's repr of a str: single quotes unless the text has a single quote and no double quote. */
function pyStr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
  return q + (q === "'" ? body.replace(/'/g, "\\'") : body) + q;
}

/**
 * Python's float repr: the shortest digits that round-trip (JavaScript's too), in fixed notation when the decimal
 * exponent e satisfies −4 ≤ e < 16 (with `.0` for whole numbers), else `d.ddde±XX`.
 */
function formatNumber(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa, exponent] = x.toExponential().split("e"); // shortest round-trip digits, e.g. "-1.75e+0"
  const e = Number(exponent);
  const sign = x < 0 ? "-" : "";
  const digits = mantissa.replace("-", "").replace(".", "");
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (e < 0) return `${sign}0.${"0".repeat(-e - 1)}${digits}`;
  if (digits.length <= e + 1) return `${sign}${digits}${"0".repeat(e + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
}
