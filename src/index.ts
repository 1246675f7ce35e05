/**
 * losslab — ML loss functions with analytic gradients and numerically stable maths, for teaching.
 * Every loss returns per-element values (or a reduced number) and has a `…Grad` beside it.
 */
export { LossInputError } from "./core/errors";
export type { LossErrorCode } from "./core/errors";
export type { Matrix, NestedFloat64, Reduction, Tensor, Vector } from "./core/types";

export { sigmoid, logSigmoid } from "./helpers/sigmoid";
export { logaddexp } from "./helpers/logaddexp";
export { logsumexp } from "./helpers/logsumexp";
export { softmax, logSoftmax } from "./helpers/softmax";

export { header } from "./checks/header";
export { checkClose } from "./checks/checkClose";
export { checkTrue } from "./checks/checkTrue";
export { allclose } from "./checks/allclose";
export { formatValue } from "./checks/formatValue";

export { mse, mseGrad } from "./losses/mse";
export type { MseOptions } from "./losses/mse";

// — elementwise losses: huber, smoothL1, bceWithLogits, focalLoss, sigmoidFocalLoss (section owned by helper L1)
export { huber, huberGrad } from "./losses/huber";
export type { HuberOptions } from "./losses/huber";
export { smoothL1, smoothL1Grad } from "./losses/smoothL1";
export type { SmoothL1Options } from "./losses/smoothL1";
export { bceWithLogits, bceWithLogitsGrad } from "./losses/bceWithLogits";
export type { BceWithLogitsOptions } from "./losses/bceWithLogits";
export { focalLoss, focalLossGrad } from "./losses/focalLoss";
export type { FocalLossOptions } from "./losses/focalLoss";
export { sigmoidFocalLoss, sigmoidFocalLossGrad } from "./losses/sigmoidFocalLoss";
export type { SigmoidFocalLossOptions } from "./losses/sigmoidFocalLoss";
// — end elementwise losses

// — row-wise losses: softmaxCrossEntropy, maskedMean, infoNCE, clipLoss (section owned by helper L2)
export { softmaxCrossEntropy, softmaxCrossEntropyGrad } from "./losses/softmaxCrossEntropy";
export type { SoftmaxCrossEntropyOptions } from "./losses/softmaxCrossEntropy";
export { maskedMean, maskedMeanGrad } from "./losses/maskedMean";
export type { MaskedMeanOptions } from "./losses/maskedMean";
export { infoNCE, infoNCEGrad } from "./losses/infoNCE";
export type { InfoNCEOptions } from "./losses/infoNCE";
export { clipLoss, clipLossGrad } from "./losses/clipLoss";
export type { ClipLossGradOut, ClipLossOptions } from "./losses/clipLoss";
// — end row-wise losses

// — pair and balance losses: tripletLoss, marginRankingLoss, preferenceLoss, preferenceRewards, lossShares (helper L3)
export { tripletLoss, tripletLossGrad } from "./losses/tripletLoss";
export type { TripletDistance, TripletLossGradient, TripletLossGradOut, TripletLossOptions } from "./losses/tripletLoss";
export { marginRankingLoss, marginRankingLossGrad } from "./losses/marginRankingLoss";
export type { MarginRankingLossGradient, MarginRankingLossGradOut, MarginRankingLossOptions } from "./losses/marginRankingLoss";
export { preferenceLoss, preferenceLossGrad } from "./losses/preferenceLoss";
export type { PreferenceLossGradient, PreferenceLossGradOut, PreferenceLossOptions, PreferenceLossType } from "./losses/preferenceLoss";
export { preferenceRewards } from "./losses/preferenceRewards";
export type { PreferenceRewards, PreferenceRewardsOptions } from "./losses/preferenceRewards";
export { lossShares } from "./losses/lossShares";
// — end pair and balance losses
export * from "./charts/index";
