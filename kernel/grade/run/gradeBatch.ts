import type { AssignmentKey } from "../key/answerKey";
import { compileSandboxKernel } from "../sandbox/compileKernel";
import { sandboxKernelFactory } from "../sandbox/sandboxKernel";
import { createWorkspaces } from "../sandbox/workspaces";
import { gradeSubmission, type GradeSubmissionOptions, type SubmissionGrade } from "./gradeSubmission";

export interface BatchFile {
  /** The file to read. */
  path: string;
  /** How reports name it. */
  name: string;
}

export interface GradeBatchOptions extends GradeSubmissionOptions {
  /** The losslab project: the library the submissions import, and its node_modules. */
  root: string;
  /** Submissions graded at once, each in its own kernel process. */
  jobs: number;
  onStart?(file: BatchFile): void;
  onDone?(grade: SubmissionGrade, done: number, total: number): void;
}

/**
 * Grades `files` with up to `jobs` kernels at a time, each submission in its own sandboxed kernel process and
 * temporary working folder (removed afterwards, also on exit). Results come back in the order of `files`.
 * @throws LibraryBuildError when the library does not compile (before any submission runs)
 */
export async function gradeBatch(files: readonly BatchFile[], key: AssignmentKey, options: GradeBatchOptions): Promise<SubmissionGrade[]> {
  const kernel = compileSandboxKernel(options.root);
  const workspaces = createWorkspaces(options.root);
  const cleanUp = () => workspaces.dispose();
  process.once("exit", cleanUp);
  const startKernel = sandboxKernelFactory({ root: options.root, kernel, workspaces });
  const results: SubmissionGrade[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      options.onStart?.(files[i]);
      results[i] = await gradeSubmission(files[i].path, files[i].name, key, startKernel, options);
      options.onDone?.(results[i], ++done, files.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, files.length)) }, worker));
  } finally {
    process.removeListener("exit", cleanUp);
    cleanUp();
  }
  return results;
}
