import { expectClose, flat, type Tol } from "./close";

/** Deep-copies a nested numeric array into plain nested number[] (so a test can perturb one entry). */
export function clone(x: unknown): unknown {
  if (typeof x === "number") return x;
  return Array.from(x as ArrayLike<unknown>, clone);
}

function setFlat(x: unknown, index: number, value: number): void {
  let i = 0;
  const visit = (node: unknown[]): boolean => {
    for (let k = 0; k < node.length; k++) {
      const v = node[k];
      if (typeof v === "number") {
        if (i++ === index) {
          node[k] = value;
          return true;
        }
      } else if (visit(v as unknown[])) return true;
    }
    return false;
  };
  visit(x as unknown[]);
}

/** The sum of every number in a scalar or nested result: what every `…Grad` differentiates. */
export function total(y: unknown): number {
  return flat(y).reduce((a, b) => a + b, 0);
}

/**
 * Central finite differences of `f` (summed over its outputs) at `x`:
 * (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h for every element i, as a flat number[].
 */
export function numericGrad(f: (x: unknown) => unknown, x: unknown, h = 1e-6): number[] {
  const n = flat(x).length;
  const g: number[] = [];
  for (let i = 0; i < n; i++) {
    const base = flat(x)[i];
    const xp = clone(x);
    setFlat(xp, i, base + h);
    const xm = clone(x);
    setFlat(xm, i, base - h);
    g.push((total(f(xp)) - total(f(xm))) / (2 * h));
  }
  return g;
}

/** Asserts an analytic gradient equals central finite differences within `tol` (default rtol 1e-6, atol 1e-7). */
export function expectGradient(
  f: (x: unknown) => unknown,
  analytic: unknown,
  x: unknown,
  tol: Tol = { rtol: 1e-6, atol: 1e-7 },
  h = 1e-6,
): void {
  expectClose(flat(analytic), numericGrad(f, x, h), tol);
}
