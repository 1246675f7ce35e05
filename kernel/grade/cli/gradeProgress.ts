import * as path from "path";
import type { ProgressStream } from "../../cli/progress";
import type { SubmissionGrade } from "../run/gradeSubmission";

/**
 * A progress bar on a terminal, rewritten in place: `grading [#####-----] 7/20  alice.ipynb 17.5/20`; nothing when
 * the stream is not a terminal (CI logs get the tables only).
 */
export function createGradeProgress(stream: ProgressStream, total: number) {
  if (!stream.isTTY) return { done() {}, finish() {} };
  const width = 24;
  const show = (done: number, last: string) => {
    const filled = Math.round((done / Math.max(1, total)) * width);
    const text = `grading [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}  ${last}`;
    stream.write(`\r\x1b[K${text.slice(0, Math.max(20, (stream.columns ?? 100) - 1))}`);
  };
  show(0, "");
  return {
    done(grade: SubmissionGrade, count: number) {
      const result = grade.status === "graded" ? `${Number(grade.score.toFixed(2))}/${grade.max}` : "not graded";
      show(count, `${path.basename(grade.file)} ${result}`);
    },
    finish() {
      stream.write("\r\x1b[K");
    },
  };
}
