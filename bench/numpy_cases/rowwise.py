"""Row-wise and pairwise losses in numpy, written the way the seed notebook writes them (see elementwise.py)."""
import numpy as np

from .seed import logsumexp, softmax


def case_softmax_ce(x, p):
    logits, targets = x["logits"], x["targets"]
    rows = np.arange(len(targets))

    def value():
        return -logits[rows, targets] + logsumexp(logits, axis=1)

    def grad():
        g = softmax(logits, axis=1)
        g[rows, targets] -= 1
        return g

    def both():
        lse = logsumexp(logits, axis=1)
        g = np.exp(logits - lse[:, None])
        g[rows, targets] -= 1
        return lse - logits[rows, targets], g

    return value, grad, both


def case_info_nce(x, p):
    sim, temperature = x["sim"], p["temperature"]
    labels = np.arange(sim.shape[0])

    def value():
        logits = sim / temperature
        return -logits[labels, labels] + logsumexp(logits, axis=1)

    def grad():
        g = softmax(sim / temperature, axis=1)
        g[labels, labels] -= 1
        return g / temperature

    def both():
        logits = sim / temperature
        lse = logsumexp(logits, axis=1)
        g = np.exp(logits - lse[:, None])
        g[labels, labels] -= 1
        return lse - logits[labels, labels], g / temperature

    return value, grad, both


def case_masked_mean(x, p):
    losses, mask = x["values"], x["mask"]

    def value():
        return np.sum(losses * mask) / np.sum(mask)

    def grad():
        return mask / np.sum(mask)

    def both():
        total = np.sum(mask)
        return np.sum(losses * mask) / total, mask / total

    return value, grad, both


def case_triplet(x, p):
    anchor, positive, negative, margin = x["anchor"], x["positive"], x["negative"], p.get("margin", 1.0)

    def value():
        d_pos = np.sum((anchor - positive) ** 2, axis=1)
        d_neg = np.sum((anchor - negative) ** 2, axis=1)
        return np.maximum(0.0, d_pos - d_neg + margin)

    def grads(loss):
        active = (loss > 0)[:, None]
        return {"anchor": 2 * (negative - positive) * active,
                "positive": -2 * (anchor - positive) * active,
                "negative": 2 * (anchor - negative) * active}

    def grad():
        return grads(value())

    def both():
        loss = value()
        return loss, grads(loss)

    return value, grad, both


def case_clip(x, p):
    emb_a, emb_b, temperature = x["embA"], x["embB"], p.get("temperature", 0.07)
    labels = np.arange(emb_a.shape[0])

    def forward():
        norm_a = np.linalg.norm(emb_a, axis=1, keepdims=True)
        norm_b = np.linalg.norm(emb_b, axis=1, keepdims=True)
        a, b = emb_a / norm_a, emb_b / norm_b
        logits = a @ b.T / temperature
        return a, b, norm_a, norm_b, logits

    def loss(logits):
        row = logsumexp(logits, axis=1) - logits[labels, labels]
        col = logsumexp(logits, axis=0) - logits[labels, labels]
        return np.mean(0.5 * (row + col))

    def grads(a, b, norm_a, norm_b, logits):
        n = len(labels)
        d = softmax(logits, axis=1) + softmax(logits, axis=0)
        d[labels, labels] -= 2
        d /= 2 * n * temperature
        da, db = d @ b, d.T @ a
        return {"embA": (da - a * np.sum(da * a, axis=1, keepdims=True)) / norm_a,
                "embB": (db - b * np.sum(db * b, axis=1, keepdims=True)) / norm_b}

    def value():
        return loss(forward()[4])

    def grad():
        return grads(*forward())

    def both():
        f = forward()
        return loss(f[4]), grads(*f)

    return value, grad, both
