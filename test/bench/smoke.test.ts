import { describe, expect, it } from "vitest";
import * as losslab from "../../src";
import { formatShape } from "../../bench/case";
import { ALL_CASES } from "../../bench/cases";
import { DEFAULT_PYTHON, numpyUnavailable } from "../../bench/numpy";
import { runSuite } from "../../bench/suite";
import { renderTable } from "../../bench/table";

/** One call per measurement, no warm-up: the suite must work, its numbers are not looked at. */
const ONCE = { warmupMs: 0, warmupIters: 0, timeMs: 0, minSamples: 1 };
const numpyMissing = numpyUnavailable(DEFAULT_PYTHON);

describe("benchmark suite, smallest sizes (smoke test: no timing is asserted)", () => {
  it("runs every case on losslab and numpy, and both sides compute the same results", async () => {
    const result = await runSuite({
      lib: losslab,
      cases: ALL_CASES,
      filter: [],
      tiers: ["small"],
      dtypes: ["f64", "f32"],
      tasks: ["value", "grad", "both"],
      protocol: ONCE,
      numpy: true,
      python: DEFAULT_PYTHON,
      f64Large: false,
    });

    // Every case of issue 2's API is exported and ran: 2 dtypes × 3 tasks at its one small size.
    expect(result.pending).toEqual([]);
    for (const c of ALL_CASES) expect(result.rows.filter((r) => r.id === c.id)).toHaveLength(6);
    const jsErrors = result.rows.filter((r) => r.jsError !== undefined).map((r) => `${r.id} ${r.task}: ${r.jsError}`);
    expect(jsErrors).toEqual([]);

    if (numpyMissing === null) {
      expect(result.numpy?.numpy).toMatch(/^\d+\.\d+/);
      const npErrors = result.rows.filter((r) => r.numpyError !== undefined || r.numpy === undefined);
      expect(npErrors.map((r) => `${r.id} ${r.task}: ${r.numpyError ?? "no timing"}`)).toEqual([]);
      // Identical inputs on both sides: checksums agree to 1e-9 (f64) or 1e-4 (f32, where numpy computes in float32).
      const compared = result.rows.filter((r) => r.task !== "both");
      const differing = compared.filter((r) => !(r.disagreement !== undefined && r.tolerance !== undefined && r.disagreement <= r.tolerance));
      expect(differing.map((r) => `${r.id} ${formatShape(r.shape)} ${r.dtype} ${r.task}: ${r.disagreement}`)).toEqual([]);
    } else {
      expect(result.numpyNote).toBe(numpyMissing);
    }

    const table = renderTable(result);
    for (const c of ALL_CASES) expect(table).toContain(`| ${c.id} `);
  }, 60_000);
});
