import { describe, expect, it } from "vitest";
import { exprString, relabel, sliderReadout } from "../../src/charts/spec";

describe("sliderReadout", () => {
  it("writes the value with as many decimals as the slider's steps (fixed, so the text keeps its width)", () => {
    expect(sliderReadout("δ", "delta", { min: 0.1, max: 3, step: 0.1 })).toBe("'δ = ' + format(delta, '.1f') + ' (slider)'");
    expect(sliderReadout("γ", "gamma", { min: 0, max: 5, step: 0.25 })).toBe("'γ = ' + format(gamma, '.2f') + ' (slider)'");
    expect(sliderReadout("k", "k", { min: 1, max: 9, step: 2 })).toBe("'k = ' + format(k, '.0f') + ' (slider)'");
    // A whole step from an off-grid start needs the start's decimals: 0.05, 1.05, 2.05.
    expect(sliderReadout("m", "datum.margin", { min: 0.05, max: 2.05, step: 1 })).toBe("'m = ' + format(datum.margin, '.2f') + ' (slider)'");
  });

  it("quotes names safely for Vega expressions", () => {
    expect(exprString("the seed's δ")).toBe("'the seed\\'s δ'");
    expect(exprString("a\\b")).toBe("'a\\\\b'");
    expect(relabel("it's", "'x'")).toBe("datum.label === 'it\\'s' ? 'x' : datum.label");
  });
});
