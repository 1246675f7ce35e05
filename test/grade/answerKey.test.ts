import { describe, expect, it } from "vitest";
import type { ReadResult } from "../../kernel/exec/plainData";
import { maxPoints } from "../../kernel/grade/key/answerKey";
import { compareElement, compareNumber, compareRecord, compareVector, isClose } from "../../kernel/grade/key/compareAnswer";
import { LOSS_FUNCTIONS_KEY } from "../../kernel/grade/key/lossFunctionsKey";

const TOL = { atol: 1e-7, rtol: 1e-7 };
const value = (v: unknown): ReadResult => ({ ok: true, value: v as never });
const exercise = (n: number) => LOSS_FUNCTIONS_KEY.exercises[n - 1];
/** Points an exercise gives to `answers` (plain values, read as the kernel would report them). */
const score = (n: number, answers: Record<string, unknown>) => {
  const read = Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, value(v)]));
  return exercise(n).parts.reduce((sum, p) => sum + (p.check(read).ok ? p.points : 0), 0);
};
const feedback = (n: number, answers: Record<string, unknown>) => {
  const read = Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, value(v)]));
  return exercise(n).parts.flatMap((p) => { const v = p.check(read); return v.ok ? [] : [v.feedback]; });
};

describe("the loss-functions answer key", () => {
  it("has the original's ten exercises with their stars as points, 20 in all, and the notebook's answer names", () => {
    expect(LOSS_FUNCTIONS_KEY.exercises.map((e) => [e.exercise, e.points, e.answers.join(",")])).toEqual([
      [1, 1, "mse,grad"], [2, 1, "huber"], [3, 1, "loss"], [4, 2, "ce"], [5, 2, "maskedMean"],
      [6, 2, "focal"], [7, 2, "loss"], [8, 3, "loss"], [9, 3, "loss"], [10, 3, "shares"],
    ]);
    expect(maxPoints(LOSS_FUNCTIONS_KEY)).toBe(20);
    for (const e of LOSS_FUNCTIONS_KEY.exercises) expect(e.parts.reduce((s, p) => s + p.points, 0)).toBe(e.points);
  });

  it("uses the seed's tolerance, np.allclose(atol=1e-7, rtol=1e-7)", () => {
    expect(LOSS_FUNCTIONS_KEY.tolerance).toEqual(TOL);
  });

  // Expected values: the seed's literal expectations where it states them, else worked by hand from its inputs.
  it("gives full points to the seed's own expected values", () => {
    expect(score(1, { mse: (0.5 ** 2 + 1 + 4) / 3, grad: [1 / 3, -2 / 3, 4 / 3] })).toBe(1); // seed: check_close mse, gradient
    expect(score(2, { huber: [1.5, 0.125, 0, 0.125, 2.5] })).toBe(1); // seed: expected array
    const bce = (z: number, y: number) => -(y * Math.log(1 / (1 + Math.exp(-z))) + (1 - y) * Math.log(1 - 1 / (1 + Math.exp(-z))));
    expect(score(3, { loss: [bce(-2, 0), bce(0, 1), bce(2, 1)] })).toBe(1); // seed: equals the probability form
    const first = -2 + Math.log(Math.exp(2) + Math.exp(1) + 1); // seed: expected_first
    // Row 2 is row 1 shifted by 998 with the target on the smallest logit: CE = first + 2 (hand-worked).
    expect(score(4, { ce: [first, first + 2] })).toBe(2);
    expect(score(5, { maskedMean: (0.2 + 0.5 + 0.3) / 3 })).toBe(2); // seed
    expect(score(6, { focal: [0.95, 0.55, 0.1].map((p) => -((1 - p) ** 2) * Math.log(p)) })).toBe(2); // seed's formula
    const lse = (row: number[]) => Math.log(row.reduce((s, v) => s + Math.exp(v), 0));
    const infoNCE = [[4, 1, 0.2], [0, 3, 0.4], [0.2, 0.8, 2]].map((row, i) => lse(row) - row[i]); // sim / 0.5, by hand
    expect(score(7, { loss: infoNCE })).toBe(2);
    expect(score(8, { loss: 0.16 - 0.36 + 0.5 })).toBe(3); // seed
    const h = [0.2 * (0.2 - -0.2), 0.2 * (-0.1 - 0.1)]; // β((logp_w − ref_w) − (logp_l − ref_l)), by hand
    expect(score(9, { loss: h.map((x) => Math.log1p(Math.exp(-x))) })).toBe(3);
    expect(score(10, { shares: { ce: 0.8 / 1.5, kl: 0.5 / 1.5, aux: 0.2 / 1.5 } })).toBe(3); // weighted total 1.5, by hand
  });

  it("gives half of exercise 1 for the right MSE with a gradient that forgot the 1/N", () => {
    expect(score(1, { mse: 1.75, grad: [1, -2, 4] })).toBe(0.5);
    expect(feedback(1, { mse: 1.75, grad: [1, -2, 4] })).toEqual([
      "`grad` = [1, -2, 4], expected [0.3333333333, -0.6666666667, 1.333333333]: elements 0, 1, 2 differ (atol = rtol = 1e-7). Hint: the mean divides the gradient by N too",
    ]);
    expect(score(1, { mse: 1.5, grad: [1 / 3, -2 / 3, 4 / 3] })).toBe(0.5);
  });

  it("gives one of exercise 4's two points to a CE that overflows on the logits near 1000", () => {
    expect(score(4, { ce: [0.4076059644443804, Infinity] })).toBe(1);
    expect(feedback(4, { ce: [0.4076059644443804, Infinity] })).toEqual([
      "`ce[1]` = Infinity, expected 2.407605964 (atol = rtol = 1e-7). Hint: subtract each row's max before exponentiating (log-sum-exp)",
    ]);
    expect(score(4, { ce: [0.4076059644443804] })).toBe(0); // one row only: no part can be read
  });

  it("recognises the padded-length mean and raw shares, and says so", () => {
    expect(feedback(5, { maskedMean: 1 / 6 })[0]).toMatch(/Hint: divide by the number of valid tokens/);
    expect(feedback(10, { shares: { ce: 0.8 / 2.85, kl: 0.05 / 2.85, aux: 2 / 2.85 } })[0]).toMatch(/Hint: weigh each term/);
  });
});

