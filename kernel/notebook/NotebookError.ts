/** Why a file could not be used as a notebook. */
export type NotebookErrorCode = "NOT_FOUND" | "UNREADABLE" | "MALFORMED_JSON" | "NOT_A_NOTEBOOK" | "UNSUPPORTED_VERSION";

/** A notebook that cannot be read or parsed; `message` is one line: `<file>: <what is wrong>`. */
export class NotebookError extends Error {
  readonly code: NotebookErrorCode;
  readonly file: string;

  constructor(code: NotebookErrorCode, file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = "NotebookError";
    this.code = code;
    this.file = file;
  }
}
