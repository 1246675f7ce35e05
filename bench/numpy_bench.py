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

sys.dont_write_bytecode = True  # no __pycache__ in the work tree

import numpy as np  # noqa: E402

from numpy_cases import CASES  # noqa: E402


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
    chunk = 1 << 16
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
