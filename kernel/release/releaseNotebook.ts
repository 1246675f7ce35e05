import { checkScheme } from "../notebook/checkScheme";
import { cellMetaOf } from "../notebook/losslabMeta";
import type { Cell, Notebook } from "../notebook/types";
import { howToSubmitCell } from "./howToSubmit";

/** A notebook that cannot be released: `problems` lists why, one line each. */
export class ReleaseError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`cannot release this notebook:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ReleaseError";
    this.problems = problems;
  }
}

/**
 * The student version of an instructor notebook: the `solution` cells removed, every other cell kept with its
 * source and metadata (scaffolds keep their inputs and `null` answers), code cells without outputs or execution
 * counts, a "How to submit" cell after the first cell, and `metadata.losslab.expectedPass` set to 0 (the PASS lines
 * were the solutions'). The instructor notebook is not changed.
 * @throws ReleaseError when the notebook does not follow losslab's cell scheme (see checkScheme) or has no solution
 */
export function releaseNotebook(instructor: Notebook): Notebook {
  const problems = checkScheme(instructor);
  const solutions = instructor.cells.filter((cell) => cellMetaOf(cell)?.role === "solution").length;
  if (solutions === 0) problems.push("it has no solution cell: it is not an instructor notebook (or already released)");
  if (problems.length > 0) throw new ReleaseError(problems);

  const kept = instructor.cells.filter((cell) => cellMetaOf(cell)?.role !== "solution").map(cleared);
  const cells = [...kept.slice(0, 1), howToSubmitCell(), ...kept.slice(1)];
  const losslab = instructor.metadata.losslab as Record<string, unknown>;
  return { ...instructor, metadata: { ...instructor.metadata, losslab: { ...losslab, expectedPass: 0 } }, cells };
}

function cleared(cell: Cell): Cell {
  const copy = structuredClone(cell);
  return copy.cell_type === "code" ? { ...copy, outputs: [], execution_count: null } : copy;
}
