"""Hard-negative mining for the wake word model: the trained net scores a large fresh set of keyword-free
windows (training voices and noises only: confusable phrases, sentences, word salad, keywords cut off),
and the windows it scores highest for a keyword become extra negatives for a fine-tuning run.

    nice -n 10 /usr/bin/python3 models/wake-word/mine.py [NORM:CHECKPOINT ...]     (seed 5150)

Scores with the mean of the given nets' probabilities (default: mean:.cache/wakenet-mean.pt and
cmn:.cache/wakenet-cmn.pt, the committed ensemble), so the windows mined are the ensemble's errors.
WAKE_MINE_SCALE (default 1) scales the number of candidates (0.65: about 10 minutes on two shared cores).
Reads the training clips; writes .cache/windows_mined.npz.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads BLAS

import sys
from multiprocessing import Pool

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import build_windows as B  # noqa: E402
from model import load_nets  # noqa: E402
from voicelib.clips import CACHE  # noqa: E402

SEED = int(os.environ.get("WAKE_MINE_SEED", "5150"))  # another seed: other windows than an earlier run's
SCALE = float(os.environ.get("WAKE_MINE_SCALE", "1"))
KINDS = {"hard": 20000, "speech": 16000, "partial": 10000, "run": 0}
# WAKE_MINE_KINDS=run:40000,hard:10000 replaces the default candidate counts
if os.environ.get("WAKE_MINE_KINDS"):
    KINDS = {k: int(n) for k, n in (p.split(":") for p in os.environ["WAKE_MINE_KINDS"].split(","))}
CANDIDATES = {k: int(n * SCALE) for k, n in KINDS.items() if n}
OUT = os.environ.get("WAKE_MINE_OUT", "windows_mined.npz")
KEEP = 9000  # at most this many (the highest-scoring), and only those scoring at least MIN_SCORE
MIN_SCORE = 0.05


def main():
    specs = sys.argv[1:] or [f"mean:{os.path.join(CACHE, 'wakenet-mean.pt')}", f"cmn:{os.path.join(CACHE, 'wakenet-cmn.pt')}"]
    torch.set_num_threads(1)
    nets = load_nets(specs)
    jobs = []
    base = SEED * 1_000_003
    for kind, n in CANDIDATES.items():
        jobs += [(kind, base + len(jobs) + i) for i in range(n)]
    with Pool(2, initializer=B._init) as p:
        res = p.map(B.make, jobs, chunksize=256)
    X = np.stack([r[0] for r in res])
    assert all(r[1] == 0 for r in res)
    scores = []
    with torch.no_grad():
        for k in range(0, len(X), 1024):
            xb = torch.from_numpy(X[k : k + 1024].astype(np.float32))
            pr = torch.stack([torch.softmax(n(xb), 1) for n in nets]).mean(0).numpy()
            scores.append(pr[:, 1:].max(1))
    s = np.concatenate(scores)
    kinds = np.array([k for k, _ in jobs])
    print(f"{len(X)} candidate windows scored by {', '.join(specs)}", flush=True)
    for th in (0.05, 0.2, 0.5, 0.9):
        print(f"score >= {th}: " + ", ".join(f"{k} {(s[kinds == k] >= th).mean():.4f}" for k in CANDIDATES), flush=True)
    order = np.argsort(-s)
    keep = order[: KEEP][s[order[:KEEP]] >= MIN_SCORE]
    np.savez(os.path.join(CACHE, OUT), X=X[keep], score=s[keep], kinds=kinds[keep])
    print(f"kept {len(keep)} of {len(X)} (min score {s[keep].min() if len(keep) else 0:.3f})")


if __name__ == "__main__":
    main()
