import type { MarkdownCell } from "../notebook/types";
import { splitLines } from "../notebook/source";

/** The "How to submit" cell `losslab release` puts after the title of the student version. */
export function howToSubmitCell(): MarkdownCell {
  const text = `### How to submit

This is the **student version** of the notebook: the \`// Solution\` cells are removed.

1. In each exercise's \`// Your Solution\` cell, replace the \`null\` answers with your computation. Keep the answer
   variables' names, and keep the cells where they are: do not delete, split or reorder the exercise cells, and
   leave their cell metadata alone (the grader finds each exercise by it). You may add cells of your own.
2. Restart the kernel and run all cells (*Kernel → Restart Kernel and Run All Cells…*): every cell should run
   without an error. An error, an endless loop or a crash costs the exercise it happens in, not the others.
3. Save the notebook and hand in the \`.ipynb\` file.

The grader runs your notebook in a fresh kernel and compares your answer variables with values it computes
itself (within the original checks' tolerance): nothing your notebook prints counts, and \`PASS\` lines earn
nothing. Points: ★ = 1, ★★ = 2, ★★★ = 3.`;
  return { cell_type: "markdown", id: "how-to-submit", metadata: { losslab: { role: "markdown" } }, source: splitLines(text) };
}
