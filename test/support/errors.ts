import { expect } from "vitest";
import { LossInputError, type LossErrorCode } from "../../src";

/** Asserts `f` throws a LossInputError with this code, function name and (optionally) argument name. */
export function expectLossError(f: () => unknown, code: LossErrorCode, fn: string, arg?: string): LossInputError {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ${fn} to throw ${code}`).toBeInstanceOf(LossInputError);
  const err = caught as LossInputError;
  expect(err.code).toBe(code);
  expect(err.fn).toBe(fn);
  if (arg !== undefined) expect(err.arg).toBe(arg);
  expect(err.message.startsWith(`${fn}: `)).toBe(true);
  return err;
}
