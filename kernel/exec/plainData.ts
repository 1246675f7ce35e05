import { types } from "util";

/**
 * Plain data read out of a notebook's variables: what a grader may compare without running the notebook's code.
 * Typed arrays arrive as fresh copies of their own type.
 */
export type PlainValue =
  | null
  | undefined
  | boolean
  | number
  | string
  | PlainValue[]
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint8Array
  | { [key: string]: PlainValue };

export type ReadResult = { ok: true; value: PlainValue } | { ok: false; reason: string };

export interface PlainDataLimits {
  /** Deepest nesting accepted (default 8). */
  maxDepth: number;
  /** Most array elements and object keys in all (default 1,000,000). */
  maxItems: number;
}

// Intrinsics captured when the kernel loads, before any cell can replace them.
const { getPrototypeOf, getOwnPropertyDescriptor, getOwnPropertyNames } = Object;
const isArray = Array.isArray;
const isProxy = types.isProxy;
const isTypedArray = types.isTypedArray;
const TYPED = [
  { is: types.isFloat64Array, copy: (x: Float64Array) => new Float64Array(x) },
  { is: types.isFloat32Array, copy: (x: Float32Array) => new Float32Array(x) },
  { is: types.isInt32Array, copy: (x: Int32Array) => new Int32Array(x) },
  { is: types.isUint8Array, copy: (x: Uint8Array) => new Uint8Array(x) },
] as const;
const ObjectProto = Object.prototype;
const ArrayProto = Array.prototype;

class Unreadable extends Error {}

/**
 * Copies `value` into plain data without running any of the notebook's code: no getter, proxy trap, `toJSON`
 * or `valueOf` is invoked. Accepted: primitives (not bigint or symbol), arrays, the typed arrays above, and objects
 * whose prototype is Object.prototype or null, with data properties only.
 */
export function readPlainData(value: unknown, limits: PlainDataLimits = { maxDepth: 8, maxItems: 1_000_000 }): ReadResult {
  const budget = { items: limits.maxItems };
  try {
    return { ok: true, value: copy(value, limits.maxDepth, budget, "value") };
  } catch (e) {
    if (e instanceof Unreadable) return { ok: false, reason: e.message };
    throw e;
  }
}

function copy(value: unknown, depth: number, budget: { items: number }, path: string): PlainValue {
  if (value === null || value === undefined) return value;
  switch (typeof value) {
    case "boolean":
    case "number":
    case "string":
      return value;
    case "object":
      break;
    default:
      throw new Unreadable(`${path} is a ${typeof value}, not plain data`);
  }
  if (isProxy(value)) throw new Unreadable(`${path} is a Proxy`);
  if (depth <= 0) throw new Unreadable(`${path} is nested too deeply`);
  for (const typed of TYPED) {
    if (typed.is(value)) {
      const copied = typed.copy(value as never);
      spend(budget, copied.length, path);
      return copied;
    }
  }
  if (isTypedArray(value)) throw new Unreadable(`${path} is a typed array of an unsupported type`);
  const proto = getPrototypeOf(value);
  if (isArray(value)) {
    if (proto !== ArrayProto) throw new Unreadable(`${path} is an array of another prototype`);
    const length = value.length;
    spend(budget, length, path);
    const out: PlainValue[] = new Array(length);
    for (let i = 0; i < length; i++) out[i] = copy(dataProperty(value, String(i), path), depth - 1, budget, `${path}[${i}]`);
    return out;
  }
  if (proto !== ObjectProto && proto !== null) throw new Unreadable(`${path} is an instance of a class, not plain data`);
  const names = getOwnPropertyNames(value);
  spend(budget, names.length, path);
  const out: { [key: string]: PlainValue } = {};
  for (const name of names) out[name] = copy(dataProperty(value, name, path), depth - 1, budget, `${path}.${name}`);
  return out;
}

function dataProperty(owner: object, name: string, path: string): unknown {
  const d = getOwnPropertyDescriptor(owner, name);
  if (d === undefined) return undefined; // a hole in an array
  if (!("value" in d)) throw new Unreadable(`${path}.${name} is a getter`);
  return d.value;
}

function spend(budget: { items: number }, n: number, path: string): void {
  budget.items -= n;
  if (budget.items < 0) throw new Unreadable(`${path} is too large`);
}
