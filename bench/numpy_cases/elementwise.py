"""Elementwise losses in numpy, written the way the seed notebook writes them.

Each case takes the inputs (a dict of arrays named as in bench/cases/elementwise.ts) and the option values, and
returns (value, grad, both) closures; `both` shares intermediates the way a notebook computing both would.
"""
import numpy as np

from .seed import sigmoid


def case_mse(x, p):
    y_pred, y_true = x["yPred"], x["yTrue"]

    def value():
        residual = y_pred - y_true
        return np.mean(residual ** 2)

    def grad():
        residual = y_pred - y_true
        return 2 * residual / len(residual)

    def both():
        residual = y_pred - y_true
        return np.mean(residual ** 2), 2 * residual / len(residual)

    return value, grad, both


def case_huber(x, p):
    residual, delta = x["residual"], p["delta"]

    def value():
        return np.where(np.abs(residual) <= delta, 0.5 * residual ** 2, delta * (np.abs(residual) - 0.5 * delta))

    def grad():
        return np.where(np.abs(residual) <= delta, residual, delta * np.sign(residual))

    def both():
        abs_r = np.abs(residual)
        small = abs_r <= delta
        return (np.where(small, 0.5 * residual ** 2, delta * (abs_r - 0.5 * delta)),
                np.where(small, residual, delta * np.sign(residual)))

    return value, grad, both


def case_smooth_l1(x, p):
    residual, beta = x["residual"], p["beta"]

    def value():
        return np.where(np.abs(residual) < beta, 0.5 * residual ** 2 / beta, np.abs(residual) - 0.5 * beta)

    def grad():
        return np.where(np.abs(residual) < beta, residual / beta, np.sign(residual))

    def both():
        abs_r = np.abs(residual)
        small = abs_r < beta
        return (np.where(small, 0.5 * residual ** 2 / beta, abs_r - 0.5 * beta),
                np.where(small, residual / beta, np.sign(residual)))

    return value, grad, both


def case_bce(x, p):
    z, y = x["logits"], x["targets"]

    def value():
        return np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))

    def grad():
        return sigmoid(z) - y

    def both():
        return value(), grad()

    return value, grad, both


def case_focal(x, p):
    pt, gamma = x["pt"], p["gamma"]

    def value():
        bce = -np.log(pt)
        return ((1 - pt) ** gamma) * bce

    def grad():
        return gamma * (1 - pt) ** (gamma - 1) * np.log(pt) - (1 - pt) ** gamma / pt

    def both():
        log_pt = np.log(pt)
        q = 1 - pt
        return -(q ** gamma) * log_pt, gamma * q ** (gamma - 1) * log_pt - q ** gamma / pt

    return value, grad, both


def case_sigmoid_focal(x, p):
    # torchvision.ops.sigmoid_focal_loss, with its gradient written out.
    z, y, alpha, gamma = x["logits"], x["targets"], p["alpha"], p["gamma"]

    def parts():
        prob = sigmoid(z)
        ce = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
        p_t = prob * y + (1 - prob) * (1 - y)
        alpha_t = alpha * y + (1 - alpha) * (1 - y)
        return prob, ce, p_t, alpha_t

    def loss(ce, p_t, alpha_t):
        return alpha_t * ce * (1 - p_t) ** gamma

    def dloss(prob, ce, p_t, alpha_t):
        dp_t = prob * (1 - prob) * (2 * y - 1)
        return alpha_t * ((1 - p_t) ** gamma * (prob - y) - gamma * (1 - p_t) ** (gamma - 1) * dp_t * ce)

    def value():
        _, ce, p_t, alpha_t = parts()
        return loss(ce, p_t, alpha_t)

    def grad():
        return dloss(*parts())

    def both():
        prob, ce, p_t, alpha_t = parts()
        return loss(ce, p_t, alpha_t), dloss(prob, ce, p_t, alpha_t)

    return value, grad, both


def case_dpo(x, p):
    logp_w, logp_l, ref_w, ref_l, beta = x["logpW"], x["logpL"], x["refW"], x["refL"], p["beta"]

    def value():
        advantage = beta * ((logp_w - ref_w) - (logp_l - ref_l))
        return np.logaddexp(0.0, -advantage)

    def grads(advantage):
        g = -beta * sigmoid(-advantage)
        return {"logpW": g, "logpL": -g, "refW": -g, "refL": g}

    def grad():
        return grads(beta * ((logp_w - ref_w) - (logp_l - ref_l)))

    def both():
        advantage = beta * ((logp_w - ref_w) - (logp_l - ref_l))
        return np.logaddexp(0.0, -advantage), grads(advantage)

    return value, grad, both


def case_margin_ranking(x, p):
    x1, x2, y, margin = x["x1"], x["x2"], x["y"], p["margin"]

    def value():
        return np.maximum(0.0, -y * (x1 - x2) + margin)

    def grads(loss):
        g = np.where(loss > 0, -y, 0.0)
        return {"x1": g, "x2": -g}

    def grad():
        return grads(value())

    def both():
        loss = value()
        return loss, grads(loss)

    return value, grad, both
