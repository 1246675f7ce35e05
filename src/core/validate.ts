import { LossInputError, show } from "./errors";
import type { Reduction } from "./types";

/** Bounds for {@link checkNumber}. */
export interface NumberBounds {
  readonly min?: number;
  readonly max?: number;
  /** Exclude `min` itself (e.g. delta > 0). */
  readonly minExclusive?: boolean;
  /** Exclude `max` itself (e.g. labelSmoothing < 1). */
  readonly maxExclusive?: boolean;
  readonly integer?: boolean;
}

function describe(b: NumberBounds): string {
  const parts: string[] = [];
  if (b.integer) parts.push("an integer");
  if (b.min !== undefined) parts.push(`${b.minExclusive ? ">" : "≥"} ${b.min}`);
  if (b.max !== undefined) parts.push(`${b.maxExclusive ? "<" : "≤"} ${b.max}`);
  return parts.join(" and ");
}

/**
 * Checks a scalar option or argument: a finite number within bounds.
 * @throws LossInputError `INVALID_TYPE` (not a number), `NOT_FINITE` (NaN, ±Infinity), `OUT_OF_DOMAIN`
 */
export function checkNumber(fn: string, arg: string, value: unknown, bounds: NumberBounds = {}): number {
  if (typeof value !== "number") throw new LossInputError("INVALID_TYPE", fn, arg, `must be a number (got ${show(value)})`);
  if (!Number.isFinite(value)) throw new LossInputError("NOT_FINITE", fn, arg, `must be finite (got ${show(value)})`);
  const { min, max, minExclusive, maxExclusive, integer } = bounds;
  const bad =
    (integer === true && !Number.isInteger(value)) ||
    (min !== undefined && (minExclusive ? value <= min : value < min)) ||
    (max !== undefined && (maxExclusive ? value >= max : value > max));
  if (bad) throw new LossInputError("OUT_OF_DOMAIN", fn, arg, `must be ${describe(bounds)} (got ${show(value)})`);
  return value;
}

/**
 * Checks a scalar data argument (not an option): a number, never NaN, infinite only when allowed.
 * @throws LossInputError `INVALID_TYPE`, `NOT_FINITE`
 */
export function checkScalar(fn: string, arg: string, value: unknown, opts: { allowInfinite?: boolean } = {}): number {
  if (typeof value !== "number") throw new LossInputError("INVALID_TYPE", fn, arg, `must be a number (got ${show(value)})`);
  if (Number.isNaN(value)) throw new LossInputError("NOT_FINITE", fn, arg, "must not be NaN (got NaN)");
  if (!Number.isFinite(value) && opts.allowInfinite !== true) {
    throw new LossInputError("NOT_FINITE", fn, arg, `must be finite (got ${show(value)})`);
  }
  return value;
}

/**
 * Checks that an option is one of the allowed strings.
 * @throws LossInputError `OUT_OF_DOMAIN`
 */
export function checkChoice<T extends string>(fn: string, arg: string, value: unknown, allowed: readonly T[]): T {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  const list = allowed.map((a) => JSON.stringify(a)).join(" | ");
  throw new LossInputError("OUT_OF_DOMAIN", fn, arg, `must be one of ${list} (got ${show(value)})`);
}

const REDUCTIONS: readonly Reduction[] = ["none", "mean", "sum"];

/**
 * Checks a `reduction` option.
 * @throws LossInputError `OUT_OF_DOMAIN`
 */
export function checkReduction(fn: string, value: unknown): Reduction {
  return checkChoice(fn, "reduction", value, REDUCTIONS);
}

/**
 * Checks that an options argument is absent or a plain object.
 * @throws LossInputError `INVALID_TYPE`
 */
export function checkOptions<T extends object>(fn: string, opts: T | undefined): Partial<T> {
  if (opts === undefined) return {};
  if (opts === null || typeof opts !== "object" || Array.isArray(opts)) {
    throw new LossInputError("INVALID_TYPE", fn, "opts", `must be an options object (got ${show(opts)})`);
  }
  return opts;
}
