/**
 * The stable error codes of {@link LossInputError}. Tests and callers match on the code, never on the wording.
 *
 * - `EMPTY`: an input has no elements.
 * - `SHAPE_MISMATCH`: two inputs that must agree in shape do not, or a nested array is ragged.
 * - `NOT_FINITE`: NaN (or an infinity where the function does not give it a meaning).
 * - `OUT_OF_DOMAIN`: a value or option outside its domain (delta ≤ 0, pt ∉ [0, 1], unknown option value …).
 * - `EMPTY_MASK`: a mean over nothing (all-zero mask, every row ignored).
 * - `INVALID_TYPE`: not a number / not an array where one is required.
 */
export type LossErrorCode =
  | "EMPTY"
  | "SHAPE_MISMATCH"
  | "NOT_FINITE"
  | "OUT_OF_DOMAIN"
  | "EMPTY_MASK"
  | "INVALID_TYPE";

/**
 * The one error losslab throws for bad input. It names the function (`fn`) and the argument (`arg`), carries a
 * stable `code`, and its message shows the offending value or shape: `huber: delta must be > 0 (got -1)`.
 *
 * @example
 * new LossInputError("OUT_OF_DOMAIN", "huber", "delta", "must be > 0 (got -1)").message; // => "huber: delta must be > 0 (got -1)"
 */
export class LossInputError extends Error {
  readonly code: LossErrorCode;
  readonly fn: string;
  readonly arg: string;

  constructor(code: LossErrorCode, fn: string, arg: string, detail: string) {
    super(`${fn}: ${arg} ${detail}`);
    this.name = "LossInputError";
    this.code = code;
    this.fn = fn;
    this.arg = arg;
  }
}

/** A short, bounded rendering of an offending value for an error message. */
export function show(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = Array.from(value as ArrayLike<unknown>).slice(0, 6).map(show);
    const more = (value as ArrayLike<unknown>).length > 6 ? ", …" : "";
    return `[${items.join(", ")}${more}]`;
  }
  if (typeof value === "object") return Object.prototype.toString.call(value);
  return String(value);
}
