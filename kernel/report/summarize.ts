import { expectedPassOf } from "../notebook/losslabMeta";
import { readChecks, sumChecks } from "../notebook/readChecks";
import { joinSource } from "../notebook/source";
import type { Notebook } from "../notebook/types";
import { CHART_MIMES } from "./renderOutput";

/** What a reader of the report wants to know about an executed notebook before reading it. */
export interface NotebookSummary {
  /** The first `# heading` of its markdown, else the file name. */
  title: string;
  codeCells: number;
  /** Code cells with an execution count: they ran. */
  executed: number;
  /** Error outputs. */
  errors: number;
  pass: number;
  fail: number;
  /** The PASS count the notebook declares (metadata.losslab.expectedPass), or null. */
  expectedPass: number | null;
  charts: number;
  /** Every code cell ran, no error, no FAIL, and the declared PASS count reached. */
  ok: boolean;
}

/** Summarises an executed notebook from its outputs (the same PASS/FAIL reading as `losslab run`). */
export function summarize(notebook: Notebook, fallbackTitle: string): NotebookSummary {
  let title = "";
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "markdown") continue;
    const m = /^#\s+(.+?)\s*#*\s*$/m.exec(joinSource(cell.source));
    if (m) {
      title = m[1];
      break;
    }
  }
  const code = notebook.cells.flatMap((c) => (c.cell_type === "code" ? [c] : []));
  const outputs = code.flatMap((c) => c.outputs);
  const checks = sumChecks(code.map((c) => readChecks(c.outputs)));
  const expectedPass = expectedPassOf(notebook);
  const executed = code.filter((c) => c.execution_count !== null).length;
  const errors = outputs.filter((o) => o.output_type === "error").length;
  const charts = outputs.filter(
    (o) => (o.output_type === "display_data" || o.output_type === "execute_result") && CHART_MIMES.some((m) => m in o.data),
  ).length;
  return {
    title: title || fallbackTitle,
    codeCells: code.length,
    executed,
    errors,
    pass: checks.pass.length,
    fail: checks.fail.length,
    expectedPass,
    charts,
    ok: executed === code.length && errors === 0 && checks.fail.length === 0 && (expectedPass === null || checks.pass.length === expectedPass),
  };
}
