import { assertSameShape, flatten, unflatten } from "../core/tensor";
import { checkOptions, checkReduction } from "../core/validate";
import { outputBuffer } from "../core/output";
import type { NestedFloat64, Reduction, Tensor } from "../core/types";

/** Options of {@link mse} and {@link mseGrad}. */
export interface MseOptions {
  /** `"mean"` (default) averages, `"sum"` adds, `"none"` keeps one squared error per element. */
  readonly reduction?: Reduction;
  /** A Float64Array of one slot per element to write the per-element result into (reused, not allocated). */
  readonly out?: Float64Array;
}

/**
 * Mean squared error: ℓᵢ = (ŷᵢ − yᵢ)², reduced by `reduction` (default `"mean"`: (1/N) Σᵢ (ŷᵢ − yᵢ)²).
 * As `torch.nn.functional.mse_loss`.
 *
 * Shapes: `yPred` and `yTrue` are nested arrays of one shape, any depth; `"none"` returns that nesting
 * (last axis a Float64Array), `"mean"`/`"sum"` a number.
 * @throws LossInputError `SHAPE_MISMATCH` (shapes differ, ragged), `EMPTY`, `NOT_FINITE`, `OUT_OF_DOMAIN` (reduction)
 * @example
 * mse([1.5, 1.0, 5.0], [1.0, 2.0, 3.0]); // => 1.75
 * mse([1.5, 1.0], [1.0, 2.0], { reduction: "none" }); // => [0.25, 1]
 */
export function mse(yPred: Tensor, yTrue: Tensor, opts: MseOptions & { reduction: "none" }): NestedFloat64;
export function mse(yPred: Tensor, yTrue: Tensor, opts?: MseOptions & { reduction?: "mean" | "sum" }): number;
export function mse(yPred: Tensor, yTrue: Tensor, opts?: MseOptions): number | NestedFloat64;
export function mse(yPred: Tensor, yTrue: Tensor, opts?: MseOptions): number | NestedFloat64 {
  const fn = "mse";
  const o = checkOptions(fn, opts);
  const reduction = checkReduction(fn, o.reduction ?? "mean");
  const p = flatten(fn, "yPred", yPred);
  const t = flatten(fn, "yTrue", yTrue);
  assertSameShape(fn, "yPred", p, "yTrue", t);
  const a = p.data;
  const b = t.data;
  const n = a.length;
  if (reduction !== "none") {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const r = a[i] - b[i];
      s += r * r;
    }
    return reduction === "sum" ? s : s / n;
  }
  const out = outputBuffer(fn, n, o.out);
  for (let i = 0; i < n; i++) {
    const r = a[i] - b[i];
    out[i] = r * r;
  }
  return unflatten(out, p.shape);
}

/**
 * Gradient of {@link mse} with respect to `yPred`: ∂/∂ŷᵢ = 2(ŷᵢ − yᵢ)/N for `"mean"`, 2(ŷᵢ − yᵢ) for `"sum"` and
 * `"none"` (the gradient of the sum of the returned values). Shaped like `yPred`.
 *
 * @throws LossInputError as {@link mse}
 * @example
 * mseGrad([1.5, 1.0, 5.0], [1.0, 2.0, 3.0]); // => [0.3333333333333333, -0.6666666666666666, 1.3333333333333333]
 */
export function mseGrad(yPred: Tensor, yTrue: Tensor, opts?: MseOptions): NestedFloat64 {
  const fn = "mseGrad";
  const o = checkOptions(fn, opts);
  const reduction = checkReduction(fn, o.reduction ?? "mean");
  const p = flatten(fn, "yPred", yPred);
  const t = flatten(fn, "yTrue", yTrue);
  assertSameShape(fn, "yPred", p, "yTrue", t);
  const a = p.data;
  const b = t.data;
  const n = a.length;
  const scale = reduction === "mean" ? 2 / n : 2;
  const out = outputBuffer(fn, n, o.out);
  for (let i = 0; i < n; i++) out[i] = scale * (a[i] - b[i]);
  return unflatten(out, p.shape);
}
