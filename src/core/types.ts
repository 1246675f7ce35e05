/** A 1-D input: `number[]`, `Float64Array` or `Float32Array`. Typed input is read without copying. */
export type Vector = ArrayLike<number>;

/** A 2-D input: an array of equally long rows. */
export type Matrix = ReadonlyArray<Vector>;

/** An input of any depth: a Vector, or an array of Tensors (all of one shape). */
export type Tensor = Vector | ReadonlyArray<Tensor>;

/**
 * An output of any depth. The last axis is always a `Float64Array`; outer axes are plain arrays.
 * A 1-D result is a `Float64Array`, a matrix result is `Float64Array[]`.
 */
export type NestedFloat64 = Float64Array | NestedFloat64[];

/** How per-element values are combined, as in PyTorch. */
export type Reduction = "none" | "mean" | "sum";

/** The result of a loss under a reduction: the per-element values for `"none"`, a number otherwise. */
export type Reduced<R extends Reduction, T> = R extends "none" ? T : number;
