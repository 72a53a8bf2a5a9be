"""Exports the average of trained wake word nets as one ONNX graph, with golden vectors.

    /usr/bin/python3 models/wake-word/export_ensemble.py OUT_DIR NORM:CHECKPOINT [NORM:CHECKPOINT ...]

e.g. `. mean:.cache/wakenet-mean-mined.pt cmn:.cache/wakenet-cmn-mined.pt` (NORM: the net's input
normalisation, model.py). A single checkpoint exports that net alone (same graph interface).
`--combine min` (before OUT_DIR): each keyword's probability is the smallest of the nets' ("all agree"),
"none" takes the rest; the default averages the nets' probabilities.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads BLAS

import json
import sys

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import train  # noqa: E402
from model import load_nets  # noqa: E402
from voicelib.clips import CACHE  # noqa: E402


class Ensemble(nn.Module):
    def __init__(self, nets, combine="mean"):
        super().__init__()
        self.nets = nn.ModuleList(nets)
        self.combine = combine

    def forward(self, feats):
        probs = torch.stack([torch.softmax(n(feats), dim=1) for n in self.nets])
        if self.combine == "mean":
            return probs.mean(dim=0)
        kw = probs[:, :, 1:].amin(dim=0)  # keywords: the most sceptical net's probability
        return torch.cat([1 - kw.sum(dim=1, keepdim=True), kw], dim=1)


def main():
    args = sys.argv[1:]
    combine = "mean"
    if args[:1] == ["--combine"]:
        combine, args = args[1], args[2:]
        assert combine in ("mean", "min"), f"--combine mean|min, not {combine}"
    out = os.path.abspath(args[0])
    nets = load_nets(args[1:])
    names = [f"{norm}:{os.path.basename(path)}" for norm, path in (a.split(":", 1) for a in args[1:])]
    model = Ensemble(nets, combine).eval()
    z = np.load(os.path.join(CACHE, "windows_train.npz"))
    y = z["y"]
    val = np.random.default_rng(train.SEED).permutation(len(y))[: len(y) // 20]  # train.py's first draw
    Xv, yv = z["X"][val], y[val]
    path = os.path.join(out, "wakeword.onnx")
    torch.onnx.export(model, torch.from_numpy(Xv[:1].astype(np.float32)), path, input_names=["features"],
                      output_names=["probs"], dynamic_axes={"features": {0: "batch"}, "probs": {0: "batch"}},
                      opset_version=13)
    meta = {"labels": train.LABELS, "frames": int(Xv.shape[1]), "mels": int(Xv.shape[2]), "threshold": 0.9,
            "seed": train.SEED, "nets": names, **({"combine": combine} if combine != "mean" else {})}
    with open(os.path.join(out, "wakeword.json"), "w") as f:
        json.dump(meta, f, indent=2)
    train.FIXTURES = train.FIXTURES if out == os.path.abspath(HERE) else out
    train.write_golden(model, Xv, yv)
    print("exported", path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
