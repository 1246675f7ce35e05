/** A failure as Jupyter's `error` output records it. */
export interface ErrorInfo {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** Frames below the cell (tslab's executor, Node's internals) say nothing to a notebook's reader. */
const INTERNAL_FRAME = /\((node:internal|node:vm|.*[\\/]tslab[\\/]dist[\\/]|.*[\\/]kernel[\\/]exec[\\/])|^\s*at (node:internal|new Promise \(<anonymous>\))/;

/**
 * Describes anything a cell threw: an Error keeps its name, message and stack (without the runner's and tslab's
 * frames); any other value becomes `ename` "Thrown" with its text.
 */
export function toErrorInfo(thrown: unknown, inspect: (value: unknown) => string = String): ErrorInfo {
  if (isErrorLike(thrown)) {
    const name = thrown.name || "Error";
    const head = `${name}: ${thrown.message}`;
    const stack = typeof thrown.stack === "string" && thrown.stack !== "" ? thrown.stack.split("\n") : [head];
    const firstFrame = stack.findIndex((line) => /^\s+at /.test(line));
    const message = firstFrame === -1 ? stack : stack.slice(0, firstFrame);
    const frames = firstFrame === -1 ? [] : stack.slice(firstFrame).filter((line) => !INTERNAL_FRAME.test(line));
    return { ename: name, evalue: String(thrown.message), traceback: [...(message.length > 0 ? message : [head]), ...frames] };
  }
  const text = inspect(thrown);
  return { ename: "Thrown", evalue: text, traceback: [`Uncaught ${text}`] };
}

function isErrorLike(x: unknown): x is Error {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as Error).message === "string" &&
    (x instanceof Error || typeof (x as Error).stack === "string")
  );
}

/** One TypeScript diagnostic as tslab reports it: one-based line and column, in a file (relative) or the cell (""). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * The error of a cell that did not compile: `ename` "CompileError", the first diagnostic as `evalue`, every
 * diagnostic (one-based `line:column`) and the offending cell line in the traceback.
 */
export function compileError(diagnostics: readonly Diagnostic[], cellSource: string): ErrorInfo {
  const lines = cellSource.split("\n");
  const traceback: string[] = [];
  for (const d of diagnostics) {
    traceback.push(describe(d));
    const line = lines[d.line - 1];
    if (!d.file && line !== undefined) traceback.push(`    ${line}`, `    ${" ".repeat(Math.max(0, d.column - 1))}^`);
  }
  const evalue = diagnostics.length > 0 ? describe(diagnostics[0]) : "the cell did not compile";
  return { ename: "CompileError", evalue, traceback };
}

function describe(d: Diagnostic): string {
  return `${d.file ? `${d.file} ` : ""}${d.line}:${d.column} - ${d.message}`;
}
