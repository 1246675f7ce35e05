import { describe, expect, it } from "vitest";
import { NotebookError } from "../../kernel/notebook/NotebookError";
import { parseNotebook } from "../../kernel/notebook/parseNotebook";

const codeOf = (error: unknown) => (error instanceof NotebookError ? error.code : String(error));
const failure = (text: string) => {
  try {
    parseNotebook(text, "nb.ipynb");
  } catch (e) {
    return { code: codeOf(e), message: (e as Error).message };
  }
  return null;
};

describe("parseNotebook", () => {
  it("reads an nbformat 4 notebook and fills in the optional fields", () => {
    const nb = parseNotebook(
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: { kernelspec: { name: "losslab" } },
        cells: [
          { cell_type: "markdown", id: "m", source: ["# Title\n", "text"] },
          { cell_type: "code", source: "1 + 1" },
          { cell_type: "raw", metadata: { a: 1 }, source: "" },
        ],
      }),
      "nb.ipynb",
    );
    expect(nb.metadata).toEqual({ kernelspec: { name: "losslab" } });
    expect(nb.cells).toEqual([
      { cell_type: "markdown", id: "m", metadata: {}, source: ["# Title\n", "text"] },
      { cell_type: "code", metadata: {}, source: "1 + 1", execution_count: null, outputs: [] },
      { cell_type: "raw", metadata: { a: 1 }, source: "" },
    ]);
  });

  it("keeps the outputs and execution count of an executed code cell", () => {
    const output = { output_type: "stream", name: "stdout", text: ["hi\n"] };
    const nb = parseNotebook(
      JSON.stringify({ nbformat: 4, nbformat_minor: 4, metadata: {}, cells: [{ cell_type: "code", source: "", execution_count: 3, outputs: [output] }] }),
      "nb.ipynb",
    );
    expect(nb.cells[0]).toMatchObject({ execution_count: 3, outputs: [output] });
  });

  it("says in one line, naming the file, when the JSON is malformed", () => {
    const f = failure('{"cells": [');
    expect(f?.code).toBe("MALFORMED_JSON");
    expect(f?.message).toMatch(/^nb\.ipynb: not valid JSON \(.+\)$/);
    expect(f?.message).not.toContain("\n");
  });

  it("rejects JSON that is not a notebook", () => {
    expect(failure("[1, 2]")?.code).toBe("NOT_A_NOTEBOOK");
    expect(failure('{"nbformat": 4}')?.code).toBe("NOT_A_NOTEBOOK");
    expect(failure('{"nbformat": 4, "cells": [{"cell_type": "code"}]}')?.message).toBe('nb.ipynb: cell [0] has no "source" text');
    expect(failure('{"nbformat": 4, "cells": [{"cell_type": "python", "source": ""}]}')?.message).toContain('unknown cell_type "python"');
    expect(failure('{"nbformat": 4, "cells": [{"cell_type": "code", "source": "", "outputs": {}}]}')?.code).toBe("NOT_A_NOTEBOOK");
  });

  it("rejects other nbformat versions", () => {
    expect(failure('{"nbformat": 3, "cells": []}')).toEqual({ code: "UNSUPPORTED_VERSION", message: "nb.ipynb: nbformat 3 is not supported (need 4)" });
  });
});
