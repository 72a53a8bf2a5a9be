"""Loading cached clips (gen_clips.py output) and FSDD recordings (real English speech, 8 kHz)."""

import glob
import json
import os

import numpy as np

from .tts import read_wav

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE = os.path.join(HERE, ".cache")
FSDD_TRAIN_SPEAKERS = ["george", "jackson", "lucas"]
FSDD_EVAL_SPEAKERS = ["nicolas", "theo", "yweweler"]


def benchmarks_dir():
    """$VOICE_BENCHMARKS, else the first ../shared/benchmarks above this folder, else /work/shared/benchmarks."""
    env = os.environ.get("VOICE_BENCHMARKS")
    if env:
        return env
    d = HERE
    for _ in range(6):
        d = os.path.dirname(d)
        cand = os.path.join(d, "shared", "benchmarks")
        if os.path.isdir(cand):
            return cand
    return "/work/shared/benchmarks"


class Clips:
    def __init__(self, path):
        z = np.load(path)
        self.audio = z["audio"]
        self.offsets = z["offsets"]
        self.meta = [json.loads(m) for m in z["meta"]]

    def __len__(self):
        return len(self.meta)

    def get(self, i):
        a, b = self.offsets[i], self.offsets[i + 1]
        return self.audio[a:b].astype(np.float32) / 32768.0

    def select(self, **kw):
        return [i for i, m in enumerate(self.meta) if all(m.get(k) == v for k, v in kw.items())]


def load_clips(split):
    return Clips(os.path.join(CACHE, f"clips_{split}.npz"))


def fsdd(speakers):
    """List of (name, float32 16 kHz samples) for the given FSDD speakers, sorted by file name."""
    files = sorted(glob.glob(os.path.join(benchmarks_dir(), "fsdd", "recordings", "*.wav")))
    out = []
    for f in files:
        spk = os.path.basename(f).split("_")[1]
        if spk in speakers:
            out.append((os.path.basename(f), read_wav(f)))
    return out
