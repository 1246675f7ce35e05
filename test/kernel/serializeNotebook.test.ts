import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { parseNotebook } from "../../kernel/notebook/parseNotebook";
import { serializeNotebook } from "../../kernel/notebook/serializeNotebook";

describe("serializeNotebook", () => {
  it("writes Jupyter's layout: sorted keys, one-space indent, final newline, non-ASCII kept", () => {
    const text = serializeNotebook({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { z: 1, a: { y: 2, b: 3 } },
      cells: [{ cell_type: "markdown", metadata: {}, source: "★" }],
    });
    expect(text).toBe(
      '{\n "cells": [\n  {\n   "cell_type": "markdown",\n   "metadata": {},\n   "source": "★"\n  }\n ],\n' +
        ' "metadata": {\n  "a": {\n   "b": 3,\n   "y": 2\n  },\n  "z": 1\n },\n "nbformat": 4,\n "nbformat_minor": 5\n}\n',
    );
  });

  it("leaves every committed notebook byte for byte as it is (they are saved in this layout)", () => {
    const dir = path.resolve(__dirname, "..", "..", "notebooks");
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb"))) {
      const text = fs.readFileSync(path.join(dir, name), "utf8");
      expect(serializeNotebook(parseNotebook(text, name)), name).toBe(text);
    }
  });
});
