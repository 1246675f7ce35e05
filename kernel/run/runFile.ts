import * as fs from "fs";
import * as path from "path";
import { NotebookError } from "../notebook/NotebookError";
import { expectedPassOf } from "../notebook/losslabMeta";
import { parseNotebook } from "../notebook/parseNotebook";
import { serializeNotebook } from "../notebook/serializeNotebook";
import { judge, type Verdict } from "./judge";
import { runNotebook, type NotebookRun, type RunNotebookOptions } from "./runNotebook";
import type { KernelFactory } from "./startKernel";
import { writeFileAtomic } from "./writeFileAtomic";

/** The outcome of running one notebook file: either it could not be read, or it ran and was judged. */
export type FileResult =
  | { file: string; readError: NotebookError }
  | { file: string; readError: null; output: string; run: NotebookRun; verdict: Verdict };

/** Reads a notebook file, or says in one line why it cannot be used. */
export function readNotebookFile(file: string, name = file) {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new NotebookError("NOT_FOUND", name, "no such file");
    throw new NotebookError("UNREADABLE", name, `cannot be read (${code ?? (e as Error).message})`);
  }
  return parseNotebook(text, name);
}

/**
 * Runs one notebook file and writes the executed copy to `<outDir>/<file name>` atomically (the source is never
 * written). The verdict follows {@link judge}. `name` is how messages and results refer to the file.
 */
export async function runFile(
  file: string,
  outDir: string,
  startKernel: KernelFactory,
  options: RunNotebookOptions,
  name = file,
): Promise<FileResult> {
  let source;
  try {
    source = readNotebookFile(file, name);
  } catch (e) {
    if (e instanceof NotebookError) return { file: name, readError: e };
    throw e;
  }
  const output = path.join(outDir, path.basename(file));
  if (path.resolve(output) === path.resolve(file)) {
    const error = new NotebookError("UNREADABLE", name, "the executed copy would overwrite the source: choose another --out");
    return { file: name, readError: error };
  }
  const run = await runNotebook(source, startKernel, options);
  writeFileAtomic(output, serializeNotebook(run.executed));
  return { file: name, readError: null, output, run, verdict: judge(run, expectedPassOf(source)) };
}
