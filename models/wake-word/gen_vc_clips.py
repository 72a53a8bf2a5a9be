"""Voice-converted copies of training clips (female- and child-like voices from the mostly male training
voices), cached as .cache/clips_train_vc.npz in gen_clips.py's format: a top-up for build_windows.py.

    nice -n 19 /usr/bin/python3 models/wake-word/gen_vc_clips.py        (seed 5150; needs rubberband-cli)

Each clip: resampled by r (formants and F0 both scaled by r, 1.05-1.25) then Rubber Band's formant-preserving
pitch shift and time stretch (R3 engine) bring F0 to +4..+14 semitones over the source and the duration to
the source's times a tempo factor (0.9-1.1); 15 % of clips go the other way (deeper: r 0.9-0.97, F0 -1..-4
semitones). Sources: training clips only (clips_train.npz), both keywords, confusable phrases and other
speech in equal measure, so that conversion artefacts are no cue for a keyword; flite and Festival clips
(the English voices the eval misses most) are drawn four times as often as espeak-ng ones.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads BLAS

import json
import subprocess
import sys
import tempfile
import wave
from multiprocessing import Pool

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from voicelib import augment as A  # noqa: E402
from voicelib.clips import CACHE, load_clips  # noqa: E402
from voicelib.tts import read_wav, trim  # noqa: E402
from voicelib.voices import variant_split  # noqa: E402

SEED = 5150
SR = 16000
COUNTS = {"pos": 3000, "hard": 1800, "speech": 1200}
NON_ESPEAK_WEIGHT = 4.0

_clips = None


def _init():
    global _clips
    _clips = load_clips("train")


def pick(clips, rng):
    """Source clip indices per category, flite/Festival clips weighted up. The dev espeak-ng variants, which
    the first run's clips_train.npz still holds (README), are left out."""
    groups = {"pos": lambda m: m["cat"] == "pos", "hard": lambda m: m["cat"] == "hard",
              "speech": lambda m: m["cat"] in ("sent", "answer", "salad")}
    held = set(variant_split("dev")) | set(variant_split("eval"))
    out = []
    for cat, n in COUNTS.items():
        idx = np.array([i for i, m in enumerate(clips.meta) if groups[cat](m) and m["cfg"].get("variant") not in held])
        w = np.array([1.0 if clips.meta[i]["cfg"]["engine"] == "espeak" else NON_ESPEAK_WEIGHT for i in idx])
        out += [int(i) for i in rng.choice(idx, size=n, replace=True, p=w / w.sum())]
    return out


def params(rng):
    if rng.random() < 0.15:
        return {"formant": round(float(rng.uniform(0.9, 0.97)), 3), "f0_st": round(float(rng.uniform(-4, -1)), 2),
                "tempo": round(float(rng.uniform(0.9, 1.1)), 3)}
    return {"formant": round(float(rng.uniform(1.05, 1.25)), 3), "f0_st": round(float(rng.uniform(4, 14)), 2),
            "tempo": round(float(rng.uniform(0.9, 1.1)), 3)}


def write_wav(path, x):
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SR)
        w.writeframes((np.clip(x, -1, 1) * 32767).astype("<i2").tobytes())


def convert(x, p):
    """Formants x p['formant'], F0 + p['f0_st'] semitones, duration / p['tempo']."""
    r = p["formant"]
    y = A.speed(x, r)  # everything up by r, duration / r
    with tempfile.TemporaryDirectory() as d:
        src, dst = os.path.join(d, "i.wav"), os.path.join(d, "o.wav")
        write_wav(src, y / max(1e-3, float(np.max(np.abs(y)))) * 0.9)
        shift = p["f0_st"] - 12 * np.log2(r)  # what is left for F0 after the resampling
        subprocess.run(["rubberband", "-q", "-3", "-F", "-p", f"{shift:.3f}", "-t", f"{r / p['tempo']:.4f}", src, dst],
                       check=True, capture_output=True)
        return read_wav(dst)


def make(job):
    i, seed = job
    rng = np.random.default_rng(seed)
    p = params(rng)
    x, _, _ = trim(convert(_clips.get(i), p), -45.0, pad=0.02)
    if len(x) < 1600:
        return None
    m = dict(_clips.meta[i])
    m["cfg"] = dict(m["cfg"], vc=p)
    x = x / max(1e-3, float(np.max(np.abs(x)))) * 0.9
    return json.dumps(m, ensure_ascii=False), (x * 32767).astype(np.int16)


def main():
    rng = np.random.default_rng(SEED)
    src = pick(load_clips("train"), rng)
    jobs = [(i, SEED * 1_000_003 + k) for k, i in enumerate(src)]
    print(f"{len(jobs)} clips to convert", flush=True)
    with Pool(2, initializer=_init) as p:
        res = [r for r in p.map(make, jobs, chunksize=64) if r is not None]
    lens = np.array([len(r[1]) for r in res])
    np.savez(os.path.join(CACHE, "clips_train_vc.npz"), audio=np.concatenate([r[1] for r in res]),
             offsets=np.concatenate([[0], np.cumsum(lens)]), meta=np.array([r[0] for r in res]))
    print(f"{len(res)} clips, {len(jobs) - len(res)} skipped, {lens.sum() / SR / 3600:.2f} h")


if __name__ == "__main__":
    main()
