"""Train the speech-intent model and export it to ONNX with golden vectors.

    nice -n 10 /usr/bin/python3 models/speech-intent/train.py        (seed 8080)

Needs .cache/utterances_train.npz and .cache/utterances_dev.npz (gen_clips.py --split train / dev) and
the wake word's training and dev clips (salad, answers and other languages serve as extra out-of-scope
speech). Each utterance is augmented COPIES times (train noises, reverb, speed, gain, 0.1-0.4 s silence
around it as the endpointer leaves); every batch gets vocal-tract-length perturbation, random EQ and
SpecAugment. 5 % of the training utterances are held out (accuracy on training voices, for information).
The out-of-scope threshold is chosen on the dev voices (neither training nor eval voices): the one that
maximises dev accuracy when one request in six is out of scope.

INTENT_EXTRA=utterances_train_rv.npz[,...] adds more training utterance sets from .cache (gen_clips.py
--random-voices); INTENT_OUT=DIR exports the model there (a candidate) instead of over the committed one
(golden vectors are written only for the committed one). INTENT_NET_SEED=N trains another net on the same
features (another initialisation and batch order); INTENT_ENSEMBLE=a.pt,b.pt trains nothing and exports the
average of those nets' probabilities, its threshold chosen on dev as for one net.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads BLAS

import json
import sys
import time
from multiprocessing import Pool

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "wake-word"))
sys.path.insert(0, HERE)
import phrases  # noqa: E402
from model import IntentEnsemble, IntentExport, IntentNet  # noqa: E402
from voicelib import augment as A  # noqa: E402
from voicelib.clips import Clips, load_clips  # noqa: E402
from voicelib.features import log_mel  # noqa: E402
from voicelib.specaug import voice_augment  # noqa: E402

SEED = 8080
SR = 16000
EPOCHS = int(os.environ.get("INTENT_EPOCHS", "24"))
COPIES = int(os.environ.get("INTENT_COPIES", "2"))
OOS_SHARE = 1 / 6  # the share of out-of-scope requests assumed when choosing the threshold on dev
NOISE_ITEMS = 600  # noise-only and silent "utterances", labelled out_of_scope
MAX_FRAMES = 600
FIXTURES = os.path.join(HERE, "..", "..", "packages", "voice", "fixtures")
CACHE = os.path.join(HERE, ".cache")
EXTRA = [f for f in os.environ.get("INTENT_EXTRA", "").split(",") if f]
OUT = os.environ.get("INTENT_OUT", HERE)
WIDTH = int(os.environ.get("INTENT_WIDTH", "64"))  # channels of the conv body
NET_SEED = int(os.environ.get("INTENT_NET_SEED", str(SEED)))  # another initialisation and batch order, same features
ENSEMBLE = [f for f in os.environ.get("INTENT_ENSEMBLE", "").split(",") if f]  # trained nets to average, no training

_src = None
SPLIT = "train"


def _init(split="train"):
    global _src
    extra = [Clips(os.path.join(CACHE, f)) for f in EXTRA] if split == "train" else []
    _src = (Clips(os.path.join(CACHE, f"utterances_{split}.npz")), load_clips(split), None, *extra)


def featurize(job):
    which, i, seed, aug = job
    rng = np.random.default_rng(seed)
    if which == 2:  # noise or silence only: what the endpointer may hand over after a false start
        n = int(rng.uniform(0.5, 3.0) * SR)
        kind = A.TRAIN_NOISES[rng.integers(len(A.TRAIN_NOISES))]
        y = A.noise(kind, rng, n) * (0.0 if rng.random() < 0.2 else 1.0) + 1e-4 * rng.standard_normal(n)
        return log_mel(A.clip(A.set_level(y.astype(np.float32), rng.uniform(-60, -15))))[:MAX_FRAMES].astype(np.float16)
    x = _src[which].get(i)
    if aug:
        if rng.random() < 0.3:
            x = A.speed(x, rng.uniform(0.9, 1.1))
        if rng.random() < 0.5:
            x = A.reverb(np.concatenate([x, np.zeros(SR // 4, np.float32)]), A.rir(rng))
        if rng.random() < 0.3:
            x = A.bandlimit(x, rng)
    pre = np.zeros(int(rng.uniform(0.1, 0.4) * SR), np.float32)
    post = np.zeros(int(rng.uniform(0.1, 0.3) * SR), np.float32)
    y = np.concatenate([pre, x, post])
    if aug:
        kind = A.TRAIN_NOISES[rng.integers(len(A.TRAIN_NOISES))]
        y = A.mix_at_snr(y, A.noise(kind, rng, len(y)), rng.uniform(3, 30), speech_ref=x)
    else:
        y = y + 1e-4 * rng.standard_normal(len(y)).astype(np.float32)
    y = A.clip(A.set_level(y, rng.uniform(-40, -12)))
    return log_mel(y)[:MAX_FRAMES].astype(np.float16)


def labels(meta):
    return (phrases.INTENTS.index(meta["intent"]), phrases.PROCEDURE_SLOTS.index(meta["procedure"]),
            phrases.FACILITY_SLOTS.index(meta["facility"]), phrases.LANGS.index(meta["lang"]))


def dataset(rng):
    utt = Clips(os.path.join(CACHE, "utterances_train.npz"))
    wake = load_clips("train")
    items = [(0, i, labels(m)) for i, m in enumerate(utt.meta)]
    extra = [i for i, m in enumerate(wake.meta) if m["cat"] in ("salad", "answer", "other")]
    lang_of = lambda m: phrases.LANGS.index(m["lang"]) if m["lang"] in phrases.LANGS else 0  # noqa: E731
    items += [(1, i, (0, 0, 0, lang_of(wake.meta[i]))) for i in extra]
    items += [(2, k, (0, 0, 0, k % 4)) for k in range(NOISE_ITEMS)]
    for j, f in enumerate(EXTRA):
        items += [(3 + j, i, labels(m)) for i, m in enumerate(Clips(os.path.join(CACHE, f)).meta)]
    texts = sorted({m["text"] for m in utt.meta})
    held = set(rng.choice(len(utt.meta), len(utt.meta) // 20, replace=False).tolist())
    val = [it for it in items if it[0] == 0 and it[1] in held]
    train = [it for it in items if not (it[0] == 0 and it[1] in held)]
    print(f"{len(texts)} distinct texts; {len(train)} train utterances, {len(val)} held out", flush=True)
    return train, val


def featurize_all(items, copies, seed, aug, split="train"):
    jobs = [(w, i, seed + k * 1_000_003 + n, aug) for n, (w, i, _) in enumerate(items) for k in range(copies)]
    with Pool(2, initializer=_init, initargs=(split,)) as p:
        feats = p.map(featurize, jobs, chunksize=64)
    ys = np.array([lab for (_, _, lab) in items for _ in range(copies)], np.int64)
    return feats, ys


def batches(feats, ys, rng, size=64, aug=False):
    order = np.argsort([len(f) + rng.uniform(0, 30) for f in feats])
    groups = [order[k : k + size] for k in range(0, len(order), size)]
    rng.shuffle(groups)
    for g in groups:
        t = max(len(feats[i]) for i in g)
        xb = np.full((len(g), t, 40), np.log(1e-6), np.float32)
        for j, i in enumerate(g):
            f = feats[i].astype(np.float32)
            xb[j, : len(f)] = voice_augment(f[None], rng)[0] if aug else f
        yield torch.from_numpy(xb), torch.from_numpy(ys[g])


def spec_augment(x, rng):
    """One frequency mask (up to 6 bands) and two time masks (up to 10 frames each) per utterance."""
    b, t, f = x.shape
    for i in range(b):
        fill = x[i].mean()
        w = int(rng.integers(0, 7))
        s = int(rng.integers(0, f - w + 1))
        x[i, :, s : s + w] = fill
        for _ in range(2):
            w = int(rng.integers(0, min(11, t // 4 + 1)))
            s = int(rng.integers(0, t - w + 1))
            x[i, s : s + w, :] = fill
    return x


def dev_set(rng):
    """Dev voices: every in-scope phrasing once and the near-domain out-of-scope requests twice
    (utterances_dev.npz), and keyword-free sentences and word salad by the same voices (the wake word's dev
    clips) as out-of-scope, half as many as the in-scope phrasings, in training noises at 10-25 dB."""
    utt = Clips(os.path.join(CACHE, "utterances_dev.npz"))
    wake = load_clips("dev")
    items = [(0, i, labels(m)) for i, m in enumerate(utt.meta)]
    oos = phrases.dev_sentence_oos(utt.meta, wake.meta, rng)
    items += [(1, int(i), (0, 0, 0, phrases.LANGS.index(wake.meta[i]["lang"]))) for i in oos]
    return items


def correct(probs_all, ys, threshold):
    """Per item: right intent (below threshold = out_of_scope) and right slot, as OnnxSpeechIntent decides."""
    pi, pp, pf = probs_all
    best = pi.argmax(1)
    intent = np.where(pi.max(1) < threshold, 0, best)
    ok = intent == ys[:, 0]
    proc = pp[:, 1:].argmax(1) + 1
    fac = pf[:, 1:].argmax(1) + 1
    ok &= (ys[:, 1] == 0) | (proc == ys[:, 1])
    ok &= (ys[:, 2] == 0) | (fac == ys[:, 2])
    return ok


def choose_threshold(probs_all, ys):
    ins = ys[:, 0] != 0
    best = None
    for th in np.arange(0.10, 0.90, 0.01):
        ok = correct(probs_all, ys, th)
        acc = (1 - OOS_SHARE) * ok[ins].mean() + OOS_SHARE * ok[~ins].mean()
        if best is None or acc > best[1] + 1e-9:
            best = (float(th), float(acc), float(ok[ins].mean()), float(ok[~ins].mean()))
    return best


def predict_all(net, feats):
    net.eval()
    outs = [[], [], []]
    with torch.no_grad():
        for f in feats:
            a, b, c, _ = net(torch.from_numpy(f.astype(np.float32))[None])
            for o, v in zip(outs, (a, b, c)):
                o.append(torch.softmax(v, 1)[0].numpy())
    return [np.stack(o) for o in outs]


def evaluate(net, feats, ys):
    net.eval()
    probs = []
    with torch.no_grad():
        for f in feats:
            p = torch.softmax(net(torch.from_numpy(f.astype(np.float32))[None])[0], 1)[0].numpy()
            probs.append(p)
    probs = np.stack(probs)
    return probs, (probs.argmax(1) == ys[:, 0]).mean()


def main():
    torch.manual_seed(NET_SEED)
    torch.set_num_threads(int(os.environ.get("INTENT_THREADS", "1")))  # the cores are shared
    rng = np.random.default_rng(SEED)
    train, val = dataset(rng)
    if NET_SEED != SEED:
        rng = np.random.default_rng(NET_SEED)
    t0 = time.time()
    tag = "".join(f"_{os.path.splitext(f)[0]}" for f in EXTRA)
    cached = os.path.join(CACHE, f"features_{SEED}_{COPIES}_{NOISE_ITEMS}{tag}_aug.npz")
    if os.path.exists(cached):  # featurising is the slow part on shared cores; same seed, same features
        z = np.load(cached, allow_pickle=True)
        ftr, ytr, fva, yva = list(z["ftr"]), z["ytr"], list(z["fva"]), z["yva"]
    else:
        ftr, ytr = featurize_all(train, COPIES, SEED, aug=True)
        fva, yva = featurize_all(val, 1, SEED + 17, aug=True)
        np.savez(cached, ftr=np.array(ftr, dtype=object), ytr=ytr, fva=np.array(fva, dtype=object), yva=yva)
    print(f"features in {time.time() - t0:.0f} s", flush=True)
    net = IntentEnsemble([load_net(f) for f in ENSEMBLE]) if ENSEMBLE else train_net(ftr, ytr, fva, yva, rng)
    probs, acc = evaluate(net, fva, yva)
    print(f"held-out training-voice utterances: intent accuracy {acc:.4f}", flush=True)
    dev_items = dev_set(np.random.default_rng(SEED + 1))
    fdev, ydev = featurize_all(dev_items, 1, SEED + 29, aug=True, split="dev")
    pdev = predict_all(net, fdev)
    threshold, dacc, din, doos = choose_threshold(pdev, ydev)
    print(f"dev voices ({len(ydev)}): threshold {threshold:.2f}: accuracy {dacc:.4f} (in-scope {din:.4f}, "
          f"out-of-scope {doos:.4f}); at the old rule's 0.38: "
          f"in-scope {correct(pdev, ydev, 0.38)[ydev[:, 0] != 0].mean():.4f}", flush=True)
    export(net, fva, threshold)


def load_net(path):
    state = torch.load(path)
    net = IntentNet(len(phrases.INTENTS), len(phrases.PROCEDURE_SLOTS), len(phrases.FACILITY_SLOTS),
                    c=state["stem.0.weight"].shape[0])
    net.load_state_dict(state)
    return net.eval()


def train_net(ftr, ytr, fva, yva, rng):
    net = IntentNet(len(phrases.INTENTS), len(phrases.PROCEDURE_SLOTS), len(phrases.FACILITY_SLOTS), c=WIDTH)
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-3)
    n_batches = sum(1 for _ in batches(ftr, ytr, np.random.default_rng(0)))
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=EPOCHS * n_batches, pct_start=0.15)
    ce = nn.CrossEntropyLoss(label_smoothing=0.05)
    for ep in range(EPOCHS):
        net.train()
        t0, tot, n = time.time(), 0.0, 0
        for xb, yb in batches(ftr, ytr, rng, aug=True):
            a, b, c, d = net(spec_augment(xb, rng))
            loss = ce(a, yb[:, 0]) + 0.5 * ce(b, yb[:, 1]) + 0.5 * ce(c, yb[:, 2]) + 0.3 * ce(d, yb[:, 3])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            tot += loss.item() * len(yb)
            n += len(yb)
        if ep % 3 == 2 or ep == EPOCHS - 1:
            _, acc = evaluate(net, fva, yva)
            print(f"epoch {ep + 1}/{EPOCHS} loss {tot / n:.4f} held-out intent acc {acc:.4f} ({time.time() - t0:.0f} s)", flush=True)
    return net


def export(net, fva, threshold):
    os.makedirs(OUT, exist_ok=True)
    torch.save(net.state_dict(), os.path.join(OUT if OUT != HERE else CACHE, "intentnet.pt"))
    model = IntentExport(net).eval()
    path = os.path.join(OUT, "speech-intent.onnx")
    dummy = torch.from_numpy(fva[0].astype(np.float32))[None]
    torch.onnx.export(model, dummy, path, input_names=["features"], output_names=["intent", "procedure", "facility", "language"],
                      dynamic_axes={"features": {0: "batch", 1: "frames"}}, opset_version=13)
    meta = {"intents": phrases.INTENTS, "procedures": phrases.PROCEDURE_SLOTS, "facilities": phrases.FACILITY_SLOTS,
            "languages": phrases.LANGS, "threshold": round(threshold, 4), "max_frames": 800, "min_frames": 40,
            "seed": SEED, "epochs": EPOCHS}
    with open(os.path.join(OUT, "speech-intent.json"), "w") as f:
        json.dump(meta, f, indent=2)
    model.eval()  # torch.onnx.export restores the training flag it found; golden outputs need eval mode
    golden = []
    for f in fva[:3]:
        xs = np.round(f[:120].astype(np.float32), 4)
        with torch.no_grad():
            outs = [o[0].numpy().round(6).tolist() for o in model(torch.from_numpy(xs)[None])]
        golden.append({"frames": int(xs.shape[0]), "features": [float(v) for v in xs.reshape(-1)], "outputs": outs})
    with open(os.path.join(FIXTURES if OUT == HERE else OUT, "golden-speech-intent.json"), "w") as f:
        json.dump(golden, f)
    print("exported", path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
