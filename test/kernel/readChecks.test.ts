import { describe, expect, it } from "vitest";
import { readChecks, sumChecks } from "../../kernel/notebook/readChecks";
import type { Output } from "../../kernel/notebook/types";

const stdout = (text: string | string[]): Output => ({ output_type: "stream", name: "stdout", text });

describe("readChecks", () => {
  it("finds PASS and FAIL lines at the start of stdout lines", () => {
    const checks = readChecks([stdout(["\n", "PASS - mse: value=1.75, expected=1.75\n", "FAIL - gradient\n", "done\n"])]);
    expect(checks).toEqual({ pass: ["PASS - mse: value=1.75, expected=1.75"], fail: ["FAIL - gradient"] });
  });

  it("counts a line written in two chunks once", () => {
    expect(readChecks([stdout("PA"), stdout("SS - split\nPASS - whole\n")]).pass).toEqual(["PASS - split", "PASS - whole"]);
  });

  it("ignores stderr, display data, errors, and PASS/FAIL that do not start a line or lack ' - '", () => {
    const outputs: Output[] = [
      { output_type: "stream", name: "stderr", text: "PASS - on stderr\n" },
      { output_type: "display_data", data: { "text/plain": "PASS - displayed" }, metadata: {} },
      { output_type: "error", ename: "Error", evalue: "FAIL - thrown", traceback: ["FAIL - thrown"] },
      stdout("  PASS - indented\nSays PASS - inside\nPASS-no-space\nPASSED - word\n"),
    ];
    expect(readChecks(outputs)).toEqual({ pass: [], fail: [] });
  });

  it("sumChecks adds up the cells in order", () => {
    expect(sumChecks([{ pass: ["PASS - a"], fail: [] }, { pass: ["PASS - b"], fail: ["FAIL - c"] }])).toEqual({
      pass: ["PASS - a", "PASS - b"],
      fail: ["FAIL - c"],
    });
  });
});
