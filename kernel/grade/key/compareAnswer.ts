import type { PlainValue, ReadResult } from "../../exec/plainData";
import { describeValue, formatNumber, formatVector } from "./describeValue";

/** numpy.allclose's tolerance: |got − expected| ≤ atol + rtol·|expected|. */
export interface Tolerance {
  atol: number;
  rtol: number;
}

/** The outcome of comparing one answer: right, or why not (one sentence for the learner). */
export type Verdict = { ok: true } | { ok: false; feedback: string };

const RIGHT: Verdict = { ok: true };
const wrong = (feedback: string): Verdict => ({ ok: false, feedback });

/** Whether `got` is within `tol` of `expected` (NaN never is; equal infinities are), as numpy.allclose. */
export function isClose(got: number, expected: number, tol: Tolerance): boolean {
  if (got === expected) return true;
  if (!Number.isFinite(got) || !Number.isFinite(expected)) return false;
  return Math.abs(got - expected) <= tol.atol + tol.rtol * Math.abs(expected);
}

export const describeTolerance = (tol: Tolerance) =>
  tol.atol === tol.rtol ? `atol = rtol = ${tol.atol}` : `atol = ${tol.atol}, rtol = ${tol.rtol}`;

/** The readable value of an answer, or why there is none (not defined, a Proxy, a getter, still null …). */
export function answerValue(name: string, read: ReadResult | undefined): { ok: true; value: PlainValue } | { ok: false; verdict: Verdict } {
  if (!read) return { ok: false, verdict: wrong(`\`${name}\` was not read`) };
  if (!read.ok && read.reason === `${name} is not defined`) {
    return { ok: false, verdict: wrong(`\`${name}\` is not defined: keep the scaffold's answer variables and their names`) };
  }
  if (!read.ok) {
    const reason = read.reason.replace(/^value((?:\.[\w$]+|\[\d+\])*)/, (_, path: string) => `\`${name}${path.replace(/\.(\d+)/g, "[$1]")}\``);
    return { ok: false, verdict: wrong(`${reason}: answers must be plain numbers, arrays or objects`) };
  }
  if (read.value === null || read.value === undefined) {
    return { ok: false, verdict: wrong(`\`${name}\` is still ${String(read.value)} (not answered)`) };
  }
  return { ok: true, value: read.value };
}

/** Numbers of a vector answer: a plain array or a Float64/Float32/Int32/Uint8 array, nothing else. */
function vectorOf(value: PlainValue): ArrayLike<unknown> | null {
  if (Array.isArray(value)) return value;
  const typed = [Float64Array, Float32Array, Int32Array, Uint8Array].some((T) => value instanceof T);
  return typed ? (value as ArrayLike<number>) : null;
}

/** A number answer within `tol` of `expected`. */
export function compareNumber(name: string, read: ReadResult | undefined, expected: number, tol: Tolerance): Verdict {
  const got = answerValue(name, read);
  if (!got.ok) return got.verdict;
  if (typeof got.value !== "number") return wrong(`\`${name}\` should be a number, got ${describeValue(got.value)}`);
  if (isClose(got.value, expected, tol)) return RIGHT;
  return wrong(`\`${name}\` = ${formatNumber(got.value)}, expected ${formatNumber(expected)} (${describeTolerance(tol)})`);
}

/** A vector answer of `expected.length` numbers, each within `tol` of `expected`. */
export function compareVector(name: string, read: ReadResult | undefined, expected: ArrayLike<number>, tol: Tolerance): Verdict {
  const got = answerValue(name, read);
  if (!got.ok) return got.verdict;
  const xs = vectorOf(got.value);
  if (!xs) return wrong(`\`${name}\` should be an array of ${expected.length} numbers, got ${describeValue(got.value)}`);
  if (xs.length !== expected.length) return wrong(`\`${name}\` should have ${expected.length} values, got ${xs.length}`);
  const bad: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (typeof x !== "number") return wrong(`\`${name}[${i}]\` should be a number, got ${describeValue(x as PlainValue)}`);
    if (!isClose(x, expected[i], tol)) bad.push(i);
  }
  if (bad.length === 0) return RIGHT;
  const which = bad.length === 1 ? `element ${bad[0]} differs` : `elements ${bad.slice(0, 5).join(", ")}${bad.length > 5 ? ", …" : ""} differ`;
  return wrong(`\`${name}\` = ${formatVector(xs)}, expected ${formatVector(expected)}: ${which} (${describeTolerance(tol)})`);
}

/** A record answer with exactly the keys of `expected`, each value a number within `tol`. */
export function compareRecord(name: string, read: ReadResult | undefined, expected: Record<string, number>, tol: Tolerance): Verdict {
  const got = answerValue(name, read);
  if (!got.ok) return got.verdict;
  const value = got.value;
  if (typeof value !== "object" || vectorOf(value) || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) {
    return wrong(`\`${name}\` should be an object {${Object.keys(expected).join(", ")}}, got ${describeValue(value)}`);
  }
  const record = value as Record<string, PlainValue>;
  const want = Object.keys(expected);
  const missing = want.filter((k) => !Object.prototype.hasOwnProperty.call(record, k));
  const extra = Object.keys(record).filter((k) => !want.includes(k));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [missing.length ? `missing ${missing.join(", ")}` : "", extra.length ? `unexpected ${extra.join(", ")}` : ""];
    return wrong(`\`${name}\` should have the keys ${want.join(", ")}: ${parts.filter(Boolean).join("; ")}`);
  }
  const bad = want.filter((k) => typeof record[k] !== "number" || !isClose(record[k] as number, expected[k], tol));
  if (bad.length === 0) return RIGHT;
  const show = (r: Record<string, PlainValue>) => `{ ${want.map((k) => `${k}: ${typeof r[k] === "number" ? formatNumber(r[k] as number) : describeValue(r[k])}`).join(", ")} }`;
  return wrong(`\`${name}\` = ${show(record)}, expected ${show(expected)}: ${bad.join(", ")} differ${bad.length === 1 ? "s" : ""} (${describeTolerance(tol)})`);
}

/** Element `index` of a vector answer, when the answer is a readable vector that long (else undefined). */
export function elementOf(read: ReadResult | undefined, index: number): unknown {
  const xs = read?.ok && read.value !== null && read.value !== undefined ? vectorOf(read.value) : null;
  return xs && index < xs.length ? xs[index] : undefined;
}

/** Element `index` of a vector answer that must have `expected.length` numbers, within `tol`. */
export function compareElement(name: string, read: ReadResult | undefined, expected: ArrayLike<number>, index: number, tol: Tolerance): Verdict {
  const got = answerValue(name, read);
  if (!got.ok) return got.verdict;
  const xs = vectorOf(got.value);
  if (!xs) return wrong(`\`${name}\` should be an array of ${expected.length} numbers, got ${describeValue(got.value)}`);
  if (xs.length !== expected.length) return wrong(`\`${name}\` should have ${expected.length} values, got ${xs.length}`);
  const x = xs[index];
  if (typeof x !== "number") return wrong(`\`${name}[${index}]\` should be a number, got ${describeValue(x as PlainValue)}`);
  if (isClose(x, expected[index], tol)) return RIGHT;
  return wrong(`\`${name}[${index}]\` = ${formatNumber(x)}, expected ${formatNumber(expected[index])} (${describeTolerance(tol)})`);
}
