/**
 * A fix for tslab 1.0's converter: it rewrites each name declared in an earlier cell to `exports.name` (where the
 * kernel keeps the cells' declarations), but not a shorthand property. `const logits = [1, 2]` in one cell and
 * `({ logits })` in a later one compile to `({ logits })`, which throws `ReferenceError: logits is not defined`.
 * Writing each shorthand property out (`{ logits: logits }`) before conversion gives tslab a plain identifier to
 * rewrite, and means the same thing in every case (object literals, and destructuring targets such as
 * `({ a, b = 1 } = o)` → `({ a: a, b: b = 1 } = o)`).
 *
 * Kept to TypeScript 5.0 syntax and free of TypeScript's types (see internals.ts): the compiler is passed in.
 */

/** The part of the TypeScript compiler API {@link expandShorthandProperties} uses. */
export interface ShorthandCompilerApi {
  createSourceFile(fileName: string, text: string, target: number, setParentNodes?: boolean): unknown;
  forEachChild(node: unknown, visit: (child: unknown) => void): void;
  isShorthandPropertyAssignment(node: unknown): boolean;
  ScriptTarget: { Latest: number };
}

interface NamedNode {
  name: { end: number; text: string };
}

/**
 * `src` with every shorthand property assignment written out as `name: name`. Code without one is returned
 * unchanged (the same string), so columns in diagnostics move only on lines that had one.
 * @example
 * expandShorthandProperties(ts, "f({ logits, y: 1 })"); // => "f({ logits: logits, y: 1 })"
 */
export function expandShorthandProperties(ts: ShorthandCompilerApi, src: string): string {
  const ends: Array<{ at: number; name: string }> = [];
  const visit = (node: unknown): void => {
    if (ts.isShorthandPropertyAssignment(node)) {
      const name = (node as NamedNode).name;
      ends.push({ at: name.end, name: name.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile("cell.ts", src, ts.ScriptTarget.Latest, true));
  if (ends.length === 0) return src;
  ends.sort((a, b) => b.at - a.at);
  let out = src;
  for (const { at, name } of ends) out = `${out.slice(0, at)}: ${name}${out.slice(at)}`;
  return out;
}
