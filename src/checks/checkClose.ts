import { LossInputError } from "../core/errors";
import { allclose } from "./allclose";
import { formatValue } from "./formatValue";

/**
 * The seed's `check_close`: prints `PASS - name: value=…, expected=…` (or `FAIL - …`) and returns whether
 * `value` is close to `expected` with numpy `allclose` semantics, atol = rtol = `tol`:
 * |value − expected| ≤ tol + tol·|expected| elementwise; shapes must agree (no broadcasting).
 *
 * @throws LossInputError `OUT_OF_DOMAIN` when `tol` is negative or not finite
 * @example
 * checkClose("mse", 1.75, 1.75); // prints "PASS - mse: value=1.75, expected=1.75", returns true
 */
export function checkClose(name: string, value: unknown, expected: unknown, tol = 1e-7): boolean {
  if (!(tol >= 0) || !Number.isFinite(tol)) {
    throw new LossInputError("OUT_OF_DOMAIN", "checkClose", "tol", `must be a finite number ≥ 0 (got ${tol})`);
  }
  const ok = allclose(value, expected, tol, tol);
  console.log(`${ok ? "PASS" : "FAIL"} - ${name}: value=${formatValue(value)}, expected=${formatValue(expected)}`);
  return ok;
}
