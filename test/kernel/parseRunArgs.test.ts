import { describe, expect, it } from "vitest";
import { parseRunArgs, UsageError } from "../../kernel/cli/parseRunArgs";

const usageError = (argv: string[]) => {
  try {
    parseRunArgs(argv);
  } catch (e) {
    return e instanceof UsageError ? e.message : `not a UsageError: ${String(e)}`;
  }
  return null;
};

describe("parseRunArgs", () => {
  it("has the documented defaults", () => {
    expect(parseRunArgs(["a.ipynb"])).toEqual({
      notebooks: ["a.ipynb"],
      out: "build/notebooks",
      timeoutMs: 60_000,
      keepGoing: false,
      json: false,
      junit: null,
      root: null,
    });
  });

  it("reads every option, as --name value or --name=value, in any order", () => {
    expect(parseRunArgs(["--out", "o", "a.ipynb", "--timeout=2.5", "--keep-going", "b.ipynb", "--json", "--junit", "r.xml", "--root=/r"])).toEqual({
      notebooks: ["a.ipynb", "b.ipynb"],
      out: "o",
      timeoutMs: 2500,
      keepGoing: true,
      json: true,
      junit: "r.xml",
      root: "/r",
    });
  });

  it("rejects bad usage with a one-line reason", () => {
    expect(usageError([])).toBe("no notebook given");
    expect(usageError(["a.ipynb", "--out"])).toBe("--out needs a value");
    expect(usageError(["a.ipynb", "--out", "--json"])).toBe("--out needs a value");
    expect(usageError(["a.ipynb", "--timeout", "0"])).toBe("--timeout must be a number of seconds > 0 (got 0)");
    expect(usageError(["a.ipynb", "--timeout", "soon"])).toBe("--timeout must be a number of seconds > 0 (got soon)");
    expect(usageError(["a.ipynb", "--verbose"])).toBe("unknown option --verbose");
    expect(usageError(["a.ipynb", "--json=yes"])).toBe("--json takes no value");
  });
});
