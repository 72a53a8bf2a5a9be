"""Augmented training windows for the wake word model (log-mel features + labels), cached as .npz.

    nice -n 10 /usr/bin/python3 models/wake-word/build_windows.py      (seed 4321)

Label 0 = no keyword, 1 = xin_chao_robot, 2 = hello_robot. A positive window holds a whole keyword that ends
0-0.35 s before the window's end (so the detector fires right after the keyword). Negatives: confusable
phrases ending where a keyword would (alone, or after a run of other phrases: "run", mining only),
keyword-free speech, keywords cut off (only "xin chào" or only
"robot" heard), noise, music-like signals, FSDD real speech (train speakers only).
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads BLAS

import sys
from multiprocessing import Pool

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from voicelib import augment as A  # noqa: E402
from voicelib.clips import CACHE, FSDD_TRAIN_SPEAKERS, fsdd, load_clips  # noqa: E402
from voicelib.features import HOP, WIN, log_mel  # noqa: E402

SR = 16000
T_FRAMES = 190
L = (T_FRAMES - 1) * HOP + WIN
SEED = 4321
KW = {"xin_chao_robot": 1, "hello_robot": 2}
COUNTS = {"pos": 16000, "hard": 18000, "speech": 18000, "partial": 10000, "noise": 6000, "fsdd": 6000}
# WAKE_CLIPS=train_foreign WAKE_WINDOWS=windows_foreign.npz WAKE_COUNTS=pos:3000,hard:3000: windows from
# another clip cache (a top-up, gen_clips.py --foreign-only) with other counts; train.py's WAKE_EXTRA.
# WAKE_SEED: another seed for another top-up (gen_vc_clips.py's: 4323)
CLIPS = os.environ.get("WAKE_CLIPS", "train")
OUT = os.environ.get("WAKE_WINDOWS", "windows_train.npz")
if os.environ.get("WAKE_COUNTS"):
    COUNTS = {k: int(n) for k, n in (p.split(":") for p in os.environ["WAKE_COUNTS"].split(","))}
    SEED = int(os.environ.get("WAKE_SEED", SEED + 1))  # other windows than the main set's (and each top-up's)

_clips = None
_fsdd = None
_pools = None


def _init():
    global _clips, _fsdd, _pools
    _clips = load_clips(CLIPS)
    _fsdd = [x for _, x in fsdd(FSDD_TRAIN_SPEAKERS)]
    _pools = {
        "xin_chao_robot": _clips.select(cat="pos", kw="xin_chao_robot"),
        "hello_robot": _clips.select(cat="pos", kw="hello_robot"),
        "hard": _clips.select(cat="hard"),
        "speech": [i for i, m in enumerate(_clips.meta) if m["cat"] in ("sent", "answer", "salad", "other")],
        "greet": _clips.select(cat="greet"),
    }


def _speech_aug(x, rng):
    if rng.random() < 0.5:
        x = A.speed(x, rng.uniform(0.88, 1.12))
    if rng.random() < 0.5:
        x = A.reverb(np.concatenate([x, np.zeros(SR // 4, np.float32)]), A.rir(rng))
    if rng.random() < 0.3:
        x = A.bandlimit(x, rng)
    return x.astype(np.float32)


def _background(rng, n):
    r = rng.random()
    if r < 0.12:
        return A.noise("white", rng, n) * 0.01  # near-silence
    if r < 0.35:
        idx = _pools["speech"] or _pools["greet"]  # a greeting-only clip cache babbles with its own speech
        bab = np.zeros(n, np.float32)
        for _ in range(int(rng.integers(3, 7))):
            c = _clips.get(idx[rng.integers(len(idx))])
            s = int(rng.integers(-len(c) + 1, n))
            a, b = max(0, s), min(n, s + len(c))
            bab[a:b] += c[a - s : b - s]
        return A._norm(bab + 1e-4 * rng.standard_normal(n))
    return A.noise(A.TRAIN_NOISES[rng.integers(len(A.TRAIN_NOISES))], rng, n)


def _place(canvas, x, end):
    """Adds x so that it ends at sample `end` (may be past the canvas end); returns the start."""
    s = end - len(x)
    a, b = max(0, s), min(len(canvas), end)
    if b > a:
        canvas[a:b] += x[a - s : b - s]
    return s


def _finish(canvas, ref, rng, snr=None):
    bg = _background(rng, len(canvas))
    snr = rng.uniform(-3, 30) if snr is None else snr
    y = A.mix_at_snr(canvas, bg, snr, ref if ref is not None and len(ref) else canvas + 1e-4)
    y = A.set_level(y, rng.uniform(-45, -12))
    return log_mel(A.clip(y)).astype(np.float16)


def _context(canvas, rng, before_end):
    if rng.random() < 0.3 and before_end > SR // 4 and _pools["speech"]:
        c = _clips.get(_pools["speech"][rng.integers(len(_pools["speech"]))])
        _place(canvas, _speech_aug(c, rng) * rng.uniform(0.3, 1.0), before_end - int(rng.uniform(0.05, 0.4) * SR))


def make(job):
    kind, seed = job
    rng = np.random.default_rng(seed)
    canvas = np.zeros(L, np.float32)
    label = 0
    if kind == "pos" or kind == "partial":
        kw = "xin_chao_robot" if rng.random() < 0.5 else "hello_robot"
        x = _speech_aug(_clips.get(_pools[kw][rng.integers(len(_pools[kw]))]), rng)
        if kind == "pos":
            if len(x) > L - 800:  # very slow voices: speed up to fit rather than cut the keyword
                x = A.speed(x, len(x) / (L - 800))
            end = L - int(rng.uniform(0.0, 0.35) * SR)
            end = max(end, len(x))
            label = KW[kw]
        elif rng.random() < 0.6:  # keyword not finished yet: window ends 0.25-0.9 s before its end
            end = L + int(rng.uniform(0.25, 0.9) * SR)
        else:  # keyword start already gone: only its tail is heard
            end = len(x) - int(rng.uniform(0.35, 0.8) * SR)
        start = _place(canvas, x, end)
        _context(canvas, rng, start)
        ref = x
    elif kind == "hard":
        x = _speech_aug(_clips.get(_pools["hard"][rng.integers(len(_pools["hard"]))]), rng)
        end = L - int(rng.uniform(-0.3, 0.5) * SR)
        start = _place(canvas, x, end)
        _context(canvas, rng, start)
        ref = x
    elif kind == "run":  # a confusable phrase after a run of other phrases (hard or not), 0.2-1 s apart
        x = _speech_aug(_clips.get(_pools["hard"][rng.integers(len(_pools["hard"]))]), rng)
        pos = _place(canvas, x, L - int(rng.uniform(-0.3, 0.5) * SR))
        while pos > 0:
            pool = _pools["hard"] if rng.random() < 0.5 else _pools["speech"]
            c = _speech_aug(_clips.get(pool[rng.integers(len(pool))]), rng)
            pos = _place(canvas, c, pos - int(rng.uniform(0.2, 1.0) * SR))
        ref = x
    elif kind == "then":  # a confusable phrase, then other speech 0.1-0.9 s after it, the window ending in it
        x = _speech_aug(_clips.get(_pools["hard"][rng.integers(len(_pools["hard"]))]), rng)
        c = _speech_aug(_clips.get(_pools["speech"][rng.integers(len(_pools["speech"]))]), rng)
        gap = int(rng.uniform(0.1, 0.9) * SR)
        into = int(rng.uniform(0.1, 1.0) * SR)  # how much of the following speech the window holds
        end_x = L - into - gap
        start = _place(canvas, x, end_x)
        _place(canvas, c, end_x + gap + len(c))
        _context(canvas, rng, start)
        ref = x
    elif kind == "greet":  # a greeting-led request that began 0.5-2.2 s before the window's end
        x = _speech_aug(_clips.get(_pools["greet"][rng.integers(len(_pools["greet"]))]), rng)
        start = _place(canvas, x, L - int(rng.uniform(0.5, 2.2) * SR) + len(x))
        _context(canvas, rng, start)
        ref = x
    elif kind == "speech":
        ref = None
        for _ in range(int(rng.integers(1, 4))):
            x = _speech_aug(_clips.get(_pools["speech"][rng.integers(len(_pools["speech"]))]), rng)
            _place(canvas, x, int(rng.integers(0, L + len(x))))
            ref = x
    elif kind == "fsdd":
        ref = None
        pos = int(rng.integers(-SR, SR // 2))
        while pos < L:
            x = _speech_aug(_fsdd[rng.integers(len(_fsdd))], rng)
            _place(canvas, x, pos + len(x))
            pos += len(x) + int(rng.uniform(0.0, 0.3) * SR)
            ref = x
    else:  # noise / music only
        ref = None
        canvas[:] = A.noise(A.TRAIN_NOISES[rng.integers(len(A.TRAIN_NOISES))], rng, L)
        return log_mel(A.clip(A.set_level(canvas, rng.uniform(-50, -10)))).astype(np.float16), 0
    return _finish(canvas, ref, rng), label


def main():
    jobs = []
    base = SEED * 1_000_003
    for kind, n in COUNTS.items():
        jobs += [(kind, base + len(jobs) + i) for i in range(n)]
    print(f"{len(jobs)} windows", flush=True)
    with Pool(2, initializer=_init) as p:
        res = p.map(make, jobs, chunksize=256)
    X = np.stack([r[0] for r in res])
    y = np.array([r[1] for r in res], np.int64)
    kinds = np.array([k for k, _ in jobs])
    assert X.shape[1] == T_FRAMES, X.shape
    np.savez(os.path.join(CACHE, OUT), X=X, y=y, kinds=kinds)
    print(X.shape, np.bincount(y))


if __name__ == "__main__":
    main()
