import { describe, expect, it } from "vitest";
import { formatSummary } from "../../kernel/cli/formatSummary";
import { toJunit } from "../../kernel/cli/toJunit";
import { toReport } from "../../kernel/cli/toReport";
import { sampleResults } from "./support/results";

describe("toReport", () => {
  it("exit code 2 when a notebook could not be read, else 1 when one failed, else 0", () => {
    const [good, bad, broken] = sampleResults();
    expect(toReport([good, bad, broken]).exitCode).toBe(2);
    expect(toReport([good, bad]).exitCode).toBe(1);
    expect(toReport([good])).toMatchObject({ ok: true, exitCode: 0 });
  });

  it("describes each notebook for machines", () => {
    const report = toReport(sampleResults());
    expect(report.notebooks[0]).toEqual({
      file: "notebooks/good.ipynb",
      output: "build/notebooks/good.ipynb",
      ok: true,
      seconds: 2.345,
      cells: { ok: 2, total: 2 },
      checks: { pass: 1, fail: 0, expected: 1 },
      problems: [],
      failures: [],
      error: null,
    });
    expect(report.notebooks[1].failures).toEqual([
      { cell: 0, label: "exercise 2 solution", ename: "TypeError", evalue: "x is not a function", ms: 120, firstLines: ["// Solution", 'header("<2>");'] },
    ]);
    expect(report.notebooks[2]).toMatchObject({
      ok: false,
      output: null,
      error: { code: "MALFORMED_JSON", message: "broken.ipynb: not valid JSON (Unexpected end of JSON input)" },
    });
  });
});

describe("formatSummary", () => {
  it("prints the table, then each failure with its cell index and first lines", () => {
    expect(formatSummary(toReport(sampleResults()))).toBe(
      [
        "notebook      cells  PASS  FAIL  seconds  result",
        "------------  -----  ----  ----  -------  ----------",
        "good.ipynb      2/2   1/1     0     2.35  ok",
        "bad.ipynb       0/2   0/2     0     1.50  FAILED",
        "broken.ipynb      -     -     -        -  UNREADABLE",
        "",
        "notebooks/bad.ipynb:",
        "  - cell [0] (exercise 2 solution) failed: TypeError: x is not a function",
        "      | // Solution",
        '      | header("<2>");',
        "  - 1 code cell was not run",
        "  - 0 PASS lines, the notebook declares 2",
        "",
        "broken.ipynb:",
        "  - broken.ipynb: not valid JSON (Unexpected end of JSON input)",
        "",
      ].join("\n"),
    );
  });
});

describe("toJunit", () => {
  it("writes one testsuite per notebook and one testcase per code cell plus the checks", () => {
    const xml = toJunit(sampleResults());
    expect(xml).toContain('<testsuites name="losslab" tests="7" failures="2" errors="1">');
    expect(xml).toContain('<testsuite name="good.ipynb" tests="3" failures="0" errors="0" time="2.345">');
    expect(xml).toContain('<testcase classname="good.ipynb" name="cell [3] exercise 1 solution" time="0.120"/>');
    expect(xml).toContain('<testcase classname="good.ipynb" name="checks: 1 PASS declared" time="0.000"/>');
    expect(xml).toContain(
      '<testcase classname="bad.ipynb" name="cell [0] exercise 2 solution" time="0.120"><failure type="TypeError" message="x is not a function">' +
        "TypeError: x is not a function\n    at &lt;cell&gt;:2:1</failure></testcase>",
    );
    expect(xml).toContain('<testcase classname="bad.ipynb" name="cell [1] code" time="0.000"><skipped message="not run"/></testcase>');
    expect(xml).toContain('<failure type="checks" message="0 PASS, 0 FAIL, 2 declared"></failure>');
    expect(xml).toContain('<error type="MALFORMED_JSON" message="broken.ipynb: not valid JSON (Unexpected end of JSON input)"></error>');
  });
});
