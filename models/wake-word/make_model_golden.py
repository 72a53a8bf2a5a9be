"""Rewrites packages/voice/fixtures/golden-wakeword.json from the trained weights (.cache/wakenet.pt) and
the same validation windows train.py uses, without retraining (train.py writes it too).

    /usr/bin/python3 models/wake-word/make_model_golden.py
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads BLAS

import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import train  # noqa: E402
from model import WakeNet, WakeNetExport  # noqa: E402
from voicelib.clips import CACHE  # noqa: E402


def main():
    z = np.load(os.path.join(CACHE, "windows_train.npz"))
    y = z["y"]
    val = np.random.default_rng(train.SEED).permutation(len(y))[: len(y) // 20]  # train.py's first draw
    norm = sys.argv[1] if len(sys.argv) > 1 else train.NORM
    net = WakeNet(norm=norm)
    state = os.path.join(CACHE, f"wakenet-{norm}.pt")
    if not os.path.exists(state):  # the first 8-epoch run saved it under this name
        state = os.path.join(CACHE, "wakenet.pt")
    net.load_state_dict(torch.load(state))
    train.write_golden(WakeNetExport(net).eval(), z["X"][val], y[val])
    print("golden vectors written")


if __name__ == "__main__":
    main()
