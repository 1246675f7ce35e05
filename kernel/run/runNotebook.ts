import type { ErrorInfo } from "../exec/errorInfo";
import { describeCell } from "../notebook/losslabMeta";
import { readChecks, type CheckLines } from "../notebook/readChecks";
import { firstLines, joinSource } from "../notebook/source";
import type { Cell, Notebook } from "../notebook/types";
import { createOutputStore } from "./outputStore";
import type { Kernel, KernelFactory } from "./startKernel";
import { KernelError } from "./startKernel";

export type CellStatus = "ok" | "error" | "not-run";

/** What happened to one code cell. `index` is the cell's position in the notebook's `cells` (from 0). */
export interface CellRun {
  index: number;
  label: string;
  status: CellStatus;
  ms: number;
  errors: ErrorInfo[];
  checks: CheckLines;
  firstLines: string[];
}

export interface NotebookRun {
  /** The executed copy: the source with outputs and execution counts; the source object is not changed. */
  executed: Notebook;
  /** The code cells, in order. */
  cells: CellRun[];
  /** Why the kernel could not start or died, when it did. */
  kernelError: ErrorInfo | null;
  ms: number;
}

export interface CellProgress {
  cell: CellRun;
  /** 1-based position among the code cells, and their number. */
  position: number;
  total: number;
}

export interface RunNotebookOptions {
  /** Per-cell time limit. */
  timeoutMs: number;
  /** Run the remaining cells after a failure (not after the kernel died: its state is gone). Default false. */
  keepGoing?: boolean;
  /** How long to wait at the end for timers the cells started (default 1000 ms). */
  drainMs?: number;
  onCellStart?(progress: CellProgress): void;
  onCellDone?(progress: CellProgress): void;
  /** Called after each executed cell with the live kernel (a grader reads answers here). */
  afterCell?(cell: CellRun, kernel: Kernel): Promise<void>;
}

/** Executes a notebook's code cells in order in a fresh kernel, and returns the executed copy and what happened. */
export async function runNotebook(source: Notebook, startKernel: KernelFactory, options: RunNotebookOptions): Promise<NotebookRun> {
  const started = Date.now();
  const store = createOutputStore();
  const codeCells = source.cells.flatMap((cell, index) => (cell.cell_type === "code" ? [index] : []));
  const runs = new Map<number, CellRun>();
  for (const index of codeCells) runs.set(index, newRun(index, source.cells[index]));
  const fail = (index: number, error: ErrorInfo) => {
    const run = runs.get(index);
    if (!run) return;
    run.status = "error";
    run.errors.push(error);
    store.error(index, error);
  };
  const kernel = startKernel({
    stream: (cell, name, text) => store.stream(cell, name, text),
    display: (cell, bundle, update) => store.display(cell, bundle, update),
    lateError: (cell, error) => fail(cell, error),
  });

  let kernelError: ErrorInfo | null = null;
  try {
    await kernel.ready();
  } catch (e) {
    kernelError = e instanceof KernelError ? e.info : { ename: "KernelStartError", evalue: String(e), traceback: [] };
    if (codeCells.length > 0) fail(codeCells[0], kernelError);
  }

  const counts = new Map<number, number>();
  const failed = () => [...runs.values()].some((r) => r.status === "error");
  for (let i = 0; i < codeCells.length && !kernelError; i++) {
    if (failed() && !options.keepGoing) break;
    const index = codeCells[i];
    const run = runs.get(index) as CellRun;
    const progress = { cell: run, position: i + 1, total: codeCells.length };
    options.onCellStart?.(progress);
    counts.set(index, counts.size + 1);
    const outcome = await kernel.execute(index, joinSource(source.cells[index].source), options.timeoutMs);
    run.ms = outcome.ms;
    if (run.status === "not-run") run.status = "ok";
    for (const error of outcome.errors) fail(index, error);
    if (!kernel.alive) kernelError = outcome.errors[outcome.errors.length - 1] ?? null;
    if (!kernelError && options.afterCell) await options.afterCell(run, kernel);
    options.onCellDone?.(progress);
  }
  if (kernel.alive && !kernelError) await kernel.drain(options.drainMs ?? 1000);
  await kernel.close();

  const cells = source.cells.map((cell, index) => {
    if (cell.cell_type !== "code") return cell;
    const outputs = store.outputs(index);
    runs.get(index)!.checks = readChecks(outputs);
    return { ...cell, outputs, execution_count: counts.get(index) ?? null };
  });
  return {
    executed: { ...source, cells },
    cells: codeCells.map((index) => runs.get(index) as CellRun),
    kernelError,
    ms: Date.now() - started,
  };
}

function newRun(index: number, cell: Cell): CellRun {
  return {
    index,
    label: describeCell(cell),
    status: "not-run",
    ms: 0,
    errors: [],
    checks: { pass: [], fail: [] },
    firstLines: firstLines(cell.source, 3),
  };
}
