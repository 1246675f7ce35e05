#!/usr/bin/env python3
"""The numpy side of losslab's benchmark: each case written the idiomatic way the seed notebook writes it.

Reads one JSON request per line on stdin and answers each with one JSON line on stdout. The first line it prints
describes the interpreter. A request names a case (the ids of bench/cases/*.ts), its inputs (the same generator
as bench/data.ts, so both sides see identical data), the option values, the tasks to time and the protocol:

  {"id": "bce", "dtype": "f64", "shape": [1000], "params": {},
   "inputs": [{"name": "logits", "dist": {"kind": "normal", "mean": 0, "sd": 3}, "stream": 1, "shape": [1000]}, ...],
   "tasks": ["value", "grad", "both"],
   "protocol": {"warmupMs": 100, "warmupIters": 2, "timeMs": 500, "minSamples": 5}}

Timing protocol (tinybench's, as bench/measure.ts uses it): warm up until at least warmupMs have passed in calls
and warmupIters calls were made; then one sample per call until the samples add up to timeMs and number at least
minSamples. Reported: median and median absolute deviation of the samples, in milliseconds.
"""
import json
import platform
import sys
import time

import numpy as np


# ---- the seed notebook's helpers, verbatim ----
def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def logsumexp(logits, axis=-1):
    m = np.max(logits, axis=axis, keepdims=True)
    return np.squeeze(m + np.log(np.sum(np.exp(logits - m), axis=axis, keepdims=True)), axis=axis)


def softmax(logits, axis=-1):
    shifted = logits - np.max(logits, axis=axis, keepdims=True)
    exp_shifted = np.exp(shifted)
    return exp_shifted / np.sum(exp_shifted, axis=axis, keepdims=True)


# ---- the cases: each returns (value, grad, both) closures over its inputs ----
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


CASES = {
    "mse": case_mse, "huber": case_huber, "smoothL1": case_smooth_l1, "bce": case_bce, "focal": case_focal,
    "sigmoidFocal": case_sigmoid_focal, "dpo": case_dpo, "marginRanking": case_margin_ranking,
    "softmaxCE": case_softmax_ce, "infoNCE": case_info_nce, "maskedMean": case_masked_mean,
    "triplet": case_triplet, "clip": case_clip,
}


# ---- inputs: the generator of bench/data.ts ----
def hash32(x):
    """lowbias32 on a uint32 array (multiplication wraps mod 2**32, as Math.imul)."""
    x = x ^ (x >> np.uint32(16))
    x = x * np.uint32(0x7FEB352D)
    x = x ^ (x >> np.uint32(15))
    x = x * np.uint32(0x846CA68B)
    return x ^ (x >> np.uint32(16))


def hash_scalar(v):
    return int(hash32(np.array([v % 2 ** 32], dtype=np.uint32))[0])


def unit(base, start, stop):
    i = np.arange(start, stop, dtype=np.uint32) + np.uint32(base)  # wraps mod 2**32
    return (hash32(i).astype(np.float64) + 0.5) / 4294967296.0


def generate(spec, dtype):
    n = int(np.prod(spec["shape"]))
    dist, stream = spec["dist"], spec["stream"]
    b1, b2 = hash_scalar(2 * stream), hash_scalar(2 * stream + 1)
    out = np.empty(n, dtype=np.int64 if dist["kind"] == "index" else dtype)
    chunk = 1 << 22
    for s in range(0, n, chunk):
        e = min(n, s + chunk)
        u = unit(b1, s, e)
        if dist["kind"] == "normal":
            v = dist["mean"] + dist["sd"] * np.sqrt(-2 * np.log(u)) * np.cos(2 * np.pi * unit(b2, s, e))
        elif dist["kind"] == "uniform":
            v = dist["lo"] + (dist["hi"] - dist["lo"]) * u
        elif dist["kind"] == "bernoulli":
            v = np.where(u < dist["p"], float(dist["hi"]), float(dist["lo"]))
        elif dist["kind"] == "index":
            v = np.floor(u * dist["n"])
        else:
            raise ValueError(f"unknown distribution {dist['kind']!r}")
        out[s:e] = v
    return out.reshape(spec["shape"])


# ---- timing and checksums ----
def measure(fn, protocol):
    ns = time.perf_counter_ns
    total, count = 0.0, 0
    while total < protocol["warmupMs"] or count < protocol["warmupIters"]:
        t0 = ns()
        fn()
        total += (ns() - t0) / 1e6
        count += 1
    samples = []
    total = 0.0
    while total < protocol["timeMs"] or len(samples) < protocol["minSamples"]:
        t0 = ns()
        fn()
        dt = (ns() - t0) / 1e6
        samples.append(dt)
        total += dt
    s = np.array(samples)
    median = float(np.median(s))
    return {"medianMs": median, "madMs": float(np.median(np.abs(s - median))), "minMs": float(s.min()),
            "samples": len(samples)}


def part_sum(v):
    a = np.asarray(v, dtype=np.float64)
    return {"count": int(a.size), "sum": float(np.sum(a)), "l1": float(np.sum(np.abs(a)))}


def checksum(result):
    if isinstance(result, dict):
        return {k: part_sum(v) for k, v in result.items()}
    return {"": part_sum(result)}


def run(request):
    dtype = np.float32 if request["dtype"] == "f32" else np.float64
    inputs = {spec["name"]: generate(spec, dtype) for spec in request["inputs"]}
    fns = dict(zip(("value", "grad", "both"), CASES[request["id"]](inputs, request["params"])))
    results = {}
    with np.errstate(all="ignore"):  # the seed's sigmoid overflows harmlessly to 0 for very negative logits
        for task in request["tasks"]:
            entry = {}
            if task != "both":
                entry["checksum"] = checksum(fns[task]())
            entry.update(measure(fns[task], request["protocol"]))
            results[task] = entry
    return results


def describe():
    info = {"ready": True, "python": platform.python_version(), "numpy": np.__version__}
    try:
        from threadpoolctl import threadpool_info
        info["blas"] = [{k: p.get(k) for k in ("internal_api", "version", "architecture", "num_threads")}
                        for p in threadpool_info()]
    except ImportError:
        pass
    return info


def main():
    print(json.dumps(describe()), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            reply = {"ok": True, "results": run(json.loads(line))}
        except Exception as e:  # reported to the caller, which shows it in the table
            reply = {"ok": False, "error": f"{type(e).__name__}: {e}"}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