describe("comparing an answer", () => {
  it("accepts |got − expected| ≤ atol + rtol·|expected| and nothing more (numpy.allclose)", () => {
    expect(isClose(1 + 1.9e-7, 1, TOL)).toBe(true); // bound 2e-7 at 1
    expect(isClose(1 + 2.1e-7, 1, TOL)).toBe(false);
    expect(isClose(NaN, NaN, TOL)).toBe(false);
    expect(isClose(Infinity, Infinity, TOL)).toBe(true);
  });

  it("accepts arrays and Float64/Float32/Int32/Uint8 arrays as vectors, nothing else", () => {
    expect(compareVector("v", value([1, 2]), [1, 2], TOL)).toEqual({ ok: true });
    expect(compareVector("v", value(new Float64Array([1, 2])), [1, 2], TOL)).toEqual({ ok: true });
    expect(compareVector("v", value(new Int32Array([1, 2])), [1, 2], TOL)).toEqual({ ok: true });
    expect(compareVector("v", value({ 0: 1, 1: 2, length: 2 }), [1, 2], TOL)).toEqual({ ok: false, feedback: "`v` should be an array of 2 numbers, got an object with keys 0, 1, length" });
    expect(compareVector("v", value(new Map()), [1, 2], TOL)).toMatchObject({ ok: false });
    expect(compareVector("v", value([1]), [1, 2], TOL)).toEqual({ ok: false, feedback: "`v` should have 2 values, got 1" });
    expect(compareVector("v", value([1, "2"]), [1, 2], TOL)).toEqual({ ok: false, feedback: '`v[1]` should be a number, got a string "2"' });
  });

  it("says what is wrong with a number that is not one, or not there", () => {
    expect(compareNumber("mse", value(null), 1, TOL)).toEqual({ ok: false, feedback: "`mse` is still null (not answered)" });
    expect(compareNumber("mse", value([1.75]), 1.75, TOL)).toEqual({ ok: false, feedback: "`mse` should be a number, got an array of 1 value" });
    expect(compareNumber("mse", { ok: false, reason: "mse is not defined" }, 1, TOL)).toEqual({ ok: false, feedback: "`mse` is not defined: keep the scaffold's answer variables and their names" });
    expect(compareNumber("mse", { ok: false, reason: "value.grad.4 is a getter" }, 1, TOL)).toEqual({ ok: false, feedback: "`mse.grad[4]` is a getter: answers must be plain numbers, arrays or objects" });
    expect(compareNumber("mse", value(NaN), 1, TOL)).toEqual({ ok: false, feedback: "`mse` = NaN, expected 1 (atol = rtol = 1e-7)" });
  });

  it("wants a record's keys exactly, with numbers within the tolerance", () => {
    const expected = { a: 1, b: 2 };
    expect(compareRecord("r", value({ b: 2, a: 1 }), expected, TOL)).toEqual({ ok: true });
    expect(compareRecord("r", value({ a: 1 }), expected, TOL)).toEqual({ ok: false, feedback: "`r` should have the keys a, b: missing b" });
    expect(compareRecord("r", value({ a: 1, b: 2, c: 3 }), expected, TOL)).toEqual({ ok: false, feedback: "`r` should have the keys a, b: unexpected c" });
    expect(compareRecord("r", value([1, 2]), expected, TOL)).toEqual({ ok: false, feedback: "`r` should be an object {a, b}, got an array of 2 values" });
    expect(compareRecord("r", value(new Date(0)), expected, TOL)).toMatchObject({ ok: false });
  });

  it("checks one element of a vector of the right length", () => {
    expect(compareElement("ce", value([0, 5]), [1, 5], 1, TOL)).toEqual({ ok: true });
    expect(compareElement("ce", value([0, 5]), [1, 5], 0, TOL)).toEqual({ ok: false, feedback: "`ce[0]` = 0, expected 1 (atol = rtol = 1e-7)" });
  });
});
