import type { KernelChild } from "./forkKernel";
import type { FromKernel } from "../exec/protocol";

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isCell = (x: unknown) => Number.isInteger(x);
const isText = (x: unknown): x is string => typeof x === "string";
const isErrorInfo = (x: unknown) =>
  isObject(x) && isText(x.ename) && isText(x.evalue) && Array.isArray(x.traceback) && x.traceback.every(isText);

/**
 * Whether a message from a kernel has the shape of the protocol (kernel/exec/protocol.ts). A learner's code can
 * call `process.send` itself: whatever it sends must not reach the grader's handlers unless it is well-formed.
 */
export function isKernelMessage(message: unknown): message is FromKernel {
  if (!isObject(message)) return false;
  const m = message;
  switch (m.type) {
    case "ready":
      return typeof m.startMs === "number";
    case "stream":
      return isCell(m.cell) && (m.name === "stdout" || m.name === "stderr") && isText(m.text);
    case "display":
      return isCell(m.cell) && isObject(m.bundle) && isObject(m.bundle.data) && typeof m.update === "boolean";
    case "done":
      return isCell(m.id) && isCell(m.cell) && typeof m.ok === "boolean" && Array.isArray(m.errors) && m.errors.every(isErrorInfo);
    case "late-error":
      return isCell(m.cell) && isErrorInfo(m.error);
    case "values":
      return isCell(m.id) && isObject(m.values);
    case "drained":
      return isCell(m.id) && typeof m.pendingTimers === "number";
    case "fatal":
      return isErrorInfo(m.error);
    default:
      return false;
  }
}

/** The same kernel process, with every message that is not well-formed dropped before anyone sees it. */
export function dropMalformedMessages(kernel: KernelChild): KernelChild {
  return {
    ...kernel,
    onMessage(fn) {
      kernel.onMessage((message) => {
        if (isKernelMessage(message)) fn(message);
      });
    },
  };
}
