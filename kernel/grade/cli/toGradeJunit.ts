import * as path from "path";
import type { SubmissionGrade } from "../run/gradeSubmission";

import { escapeXml as escape } from "../../cli/escapeXml";

/**
 * JUnit XML for CI dashboards: a testsuite per submission, a testcase per exercise (a failure with the feedback
 * when it earned less than its points), and one errored testcase for a submission that could not be graded.
 */
export function toGradeJunit(grades: readonly SubmissionGrade[]): string {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const suites = grades.map((g) => {
    const suite = escape(path.basename(g.file));
    const cases: string[] = [];
    let suiteFailures = 0;
    if (g.status !== "graded") {
      errors += 1;
      const message = escape(g.error?.message ?? g.status);
      cases.push(`    <testcase classname="${suite}" name="grade"><error type="${escape(g.error?.code ?? "ERROR")}" message="${message}"/></testcase>`);
    }
    for (const e of g.exercises) {
      const name = escape(`exercise ${e.exercise}: ${e.title} (${e.points}/${e.max})`);
      if (e.points === e.max) cases.push(`    <testcase classname="${suite}" name="${name}"/>`);
      else {
        suiteFailures += 1;
        const body = escape([...e.feedback, ...(e.cell?.lines.map((l) => `| ${l}`) ?? [])].join("\n"));
        cases.push(`    <testcase classname="${suite}" name="${name}"><failure type="${e.status}" message="${escape(e.feedback[0] ?? e.status)}">${body}</failure></testcase>`);
      }
    }
    tests += cases.length;
    failures += suiteFailures;
    const head = `  <testsuite name="${suite}" tests="${cases.length}" failures="${suiteFailures}" errors="${g.status === "graded" ? 0 : 1}" time="${g.seconds.toFixed(3)}">`;
    return `${head}\n${cases.join("\n")}\n  </testsuite>`;
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="losslab grade" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join("\n")}\n</testsuites>\n`
  );
}
