import { describe, expect, it } from "vitest";
import { compileError, toErrorInfo } from "../../kernel/exec/errorInfo";

describe("toErrorInfo", () => {
  it("keeps an error's name, message and its own frames, without tslab's and Node's", () => {
    const error = new RangeError("boom");
    error.stack = [
      "RangeError: boom",
      "    at evalmachine.<anonymous>:3:7",
      "    at Object.execute (/p/node_modules/tslab/dist/executor.js:153:38)",
      "    at runNextTicks (node:internal/process/task_queues:60:5)",
      "    at execute (/p/kernel/exec/createKernelHost.ts:80:20)",
      "    at mse (/p/src/losses/mse.js:10:3)",
    ].join("\n");
    expect(toErrorInfo(error)).toEqual({
      ename: "RangeError",
      evalue: "boom",
      traceback: ["RangeError: boom", "    at evalmachine.<anonymous>:3:7", "    at mse (/p/src/losses/mse.js:10:3)"],
    });
  });

  it("keeps a multi-line message whole", () => {
    const error = new Error("line one\nline two");
    error.stack = "Error: line one\nline two\n    at x (/p/a.js:1:1)";
    expect(toErrorInfo(error).traceback).toEqual(["Error: line one", "line two", "    at x (/p/a.js:1:1)"]);
  });

  it("describes a thrown non-error with the inspector it is given", () => {
    expect(toErrorInfo("oops", (v) => JSON.stringify(v))).toEqual({ ename: "Thrown", evalue: '"oops"', traceback: ['Uncaught "oops"'] });
    expect(toErrorInfo(42).evalue).toBe("42");
  });

  it("accepts error-like objects from another realm", () => {
    const foreign = { name: "TypeError", message: "x is not a function", stack: "TypeError: x is not a function" };
    expect(toErrorInfo(foreign)).toEqual({ ename: "TypeError", evalue: "x is not a function", traceback: ["TypeError: x is not a function"] });
  });
});

describe("compileError", () => {
  it("lists every diagnostic with a caret under the cell's line", () => {
    const source = 'const a = 1;\nconst x: number = "s";';
    const info = compileError(
      [
        { file: "", line: 2, column: 7, message: "Type 'string' is not assignable to type 'number'." },
        { file: "src/a.ts", line: 10, column: 1, message: "Cannot find name 'b'." },
      ],
      source,
    );
    expect(info).toEqual({
      ename: "CompileError",
      evalue: "2:7 - Type 'string' is not assignable to type 'number'.",
      traceback: [
        "2:7 - Type 'string' is not assignable to type 'number'.",
        '    const x: number = "s";',
        "          ^",
        "src/a.ts 10:1 - Cannot find name 'b'.",
      ],
    });
  });
});
