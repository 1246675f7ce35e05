/**
 * The seed's `check_true`: prints `PASS - name` when `condition` is truthy, `FAIL - name` otherwise, and
 * returns the boolean.
 *
 * @example
 * checkTrue("huge-logit CE finite", Number.isFinite(1000.4)); // prints "PASS - huge-logit CE finite", returns true
 */
export function checkTrue(name: string, condition: unknown): boolean {
  const ok = Boolean(condition);
  console.log(`${ok ? "PASS" : "FAIL"} - ${name}`);
  return ok;
}
