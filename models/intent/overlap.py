"""How close each evaluation split is to a training set: for every evaluation sentence, the cosine similarity
of its nearest training sentence in the same language (TF-IDF over character 3-grams of the normalised text,
within word boundaries). A split whose sentences have near-twins in training measures memory, not
generalisation; comparing two training sets (before and after new phrase pools) shows whether the new
phrasing drifted towards an evaluation split.

Run: /usr/bin/python3 models/intent/overlap.py [TRAIN.jsonl ...]      (default data/train.jsonl)
Prints a table per training file and, last, one JSON line. Needs Debian's python3-sklearn.
"""

from __future__ import annotations

import json
import os
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from features import normalise
import splits

HERE = os.path.dirname(os.path.abspath(__file__))
SPLITS = tuple(f"{name}.jsonl" for name in splits.EVAL)
LANGS = ("vi", "en", "hi", "ur")
BANDS = (0.8, 0.9)


def load(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def nearest(train: list[dict], rows: list[dict]) -> np.ndarray:
    """Similarity of each row's nearest training sentence of the same language."""
    out = np.zeros(len(rows))
    for lang in LANGS:
        t = [normalise(r["text"]) for r in train if r["lang"] == lang]
        idx = [i for i, r in enumerate(rows) if r["lang"] == lang]
        if not t or not idx:
            continue
        vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 3), sublinear_tf=True).fit(t)
        sims = vec.transform([normalise(rows[i]["text"]) for i in idx]) @ vec.transform(t).T
        best = sims.max(axis=1).toarray().ravel()
        out[idx] = best
    return out


def main(argv: list[str]) -> None:
    trains = argv or [os.path.join(HERE, "data", "train.jsonl")]
    report: dict = {}
    for path in trains:
        train = load(path)
        name = os.path.relpath(path)
        report[name] = {}
        print(f"{name} ({len(train)} sentences): nearest training sentence, same language")
        print(f"  {'split':<12}{'n':>5}{'mean':>8}{'>= 0.8':>9}{'>= 0.9':>9}")
        for split in SPLITS:
            rows = load(os.path.join(HERE, "data", split))
            best = nearest(train, rows)
            entry = {"n": len(rows), "mean": round(float(best.mean()), 4)}
            for band in BANDS:
                entry[f"share_ge_{band}"] = round(float((best >= band).mean()), 4)
            report[name][split.removesuffix(".jsonl")] = entry
            print(
                f"  {split.removesuffix('.jsonl'):<12}{len(rows):>5}{entry['mean']:>8.3f}"
                f"{entry['share_ge_0.8']:>9.1%}{entry['share_ge_0.9']:>9.1%}"
            )
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1:])
