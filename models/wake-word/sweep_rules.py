"""Replays score traces (score_streams.py) under hit rules and reports, per rule, the threshold that the
calibration rule would pick on these streams (the lowest with at most 0.25 false accepts per hour,
calibrate-wake-threshold.ts's grid) and the keyword misses there. Run it on *dev* traces to choose; on eval
traces only to report (never to choose anything).

    /usr/bin/python3 models/wake-word/sweep_rules.py DEV_TRACES.npz [EVAL_TRACES.npz]

Rules: which nets are averaged (each alone, all), k consecutive evaluations at or over the threshold
(`min_consecutive`), and the mean of the last m scores (m = 1: the raw score, what the engine does now).
With EVAL_TRACES, the dev-calibrated threshold of each rule is applied to eval as well.
"""

import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET_FA_PER_HOUR = 0.25
REFRACTORY_S = 1.5
KW = ["xin_chao_robot", "hello_robot"]


def grid():
    i = np.arange(1500)
    return np.where(i <= 999, 0.5 + 0.499 * i / 999, 1 - 0.001 * 10 ** (-(i - 999) / 250))


def rule_scores(probs, nets, k, m):
    """[N, 2] scores whose crossing of a threshold is a hit under the rule (a run of k = the min over k)."""
    s = probs[list(nets)].mean(0)
    if m > 1:
        c = np.cumsum(np.concatenate([np.zeros((m, 2), np.float32), s]), 0)
        s = (c[m:] - c[:-m]) / m
    if k > 1:
        s = np.stack([s[j : len(s) - k + 1 + j] for j in range(k)]).min(0)
        s = np.concatenate([np.zeros((k - 1, 2), np.float32), s])
    return s


def detect(t, s, th):
    """Detections (time, keyword index) with the refractory period (wake-metrics.ts's detectFromTrace)."""
    out, quiet = [], -np.inf
    for i in np.nonzero((s >= th).any(1))[0]:
        if t[i] < quiet:
            continue
        kw = 0 if s[i, 0] >= th and (s[i, 1] < th or s[i, 0] >= s[i, 1]) else 1
        out.append((t[i], kw))
        quiet = t[i] + REFRACTORY_S
    return out


def missed(events, dets):
    """Per keyword event: True when no detection of its keyword falls between its start and 1 s after its end."""
    times = np.array([d[0] for d in dets]) if dets else np.zeros(0)
    out = []
    for e in events:
        kw = KW.index(e["keyword"])
        a, b = np.searchsorted(times, e["start"]), np.searchsorted(times, e["end"] + 1.0, side="right")
        out.append(not any(dets[j][1] == kw for j in range(a, b)))
    return out


def frr(events, dets):
    miss, cnt = np.zeros(2), np.zeros(2)
    for e, m in zip(events, missed(events, dets)):
        kw = KW.index(e["keyword"])
        cnt[kw] += 1
        miss[kw] += m
    return miss / np.maximum(cnt, 1)


def calibrate(tr, nets, k, m):
    t, s = tr["negatives_time"], rule_scores(tr["negatives_probs"], nets, k, m)
    hours = float(tr["negatives_seconds"]) / 3600
    g = grid()
    lo, hi = 0, len(g)  # false accepts fall as the threshold rises: bisect for the first grid point under
    while lo < hi:
        mid = (lo + hi) // 2
        if len(detect(t, s, g[mid])) / hours <= TARGET_FA_PER_HOUR:
            hi = mid
        else:
            lo = mid + 1
    return float(g[lo]) if lo < len(g) else 0.99999


def evaluate(tr, events, nets, k, m, th):
    sp = rule_scores(tr["positives_probs"], nets, k, m)
    sn = rule_scores(tr["negatives_probs"], nets, k, m)
    fa = len(detect(tr["negatives_time"], sn, th)) / (float(tr["negatives_seconds"]) / 3600)
    return frr(events, detect(tr["positives_time"], sp, th)), fa


def fa_budget_frr(tr, events, nets, k, m, budget):
    """FRR at the lowest grid threshold with <= budget FA/h on these streams (an oracle: report only)."""
    global TARGET_FA_PER_HOUR
    saved, TARGET_FA_PER_HOUR = TARGET_FA_PER_HOUR, budget
    try:
        th = calibrate(tr, nets, k, m)
    finally:
        TARGET_FA_PER_HOUR = saved
    return th, evaluate(tr, events, nets, k, m, th)


def load(path):
    z = dict(np.load(path))
    with open(os.path.join(str(z["stream_dir"]), "positives.json")) as f:
        return z, json.load(f)["keywords"]


def main():
    dev, dev_ev = load(sys.argv[1])
    ev = load(sys.argv[2]) if len(sys.argv) > 2 else None
    n = dev["positives_probs"].shape[0]
    combos = [(j,) for j in range(n)] + ([tuple(range(n))] if n > 1 else [])
    rows = []
    for nets in combos:
        for k in (1, 2, 3, 4):
            for m in (1, 2, 3, 5):
                if k > 1 and m > 1:
                    continue
                th = calibrate(dev, nets, k, m)
                fr, fa = evaluate(dev, dev_ev, nets, k, m, th)
                row = {"nets": nets, "k": k, "m": m, "threshold": round(th, 6), "dev_frr": fr.round(4).tolist(),
                       "dev_fa_h": round(fa, 3)}
                if ev:
                    efr, efa = evaluate(ev[0], ev[1], nets, k, m, th)
                    row.update(eval_frr=efr.round(4).tolist(), eval_fa_h=round(efa, 2))
                    oth, (ofr, ofa) = fa_budget_frr(ev[0], ev[1], nets, k, m, 0.5)
                    row.update(eval_oracle_0_5={"threshold": round(oth, 5), "frr": ofr.round(4).tolist(),
                                                "fa_h": round(ofa, 2)})
                rows.append(row)
                print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
