import { expect } from "vitest";

/** Tolerances for a comparison; both are required so every test states them. */
export interface Tol {
  readonly rtol: number;
  readonly atol: number;
}

type Numeric = number | ArrayLike<number> | ReadonlyArray<unknown>;

function toNested(x: unknown): unknown {
  if (typeof x === "number") return x;
  if (Array.isArray(x) || ArrayBuffer.isView(x)) return Array.from(x as ArrayLike<unknown>, toNested);
  if (x !== null && typeof x === "object") {
    return Object.fromEntries(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, toNested(v)]));
  }
  return x;
}

function compare(a: unknown, b: unknown, tol: Tol, path: string): string | null {
  if (a === b) return null;
  if (typeof a === "number" && typeof b === "number") {
    if (Object.is(a, b) || a === b) return null;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return `${path}: got ${a}, expected ${b}`;
    const err = Math.abs(a - b);
    return err <= tol.atol + tol.rtol * Math.abs(b) ? null : `${path}: got ${a}, expected ${b} (|diff| ${err.toExponential(3)})`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} vs expected ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const m = compare(a[i], b[i], tol, `${path}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.join() !== kb.join()) return `${path}: keys ${ka.join(",")} vs expected ${kb.join(",")}`;
    for (const k of ka) {
      const m = compare((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], tol, `${path}.${k}`);
      if (m) return m;
    }
    return null;
  }
  return `${path}: got ${JSON.stringify(a)} (${typeof a}), expected ${JSON.stringify(b)} (${typeof b})`;
}

/** Asserts |actual − expected| ≤ atol + rtol·|expected| elementwise, with nesting and typed arrays compared structurally. */
export function expectClose(actual: unknown, expected: Numeric | unknown, tol: Tol): void {
  const msg = compare(toNested(actual), toNested(expected), tol, "value");
  expect(msg, msg ?? "").toBeNull();
}

/** Flattens a nested numeric value to a plain number[]. */
export function flat(x: unknown): number[] {
  const out: number[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === "number") out.push(v);
    else for (const e of Array.from(v as ArrayLike<unknown>)) visit(e);
  };
  visit(x);
  return out;
}
