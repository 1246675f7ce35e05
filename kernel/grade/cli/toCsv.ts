import type { AssignmentKey } from "../key/answerKey";
import type { SubmissionGrade } from "../run/gradeSubmission";

/** A CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * One row per submission, one column per exercise (its points), for a spreadsheet: `submission, score, max,
 * status, ex1 <title> (<max>)…, message` — `message` holds why a submission was not graded, or its notes.
 */
export function toCsv(grades: readonly SubmissionGrade[], key: AssignmentKey): string {
  const header = ["submission", "score", "max", "status", ...key.exercises.map((e) => `ex${e.exercise} ${e.title} (${e.points})`), "message"];
  const rows = grades.map((g) => {
    const graded = g.status === "graded";
    const byNumber = new Map(g.exercises.map((e) => [e.exercise, e.points]));
    return [
      g.file,
      graded ? String(g.score) : "",
      String(g.max),
      g.status,
      ...key.exercises.map((e) => (graded ? String(byNumber.get(e.exercise) ?? 0) : "")),
      graded ? g.notes.join("; ") : (g.error?.message ?? ""),
    ];
  });
  return `${[header, ...rows].map((r) => r.map(field).join(",")).join("\r\n")}\r\n`;
}
