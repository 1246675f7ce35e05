import * as path from "path";
import type { AssignmentKey } from "../key/answerKey";
import type { SubmissionGrade } from "../run/gradeSubmission";

const points = (x: number) => String(Number(x.toFixed(2)));

/** Why a submission was not graded, on one line, without the file name its message starts with. */
export function reason(grade: SubmissionGrade): string {
  const message = (grade.error?.message ?? grade.status).replace(/\s*\n\s*/g, " ");
  return message.startsWith(`${grade.file}: `) ? message.slice(grade.file.length + 2) : message;
}

function table(header: string[], rows: string[][], rightAligned: (i: number) => boolean): string[] {
  const last = header.length - 1; // the last column (feedback, result) is not padded
  const widths = header.map((h, i) => (i === last ? 0 : Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === last ? c : rightAligned(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w, i) => "-".repeat(i === last ? header[i].length : w))), ...rows.map(line)];
}

/** One submission: its score, then a row per exercise (points, status, feedback), the failing cell, the notes. */
export function formatSubmission(grade: SubmissionGrade): string {
  if (grade.status !== "graded") return `${grade.file}: NOT GRADED (${grade.error?.code ?? grade.status}): ${reason(grade)}\n`;
  const out = [`${grade.file}: ${points(grade.score)}/${grade.max}`];
  const rows = grade.exercises.flatMap((e) => {
    const first = [String(e.exercise), e.title, `${points(e.points)}/${e.max}`, e.status, e.feedback[0] ?? ""];
    const more = e.feedback.slice(1).map((f) => ["", "", "", "", f]);
    const cell = e.cell ? e.cell.lines.map((l) => ["", "", "", "", `  | ${l}`]) : [];
    return [first, ...more, ...cell];
  });
  out.push(...table(["#", "exercise", "points", "status", "feedback"], rows, (i) => i === 0 || i === 2).map((l) => `  ${l}`));
  for (const note of grade.notes) out.push(`  note: ${note}`);
  return `${out.join("\n")}\n`;
}

/** The batch summary: a row per submission with its score and each exercise's points. */
export function formatSummary(grades: readonly SubmissionGrade[], key: AssignmentKey): string {
  const header = ["submission", "score", ...key.exercises.map((e) => `${e.exercise}`), "result"];
  const rows = grades.map((g) => {
    if (g.status !== "graded") return [path.basename(g.file), "-", ...key.exercises.map(() => "-"), `NOT GRADED: ${reason(g)}`];
    const notes = g.notes.length > 0 ? ` (${g.notes.length} note${g.notes.length === 1 ? "" : "s"})` : "";
    return [path.basename(g.file), `${points(g.score)}/${g.max}`, ...g.exercises.map((e) => points(e.points)), `graded${notes}`];
  });
  return `${table(header, rows, (i) => i > 0).join("\n")}\n`;
}

/** Everything `losslab grade` prints: each submission's table, then the summary when there are several. */
export function formatGrades(grades: readonly SubmissionGrade[], key: AssignmentKey): string {
  const parts = grades.map(formatSubmission);
  if (grades.length > 1) parts.push(formatSummary(grades, key));
  return parts.join("\n");
}
