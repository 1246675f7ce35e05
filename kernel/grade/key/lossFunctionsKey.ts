// The library's own modules, not src/index (which also loads the charts): every CLI command loads this at start-up.
import { bceWithLogits } from "../../../src/losses/bceWithLogits";
import { focalLoss } from "../../../src/losses/focalLoss";
import { huber } from "../../../src/losses/huber";
import { infoNCE } from "../../../src/losses/infoNCE";
import { lossShares } from "../../../src/losses/lossShares";
import { maskedMean } from "../../../src/losses/maskedMean";
import { mse, mseGrad } from "../../../src/losses/mse";
import { preferenceLoss } from "../../../src/losses/preferenceLoss";
import { softmaxCrossEntropy } from "../../../src/losses/softmaxCrossEntropy";
import { tripletLoss } from "../../../src/losses/tripletLoss";
import type { AssignmentKey, ExerciseKey } from "./answerKey";
import { withHint } from "./answerKey";
import { compareElement, compareNumber, compareRecord, compareVector, elementOf, isClose, type Tolerance } from "./compareAnswer";

/** The seed's check tolerance: check_close(..., tol=1e-7) is np.allclose(value, expected, atol=tol, rtol=tol). */
const TOL: Tolerance = { atol: 1e-7, rtol: 1e-7 };

// The seed's inputs (notebooks/loss-functions-exercises.ipynb keeps them in its scaffold cells). The expected
// values are the library's, computed here in the grader's own process, never in the learner's.
const yTrue = [1.0, 2.0, 3.0];
const yPred = [1.5, 1.0, 5.0];
const residual = [-2.0, -0.5, 0.0, 0.5, 3.0];
const z = [-2.0, 0.0, 2.0];
const y = [0.0, 1.0, 1.0];
const logits = [
  [2.0, 1.0, 0.0],
  [1000.0, 999.0, 998.0],
];
const targets = [0, 2];
const losses = [
  [0.2, 0.5, 0.0],
  [0.3, 0.0, 0.0],
];
const mask = [
  [1, 1, 0],
  [1, 0, 0],
];
const pt = [0.95, 0.55, 0.1];
const sim = [
  [2.0, 0.5, 0.1],
  [0.0, 1.5, 0.2],
  [0.1, 0.4, 1.0],
];
const terms = { ce: 0.8, kl: 0.05, aux: 2.0 };
const weights = { ce: 1.0, kl: 10.0, aux: 0.1 };

/** A 1-D library result (the library returns a Float64Array for one axis). */
function vector(result: unknown): Float64Array {
  if (!(result instanceof Float64Array)) throw new Error("lossFunctionsKey: the library did not return a vector");
  return result;
}

const ce = vector(softmaxCrossEntropy(logits, targets));
const grad = vector(mseGrad(yPred, yTrue));
const paddedMean = losses.flat().reduce((a, b) => a + b, 0) / losses.flat().length;
const rawShares = Object.fromEntries(Object.entries(terms).map(([k, v]) => [k, v / (0.8 + 0.05 + 2.0)]));

/** One part worth all of an exercise's points, checking one answer. */
const whole = (exercise: Omit<ExerciseKey, "parts">, check: ExerciseKey["parts"][number]["check"]): ExerciseKey => ({
  ...exercise,
  parts: [{ name: exercise.answers.join(", "), points: exercise.points, check }],
});

const EXERCISES: ExerciseKey[] = [
  {
    exercise: 1,
    title: "MSE gradient",
    points: 1,
    answers: ["mse", "grad"],
    parts: [
      { name: "mse", points: 0.5, check: (a) => compareNumber("mse", a.mse, mse(yPred, yTrue), TOL) },
      {
        name: "grad",
        points: 0.5,
        check: (a) => {
          const verdict = compareVector("grad", a.grad, grad, TOL);
          const unscaled = grad.map((g) => g * yTrue.length);
          return withHint(verdict, compareVector("grad", a.grad, unscaled, TOL).ok, "the mean divides the gradient by N too");
        },
      },
    ],
  },
  whole({ exercise: 2, title: "Huber loss", points: 1, answers: ["huber"] }, (a) =>
    compareVector("huber", a.huber, vector(huber(residual, { delta: 1.0 })), TOL),
  ),
  whole({ exercise: 3, title: "BCE from logits", points: 1, answers: ["loss"] }, (a) =>
    compareVector("loss", a.loss, vector(bceWithLogits(z, y)), TOL),
  ),
  {
    exercise: 4,
    title: "Stable softmax CE",
    points: 2,
    answers: ["ce"],
    parts: [
      { name: "ce[0] (ordinary logits)", points: 1, check: (a) => compareElement("ce", a.ce, ce, 0, TOL) },
      {
        name: "ce[1] (logits near 1000)",
        points: 1,
        check: (a) => {
          const verdict = compareElement("ce", a.ce, ce, 1, TOL);
          const got = elementOf(a.ce, 1);
          return withHint(verdict, typeof got === "number" && !Number.isFinite(got), "subtract each row's max before exponentiating (log-sum-exp)");
        },
      },
    ],
  },
  whole({ exercise: 5, title: "Masked sequence loss", points: 2, answers: ["maskedMean"] }, (a) =>
    withHint(
      compareNumber("maskedMean", a.maskedMean, maskedMean(losses, mask), TOL),
      a.maskedMean?.ok === true && typeof a.maskedMean.value === "number" && isClose(a.maskedMean.value, paddedMean, TOL),
      "divide by the number of valid tokens, not by the padded length",
    ),
  ),
  whole({ exercise: 6, title: "Focal loss", points: 2, answers: ["focal"] }, (a) =>
    compareVector("focal", a.focal, vector(focalLoss(pt, { gamma: 2.0 })), TOL),
  ),
  whole({ exercise: 7, title: "InfoNCE", points: 2, answers: ["loss"] }, (a) =>
    compareVector("loss", a.loss, vector(infoNCE(sim, { temperature: 0.5 })), TOL),
  ),
  whole({ exercise: 8, title: "Triplet loss", points: 3, answers: ["loss"] }, (a) =>
    compareNumber("loss", a.loss, tripletLoss([0.0, 0.0], [0.4, 0.0], [0.6, 0.0], { margin: 0.5 }), TOL),
  ),
  whole({ exercise: 9, title: "Preference loss", points: 3, answers: ["loss"] }, (a) =>
    compareVector("loss", a.loss, vector(preferenceLoss([-2.0, -1.5], [-3.0, -1.0], [-2.2, -1.4], [-2.8, -1.1], { beta: 0.2 })), TOL),
  ),
  whole({ exercise: 10, title: "Loss balancing", points: 3, answers: ["shares"] }, (a) =>
    withHint(
      compareRecord("shares", a.shares, lossShares(terms, weights), TOL),
      compareRecord("shares", a.shares, rawShares, TOL).ok,
      "weigh each term before dividing by the weighted total",
    ),
  ),
];

/** The answer key of notebooks/loss-functions-exercises.ipynb: ten exercises, 20 points. */
export const LOSS_FUNCTIONS_KEY: AssignmentKey = {
  notebook: "loss-functions-exercises.ipynb",
  tolerance: TOL,
  exercises: EXERCISES,
};
