import * as path from "path";
import { describe, expect, it } from "vitest";
import { checkClean } from "../../kernel/notebook/checkScheme";
import { cellMetaOf } from "../../kernel/notebook/losslabMeta";
import { joinSource } from "../../kernel/notebook/source";
import { releaseNotebook } from "../../kernel/release/releaseNotebook";
import { readNotebookFile } from "../../kernel/run/runFile";

const INSTRUCTOR = path.resolve(__dirname, "..", "..", "notebooks", "loss-functions-exercises.ipynb");

describe("releaseNotebook", () => {
  const instructor = readNotebookFile(INSTRUCTOR);
  const before = JSON.stringify(instructor);
  const executed = { ...instructor, cells: instructor.cells.map((c) => (c.cell_type === "code" ? { ...c, execution_count: 3, outputs: [{ output_type: "stream" as const, name: "stdout" as const, text: "PASS - x\n" }] } : c)) };
  const student = releaseNotebook(executed);

  it("removes every solution cell and keeps every other cell, in order, with its source and metadata", () => {
    const kept = instructor.cells.filter((c) => cellMetaOf(c)?.role !== "solution");
    expect(student.cells.filter((c) => c.id !== "how-to-submit").map((c) => [joinSource(c.source), c.metadata])).toEqual(kept.map((c) => [joinSource(c.source), c.metadata]));
    expect(student.cells.some((c) => cellMetaOf(c)?.role === "solution")).toBe(false);
  });

  it("keeps each scaffold with its inputs and null answers, and its exercise, points and answers metadata", () => {
    const scaffolds = student.cells.filter((c) => cellMetaOf(c)?.role === "scaffold");
    expect(scaffolds.map((c) => cellMetaOf(c)?.exercise)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(joinSource(scaffolds[0].source)).toContain("let mse: number | null = null;");
    expect(cellMetaOf(scaffolds[0])).toEqual({ role: "scaffold", exercise: 1, points: 1, answers: ["mse", "grad"] });
  });

  it("clears outputs and execution counts", () => {
    expect(checkClean(student)).toEqual([]);
  });

  it("adds a How to submit cell after the title, and declares no PASS lines", () => {
    expect(student.cells[1]).toMatchObject({ cell_type: "markdown", id: "how-to-submit", metadata: { losslab: { role: "markdown" } } });
    expect(joinSource(student.cells[1].source)).toMatch(/^### How to submit\n/);
    expect(student.metadata.losslab).toEqual({ expectedPass: 0 });
    expect(student.metadata.kernelspec).toEqual(instructor.metadata.kernelspec);
  });

  it("leaves the instructor notebook as it was", () => {
    expect(JSON.stringify(instructor)).toBe(before);
  });

  it("refuses a notebook that is already released, saying why", () => {
    expect(() => releaseNotebook(student)).toThrow(/cannot release this notebook:[\s\S]*it has no solution cell/);
  });
});
