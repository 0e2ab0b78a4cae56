#!/usr/bin/env python3
"""The SciPy side of `npm run bench:drift`: the same drift tests on the same data, timed.

Reads the JSON written by scripts/drift-bench-data.ts (reference and current, 10 columns each) and
times, per column, what the browser's report computes: Evidently's default test (reference over
1,000 rows: normed Wasserstein for numerical columns, Jensen-Shannon over value shares for
categorical ones) and the data-quality figures (missing count, min, max, mean, std, unique values,
top 10 values). Loading the file is not timed. Prints one JSON line: {"scipyReport100kx10Ms": ...}.
NumPy arrays and Counter stand in for pandas, which Evidently uses (and which is slower), so the
reference time is, if anything, on the fast side.
"""
import json
import sys
import time
from collections import Counter

import numpy as np
from scipy.spatial.distance import jensenshannon
from scipy.stats import wasserstein_distance


def numeric(values):
    a = np.asarray(values, dtype=float)
    return a[np.isfinite(a)]


def quality_numeric(a, rows):
    return {"missing": rows - a.size, "min": float(a.min()), "max": float(a.max()), "mean": float(a.mean()), "std": float(a.std()), "unique": int(np.unique(a).size)}


def quality_categorical(values):
    counts = Counter(v for v in values if v is not None and v != "")
    return counts, {"missing": len(values) - sum(counts.values()), "unique": len(counts), "top": counts.most_common(10)}


def report(reference, current):
    drifted = 0
    for ref, cur in zip(reference, current):
        if ref["kind"] == "numerical":
            r, c = numeric(ref["values"]), numeric(cur["values"])
            quality_numeric(r, len(ref["values"]))
            quality_numeric(c, len(cur["values"]))
            score = wasserstein_distance(r, c) / max(float(np.std(r)), 0.001)
        else:
            rc, _ = quality_categorical(ref["values"])
            cc, _ = quality_categorical(cur["values"])
            keys = sorted(set(rc) | set(cc))
            p = np.array([rc.get(k, 0) for k in keys], dtype=float)
            q = np.array([cc.get(k, 0) for k in keys], dtype=float)
            score = float(jensenshannon(p / p.sum(), q / q.sum()))
        drifted += score >= 0.1
    return drifted


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f)
    report(data["reference"], data["current"])  # warm-up, as the browser side warms its JIT
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        drifted = report(data["reference"], data["current"])
        times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({"scipyReport100kx10Ms": round(sorted(times)[1], 1), "scipyDriftedColumns": int(drifted)}))


if __name__ == "__main__":
    main()
