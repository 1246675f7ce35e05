"""The seed notebook's helpers, verbatim (its code cell 3): the numpy cases use them as the notebook does."""
import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def logsumexp(logits, axis=-1):
    m = np.max(logits, axis=axis, keepdims=True)
    return np.squeeze(m + np.log(np.sum(np.exp(logits - m), axis=axis, keepdims=True)), axis=axis)


def softmax(logits, axis=-1):
    shifted = logits - np.max(logits, axis=axis, keepdims=True)
    exp_shifted = np.exp(shifted)
    return exp_shifted / np.sum(exp_shifted, axis=axis, keepdims=True)
