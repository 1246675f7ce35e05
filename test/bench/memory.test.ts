import { describe, expect, it } from "vitest";
import { ALL_CASES } from "../../bench/cases";
import { parseCli } from "../../bench/cli";
import { budget, memoryUnavailable, probeMemory, renderMemory } from "../../bench/memory";

const reason = memoryUnavailable();
if (reason !== null && process.env.CI !== "true") console.log(`skipping the memory probe: ${reason}`);

describe("bench --memory", () => {
  it("is a flag, and --write refuses a run without timings", () => {
    expect(parseCli(["--memory"]).memory).toBe(true);
    expect(parseCli(["--memory", "--no-timing"]).timing).toBe(false);
    expect(() => parseCli(["--write", "--no-timing"])).toThrow(/--write/);
  });

  it.skipIf(reason !== null && process.env.CI !== "true")("measures a case's peak in a fresh process and checks it against the budget", () => {
    const ce = ALL_CASES.find((c) => c.id === "softmaxCE");
    if (ce === undefined) throw new Error("softmaxCE case missing");
    // 256 × 4000 Float64 logits: 8 MB of input, an 8 MB gradient — large enough to see above the runtime's noise.
    const p = probeMemory(ce, "f64", [256, 4000]);
    expect(p.inputBytes).toBe(256 * 4000 * 8 + 256 * 4);
    expect(p.gradBytes).toBe(256 * 4000 * 8);
    expect(p.runtime).toBeGreaterThan(10 * 1024 * 1024); // Node itself is tens of MiB
    // The gradient's peak holds at least the inputs and the 8 MB result, and stays within the budget.
    expect(p.gradPeak - p.runtime).toBeGreaterThanOrEqual(p.gradBytes + p.inputBytes - 2 * 1024 * 1024);
    expect(p.gradPeak - p.runtime).toBeLessThanOrEqual(budget(p));
    const text = renderMemory([p]);
    expect(text).toMatch(/\| softmaxCE \| 256×4000 \| f64 \| 7\.81 \|/);
    expect(text).toMatch(/✓ \|/);
  }, 60_000);
});
