"""The baseline bench:nlu compares against, designed by others: scikit-learn's TF-IDF (word 1-2-grams and
char 2-4-grams within word boundaries, sublinear tf) + multinomial logistic regression, out of the box,
with out-of-scope as a class plus a max-probability threshold chosen by the same rules as ours:
  CLINC150  the threshold with the best accuracy on val + oos_val, scored on test + oos_test;
  own data  trained on data/train.jsonl, the threshold that maximises in-scope accuracy + OOS recall with
            at most 3 % of in-scope inputs rejected on the development splits (as train.py does); scored on
            every split of data/splits.json (validation at the top level, the others under "splits").
Latency: predict_proba on one utterance at a time after 200 warm-up calls, one thread, wall clock and CPU
time of the process (bench:nlu runs this script pinned to the same CPU as our model). Size: pickle bytes.
Prints one JSON line. Needs Debian's python3-sklearn.

Run: OMP_NUM_THREADS=1 /usr/bin/python3 models/intent/baseline.py
"""

from __future__ import annotations

import json
import os
import pickle
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline, make_union

from evaluate import _best_threshold, _rates, decide
from generate import find_clinc
import splits

HERE = os.path.dirname(os.path.abspath(__file__))


def make_model():
    return make_pipeline(
        make_union(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=2),
        ),
        LogisticRegression(C=10.0, max_iter=100),
    )


def aligned(model, texts: list[str], labels: list[str]) -> np.ndarray:
    """predict_proba with columns in `labels` order."""
    p = model.predict_proba(texts)
    cols = [list(model.classes_).index(name) for name in labels]
    return p[:, cols]


def latency(model, texts: list[str]) -> dict:
    for t in texts[:200]:
        model.predict_proba([t])
    times, cpu = [], []
    for t in texts[:1000]:
        c0 = time.process_time()
        t0 = time.perf_counter()
        model.predict_proba([t])
        times.append((time.perf_counter() - t0) * 1000.0)
        cpu.append((time.process_time() - c0) * 1000.0)
    return {
        "p50_ms": float(np.percentile(times, 50)),
        "p99_ms": float(np.percentile(times, 99)),
        "cpu_p50_ms": float(np.percentile(cpu, 50)),
        "cpu_p99_ms": float(np.percentile(cpu, 99)),
    }


def clinc() -> dict:
    with open(os.path.join(find_clinc(), "data_full.json"), encoding="utf-8") as f:
        d = json.load(f)
    train = d["train"] + d["oos_train"]
    model = make_model().fit([t for t, _ in train], [i for _, i in train])
    labels = list(model.classes_)
    oos = labels.index("oos")

    def scores(split: str, t: float) -> dict:
        rows = d[split] + d[f"oos_{split}"]
        p = aligned(model, [x for x, _ in rows], labels)
        y = np.array([labels.index(i) for _, i in rows])
        pred = np.where((p.max(1) < t) & (p.argmax(1) != oos), oos, p.argmax(1))
        ins = y != oos
        return {
            "accuracy": float((pred == y).mean()),
            "in_scope_accuracy": float((pred[ins] == y[ins]).mean()),
            "oos_recall": float((pred[~ins] == oos).mean()),
        }

    grid = [round(float(t), 2) for t in np.arange(0.0, 0.96, 0.01)]
    best = max(grid, key=lambda t: (scores("val", t)["accuracy"], -t))
    test = scores("test", best)
    return {
        "threshold": best,
        "in_scope_accuracy": test["in_scope_accuracy"],
        "oos_recall": test["oos_recall"],
        "model_bytes": len(pickle.dumps(model)),
        "latency": latency(model, [t for t, _ in d["test"]]),
    }


def own() -> dict:
    def load(name: str) -> list[dict]:
        with open(os.path.join(HERE, "data", name), encoding="utf-8") as f:
            return [json.loads(x) for x in f if x.strip()]

    train = load("train.jsonl")
    rows = {name: load(f"{name}.jsonl") for name in splits.EVAL}
    val = rows["validation"]
    model = make_model().fit([r["text"] for r in train], [r["intent"] for r in train])
    labels = list(model.classes_)
    dev = [r for name in splits.DEV for r in rows[name]]  # the development splits train.py calibrates on
    t = _best_threshold(dev, aligned(model, [r["text"] for r in dev], labels), labels)

    def scores(rows: list[dict]) -> dict:
        preds = [decide(row, t, labels)[0] for row in aligned(model, [r["text"] for r in rows], labels)]
        out: dict = _rates(rows, preds)
        for lang in ("vi", "en", "hi", "ur"):
            idx = [i for i, r in enumerate(rows) if r["lang"] == lang]
            out[lang] = float(np.mean([preds[i] == rows[i]["intent"] for i in idx]))
        return out

    out: dict = {"threshold": t.threshold, "oos_min": t.oos_min, **scores(val)}
    out["splits"] = {name: scores(rows[name]) for name in splits.EVAL if name != "validation"}
    out["model_bytes"] = len(pickle.dumps(model))
    out["latency"] = latency(model, [r["text"] for r in val] * 2)
    return out


def main() -> None:
    t0 = time.time()
    result = {"name": "tfidf_logreg (scikit-learn)", "own": own(), "clinc150": clinc()}
    result["train_seconds"] = round(time.time() - t0, 1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
