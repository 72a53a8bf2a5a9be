"""Train the wake word model and export it to ONNX with golden vectors.

    nice -n 10 /usr/bin/python3 models/wake-word/train.py        (seed 20240)

Reads .cache/windows_train.npz (build_windows.py); writes wakeword.onnx, wakeword.json (labels, window,
suggested threshold) and packages/voice/fixtures/golden-wakeword.json (inputs and PyTorch outputs that the
TypeScript engine must reproduce with onnxruntime-node).
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads BLAS

import json
import math
import sys
import time

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from model import WakeNet, WakeNetExport  # noqa: E402
from voicelib.clips import CACHE  # noqa: E402
from voicelib.specaug import voice_augment  # noqa: E402

SEED = int(os.environ.get("WAKE_SEED", "20240"))  # another seed: another member for an ensemble
EPOCHS = int(os.environ.get("WAKE_EPOCHS", "8"))
NEG_PER_EPOCH = 60000  # all positives each epoch, a random subset of the negatives (here: all of them)
BATCH = 256
LABELS = ["none", "xin_chao_robot", "hello_robot"]
FIXTURES = os.path.join(HERE, "..", "..", "packages", "voice", "fixtures")
NORM = os.environ.get("WAKE_NORM", "mean")  # input normalisation in the graph (model.py)
OUT = os.environ.get("WAKE_OUT", HERE)  # where the ONNX, its metadata and the golden vectors go
# fine-tuning on mined hard negatives (mine.py): start from this checkpoint, add .cache/windows_mined.npz
INIT = os.environ.get("WAKE_INIT")
MINED = os.environ.get("WAKE_MINED")
EXTRA = os.environ.get("WAKE_EXTRA")
TAG = os.environ.get("WAKE_TAG", "-mined" if MINED else "")  # checkpoint name: .cache/wakenet-NORM{TAG}.pt
LR = float(os.environ.get("WAKE_LR", "3e-3"))
THREADS = int(os.environ.get("WAKE_THREADS", "1"))
WIDTH = int(os.environ.get("WAKE_WIDTH", "64"))  # channels of the conv layers (model.py)
# keep BatchNorm statistics fixed (nets recovered from ONNX by onnx_to_pt.py have identity BatchNorms)
FREEZE_BN = os.environ.get("WAKE_FREEZE_BN") == "1"
# A fourth class for confusable phrases and cut-off keywords (window kinds below), trained apart from the
# other negatives and folded back into "none" by the net's output (model.py): the exported model is unchanged.
AUX = os.environ.get("WAKE_AUX") == "1"
AUX_KINDS = ("hard", "partial", "mined-hard", "mined-partial")


def spec_augment(x, rng):
    """Random time and frequency masks (in place on a batch [B, T, F])."""
    b, t, f = x.shape
    for i in range(b):
        if rng.random() < 0.5:
            w = rng.integers(1, 8)
            s = rng.integers(0, f - w)
            x[i, :, s : s + w] = x[i].mean()
        if rng.random() < 0.5:
            w = rng.integers(1, 15)
            s = rng.integers(0, t - w)
            x[i, s : s + w, :] = x[i].mean()
    return x


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(THREADS)  # the cores are shared; one thread wastes least under contention
    rng = np.random.default_rng(SEED)
    z = np.load(os.path.join(CACHE, "windows_train.npz"))
    X, y, kinds = z["X"], z["y"], z["kinds"]
    perm = rng.permutation(len(y))
    n_val = len(y) // 20
    val, tr = perm[:n_val], perm[n_val:]
    tr_mined = np.zeros(0, np.int64)
    # mined hard negatives (several files: comma-separated): all in every epoch, on top of the usual negatives
    for path in MINED.split(",") if MINED else []:
        m = np.load(path)
        n0 = len(y)
        X = np.concatenate([X, m["X"]])
        y = np.concatenate([y, np.zeros(len(m["X"]), np.int64)])
        kinds = np.concatenate([kinds, np.char.add("mined-", m["kinds"].astype(str))])
        tr_mined = np.concatenate([tr_mined, np.arange(n0, len(y))])
        print(f"{len(m['X'])} mined hard negatives", flush=True)
    # extra labelled windows (build_windows.py WAKE_WINDOWS=...; several: comma-separated): all in every epoch
    for path in EXTRA.split(",") if EXTRA else []:
        e = np.load(path)
        n0 = len(y)
        X, y, kinds = np.concatenate([X, e["X"]]), np.concatenate([y, e["y"]]), np.concatenate([kinds, e["kinds"]])
        tr_mined = np.concatenate([tr_mined, np.arange(n0, len(y))])
        print(f"{len(e['y'])} extra windows {np.bincount(e['y'], minlength=3).tolist()}", flush=True)
    target = np.where((y == 0) & np.isin(kinds, AUX_KINDS), 3, y) if AUX else y
    if AUX:
        print(f"{int((target == 3).sum())} windows in the confusable class", flush=True)
    net = WakeNet(norm=NORM, c=WIDTH, n_out=4 if AUX else 3)
    if INIT:
        net.load_state_dict(torch.load(INIT))
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-3)
    tr_pos, tr_neg = tr[y[tr] > 0], tr[y[tr] == 0]
    per_epoch = len(tr_pos) + min(NEG_PER_EPOCH, len(tr_neg)) + len(tr_mined)
    steps = EPOCHS * math.ceil(per_epoch / BATCH)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=LR, total_steps=steps, pct_start=0.15)
    lossf = nn.CrossEntropyLoss(label_smoothing=0.02)
    for ep in range(EPOCHS):
        net.train()
        if FREEZE_BN:
            for mod in net.modules():
                if isinstance(mod, nn.BatchNorm1d):
                    mod.eval()
        t0 = time.time()
        order = rng.permutation(np.concatenate([tr_pos, rng.permutation(tr_neg)[:NEG_PER_EPOCH], tr_mined]))
        tot = 0.0
        for k in range(0, len(order), BATCH):
            idx = np.sort(order[k : k + BATCH])
            xb = spec_augment(voice_augment(X[idx].astype(np.float32), rng), rng)
            loss = lossf(net(torch.from_numpy(xb), full=True), torch.from_numpy(target[idx]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            tot += loss.item() * len(idx)
        probs = predict(net, X[val])
        acc = (probs.argmax(1) == y[val]).mean()
        print(f"epoch {ep + 1}/{EPOCHS} loss {tot / len(order):.4f} val acc {acc:.4f} ({time.time() - t0:.0f} s)", flush=True)
    torch.save(net.state_dict(), os.path.join(CACHE, f"wakenet-{NORM}{TAG}.pt"))
    probs = predict(net, X[val])
    report(probs, y[val], kinds[val])
    export(net, X[val], y[val])


def predict(net, X):
    net.eval()
    out = []
    with torch.no_grad():
        for k in range(0, len(X), 1024):
            out.append(torch.softmax(net(torch.from_numpy(X[k : k + 1024].astype(np.float32))), 1).numpy())
    return np.concatenate(out)


def report(probs, y, kinds):
    for th in (0.5, 0.7, 0.8, 0.9, 0.95):
        neg = y == 0
        fa = (probs[neg, 1:].max(1) >= th).mean()
        fr = [(probs[y == c, c] < th).mean() for c in (1, 2)]
        print(f"threshold {th}: window FA {fa:.4f}, FR xin_chao_robot {fr[0]:.4f}, hello_robot {fr[1]:.4f}")
    for k in sorted(set(kinds)):
        m = (kinds == k) & (y == 0)
        if m.any():
            print(f"  negatives '{k}': FA@0.9 {(probs[m, 1:].max(1) >= 0.9).mean():.4f} of {m.sum()}")


def export(net, Xv, yv):
    model = WakeNetExport(net).eval()
    path = os.path.join(OUT, "wakeword.onnx")
    dummy = torch.from_numpy(Xv[:1].astype(np.float32))
    torch.onnx.export(model, dummy, path, input_names=["features"], output_names=["probs"],
                      dynamic_axes={"features": {0: "batch"}, "probs": {0: "batch"}}, opset_version=13)
    meta = {"labels": LABELS, "frames": int(Xv.shape[1]), "mels": int(Xv.shape[2]), "threshold": 0.9,
            "seed": SEED, "epochs": EPOCHS, "norm": NORM}
    with open(os.path.join(OUT, "wakeword.json"), "w") as f:
        json.dump(meta, f, indent=2)
    write_golden(model, Xv, yv)
    print("exported", path, os.path.getsize(path), "bytes")


def write_golden(model, Xv, yv):
    model.eval()  # torch.onnx.export restores the training flag it found; golden outputs need eval mode
    pick = [int(np.nonzero(yv == c)[0][j]) for c in (0, 1, 2) for j in (0, 1)]
    xs = np.round(Xv[pick].astype(np.float32), 4)
    with torch.no_grad():
        ps = model(torch.from_numpy(xs)).numpy()
    with open(os.path.join(FIXTURES if OUT == HERE else OUT, "golden-wakeword.json"), "w") as f:
        json.dump({"shape": list(xs.shape), "features": [round(float(v), 4) for v in xs.reshape(-1)],
                   "probs": ps.round(6).tolist()}, f)


if __name__ == "__main__":
    main()
