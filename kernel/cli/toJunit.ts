import * as path from "path";
import type { FileResult } from "../run/runFile";

import { escapeXml as escape } from "./escapeXml";

function testcase(suite: string, name: string, seconds: number, body = ""): string {
  const open = `    <testcase classname="${escape(suite)}" name="${escape(name)}" time="${seconds.toFixed(3)}"`;
  return body ? `${open}>${body}</testcase>` : `${open}/>`;
}

const failure = (tag: "failure" | "error", type: string, message: string, details = "") =>
  `<${tag} type="${escape(type)}" message="${escape(message)}">${escape(details)}</${tag}>`;

/**
 * A JUnit XML report: one testsuite per notebook, one testcase per code cell (a failure with the error, or
 * skipped when it did not run) and one testcase for the declared PASS count and the FAIL lines. A notebook that
 * could not be read is a testsuite with one errored testcase.
 */
export function toJunit(results: readonly FileResult[]): string {
  const suites: string[] = [];
  const total = { tests: 0, failures: 0, errors: 0 };
  for (const r of results) {
    const suite = path.basename(r.file);
    const cases: string[] = [];
    let failures = 0;
    let errors = 0;
    let seconds = 0;
    if (r.readError) {
      errors += 1;
      cases.push(testcase(suite, "read notebook", 0, failure("error", r.readError.code, r.readError.message)));
    } else {
      seconds = r.run.ms / 1000;
      for (const cell of r.run.cells) {
        const name = `cell [${cell.index}] ${cell.label}`;
        if (cell.status === "ok") cases.push(testcase(suite, name, cell.ms / 1000));
        else if (cell.status === "not-run") cases.push(testcase(suite, name, 0, `<skipped message="not run"/>`));
        else {
          failures += 1;
          const [first] = cell.errors;
          const details = cell.errors.flatMap((e) => (e.traceback.length > 0 ? e.traceback : [`${e.ename}: ${e.evalue}`])).join("\n");
          cases.push(testcase(suite, name, cell.ms / 1000, failure("failure", first?.ename ?? "Error", first?.evalue ?? "", details)));
        }
      }
      const v = r.verdict;
      const name = `checks: ${v.expectedPass ?? "?"} PASS declared`;
      if (v.fail === 0 && v.expectedPass !== null && v.pass === v.expectedPass) cases.push(testcase(suite, name, 0));
      else {
        failures += 1;
        const message = `${v.pass} PASS, ${v.fail} FAIL, ${v.expectedPass ?? "no count"} declared`;
        cases.push(testcase(suite, name, 0, failure("failure", "checks", message)));
      }
    }
    total.tests += cases.length;
    total.failures += failures;
    total.errors += errors;
    suites.push(
      `  <testsuite name="${escape(suite)}" tests="${cases.length}" failures="${failures}" errors="${errors}" time="${seconds.toFixed(3)}">\n` +
        `${cases.join("\n")}\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="losslab" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}">\n` +
    `${suites.join("\n")}\n</testsuites>\n`
  );
}
