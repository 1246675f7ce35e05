import { AsyncLocalStorage } from "async_hooks";
import { formatWithOptions, inspect } from "util";
import type { DisplayBundle, ExecutorConsole, TslabSession } from "../tslab/internals";
import { compileError, toErrorInfo, type Diagnostic, type ErrorInfo } from "./errorInfo";
import { readPlainData, type ReadResult } from "./plainData";
import type { FromKernel, ToKernel } from "./protocol";
import { createTimerTracker } from "./timerTracker";

/** The kernel side of the runner: executes cells one at a time and reports everything they do. */
export interface KernelHost {
  handle(message: ToKernel): Promise<void>;
  /** Text a cell wrote to process.stdout / process.stderr. */
  write(name: "stdout" | "stderr", text: string): void;
  /** A display bundle a cell sent (tslab.display or losslab's show). */
  display(bundle: DisplayBundle, update: boolean): void;
  /** A failure outside the cell's own control flow: uncaught exception, unhandled rejection, process.exit. */
  fail(thrown: unknown): void;
  /** Interrupts an awaiting cell (SIGINT). */
  interrupt(): void;
}

export interface KernelHostOptions {
  send(message: FromKernel): void;
  createSession(console: ExecutorConsole): TslabSession;
}

interface Running {
  cell: number;
  code: string;
  diagnostics: Diagnostic[];
  errors: ErrorInfo[];
}

const DIAGNOSTIC_FORMAT = "%s%d:%d - %s"; // tslab's executor prints compile diagnostics with this format
const format = (args: unknown[]) => formatWithOptions({ colors: false }, ...args);
const describe = (value: unknown) => inspect(value, { colors: false, depth: 4 });
const hasOwn = Object.hasOwn; // captured before any cell runs

/**
 * Creates the host. Output and failures are attributed to the cell whose asynchronous context produced them
 * (a timer started by cell 3 reports to cell 3 even while cell 5 runs), else to the running or last cell.
 */
export function createKernelHost(options: KernelHostOptions): KernelHost {
  const { send } = options;
  const context = new AsyncLocalStorage<number>();
  const timers = createTimerTracker(() => context.getStore() !== undefined);
  const reported = new WeakSet<object>();
  let running: Running | null = null;
  let lastCell = -1;

  const executorConsole: ExecutorConsole = {
    log: (...args) => host.write("stdout", `${format(args)}\n`),
    error: (...args) => {
      if (running && args[0] === DIAGNOSTIC_FORMAT) {
        const [, file, line, column, message] = args;
        running.diagnostics.push({ file: String(file).trim(), line: Number(line), column: Number(column), message: String(message) });
      } else if (running && args.length === 1) {
        record(running.cell, args[0]);
      } else {
        host.write("stderr", `${format(args)}\n`);
      }
    },
  };
  const cellOf = () => context.getStore() ?? running?.cell ?? lastCell;

  function record(cell: number, thrown: unknown): void {
    if (typeof thrown === "object" && thrown !== null) {
      if (reported.has(thrown)) return;
      reported.add(thrown);
    }
    let info: ErrorInfo;
    try {
      info = toErrorInfo(thrown, describe);
    } catch {
      info = { ename: "Thrown", evalue: "a value that cannot be described", traceback: [] };
    }
    if (running && running.cell === cell) running.errors.push(info);
    else if (cell >= 0) send({ type: "late-error", cell, error: info });
    else send({ type: "stream", cell, name: "stderr", text: `${info.ename}: ${info.evalue}\n` });
  }

  async function execute(id: number, cell: number, code: string): Promise<void> {
    const state: Running = { cell, code, diagnostics: [], errors: [] };
    running = state;
    lastCell = cell;
    let ok = false;
    try {
      ok = await context.run(cell, () => session.execute(code));
    } catch (e) {
      record(cell, e);
    }
    // One macrotask turn: rejections left unhandled by the cell are reported now, to this cell.
    await new Promise<void>((resolve) => setImmediate(resolve));
    running = null;
    const errors = state.diagnostics.length > 0 ? [compileError(state.diagnostics, code), ...state.errors] : state.errors;
    if (!ok && errors.length === 0) errors.push({ ename: "CellError", evalue: "the cell failed without a message", traceback: [] });
    send({ type: "done", id, cell, ok: ok && errors.length === 0, errors });
  }

  const host: KernelHost = {
    async handle(message) {
      switch (message.type) {
        case "execute":
          return execute(message.id, message.cell, message.code);
        case "read": {
          const values: Record<string, ReadResult> = {};
          for (const name of message.names) {
            values[name] = hasOwn(session.locals, name)
              ? readPlainData(session.locals[name])
              : { ok: false, reason: `${name} is not defined` };
          }
          return send({ type: "values", id: message.id, values });
        }
        case "drain": {
          const pendingTimers = await timers.settle(message.maxMs);
          return send({ type: "drained", id: message.id, pendingTimers });
        }
      }
    },
    write(name, text) {
      send({ type: "stream", cell: cellOf(), name, text });
    },
    display(bundle, update) {
      send({ type: "display", cell: cellOf(), bundle, update });
    },
    fail(thrown) {
      record(cellOf(), thrown);
    },
    interrupt() {
      session.interrupt();
    },
  };
  const session = options.createSession(executorConsole);
  return host;
}
