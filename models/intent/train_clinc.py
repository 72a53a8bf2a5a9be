"""Trains the CLINC150 copy of the architecture (bench:nlu): the same features and HashNet as the kiosk
model, one intent head over CLINC150's 150 intents + "oos", trained on `train` + `oos_train`. The threshold
is NOT chosen here: bench:nlu chooses it on `val` + `oos_val` with the exported ONNX model and scores `test`
+ `oos_test`. Writes clinc150/model.onnx and clinc150/model.json; prints the Python-side numbers at the
threshold that maximises validation accuracy, which bench:nlu should reproduce.

Run: nice -n 10 /usr/bin/python3 models/intent/train_clinc.py   (CLINC150_DIR overrides the data folder)
"""

from __future__ import annotations

import json
import os
import time

import numpy as np
import torch

from features import feature_ids, normalise
from generate import find_clinc
from jsonio import dump, prettier
from hashnet import HParams, member_arrays, predict, train_member
from onnx_export import export

HERE = os.path.dirname(os.path.abspath(__file__))
HP = HParams(buckets=1 << 16, dim=64, hidden=256, epochs=20, emb_lr=0.2, members=1, seed=150)


def main() -> None:
    torch.set_num_threads(1)
    t0 = time.time()
    clinc = find_clinc()
    if clinc is None:
        raise SystemExit("CLINC150 not found: set CLINC150_DIR")
    with open(os.path.join(clinc, "data_full.json"), encoding="utf-8") as f:
        d = json.load(f)
    labels = sorted({i for _, i in d["train"]}) + ["oos"]
    index = {name: i for i, name in enumerate(labels)}
    train = d["train"] + d["oos_train"]
    feats = [feature_ids(normalise(t), HP.buckets) for t, _ in train]
    HP.heads = {"intent": len(labels)}
    net = train_member(feats, {"intent": [index[i] for _, i in train]}, HP, HP.seed, log=lambda s: print(s, flush=True))
    members = [member_arrays(net)]
    out_dir = os.path.join(HERE, "clinc150")
    os.makedirs(out_dir, exist_ok=True)
    size = export(members, ["intent"], os.path.join(out_dir, "model.onnx"), {"labels": "model.json"})

    def probs(split: str) -> tuple[np.ndarray, np.ndarray]:
        rows = d[split] + d[f"oos_{split}"]
        p = predict(members, [feature_ids(normalise(t), HP.buckets) for t, _ in rows], "intent")
        return p, np.array([index[i] for _, i in rows])

    oos = index["oos"]

    def scores(p: np.ndarray, y: np.ndarray, t: float) -> dict:
        pred = np.where((p.max(1) < t) & (p.argmax(1) != oos), oos, p.argmax(1))
        ins = y != oos
        return {
            "accuracy": float((pred == y).mean()),
            "in_scope_accuracy": float((pred[ins] == y[ins]).mean()),
            "oos_recall": float((pred[~ins] == oos).mean()),
        }

    pv, yv = probs("val")
    pt, yt = probs("test")
    grid = [round(float(t), 2) for t in np.arange(0.0, 0.96, 0.01)]
    best = max(grid, key=lambda t: (scores(pv, yv, t)["accuracy"], -t))
    meta = {
        "dataset": "CLINC150 full (Larson et al. 2019)",
        "buckets": HP.buckets,
        "labels": labels,
        "hparams": {k: v for k, v in HP.__dict__.items() if k != "heads"},
        "model_bytes": size,
        "python_reference": {"threshold": best, "val": scores(pv, yv, best), "test": scores(pt, yt, best)},
    }
    dump(os.path.join(out_dir, "model.json"), meta)
    prettier([os.path.join(out_dir, "model.json")])
    print(json.dumps(meta["python_reference"]))
    print(f"model {size} bytes, {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
