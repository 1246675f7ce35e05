import type { ReadResult } from "../../exec/plainData";

/**
 * The answers a kernel reported, checked again on the grader's side: the reply crossed a process boundary from code
 * the learner controls, so anything that is not `{ ok: true, value }` or `{ ok: false, reason: string }` for a
 * requested name counts as unreadable. Values are compared later by type (see compareAnswer.ts).
 */
export function readAnswers(names: readonly string[], reply: unknown): Record<string, ReadResult> {
  const answers: Record<string, ReadResult> = {};
  const record = typeof reply === "object" && reply !== null ? (reply as Record<string, unknown>) : {};
  for (const name of names) {
    const entry = Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
    const shaped = typeof entry === "object" && entry !== null ? (entry as { ok?: unknown; value?: unknown; reason?: unknown }) : null;
    if (shaped?.ok === true && "value" in shaped) answers[name] = { ok: true, value: shaped.value as never };
    else if (shaped?.ok === false && typeof shaped.reason === "string") answers[name] = { ok: false, reason: shaped.reason };
    else answers[name] = { ok: false, reason: `${name} could not be read` };
  }
  return answers;
}
