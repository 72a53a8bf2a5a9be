"""Synthesise the speech-intent utterances (train or eval split), cached as .npz.

    nice -n 10 /usr/bin/python3 models/speech-intent/gen_clips.py --split train

Every in-scope phrasing (phrases.py) is spoken by several voices of its language; out-of-scope requests
come from OOS_TRAIN or OOS_EVAL. Voices, rates and pitches follow the wake word split
(models/wake-word/voicelib/voices.py): eval voices are never used in training.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads BLAS

import argparse
import json
import sys
from multiprocessing import Pool

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "wake-word"))
sys.path.insert(0, HERE)
import phrases  # noqa: E402
from voicelib import tts, voices  # noqa: E402

CACHE = os.path.join(HERE, ".cache")
SEED = {"train": 555, "eval": 777}
PER_ITEM = {"train": 14, "eval": 2}
PER_OOS = {"train": 30, "eval": 8}


def jobs(split):
    rng = np.random.default_rng(SEED[split])
    out = []
    for lang, text, intent, proc, fac in phrases.in_scope_items():
        for cfg in voices.mixed_configs(lang, split, rng, PER_ITEM[split]):
            out.append((lang, text, intent, proc, fac, cfg))
    for lang, text, intent, proc, fac in phrases.oos_items(split):
        for cfg in voices.mixed_configs(lang, split, rng, PER_OOS[split]):
            out.append((lang, text, intent, proc, fac, cfg))
    return out


def run(job):
    lang, text, intent, proc, fac, cfg = job
    try:
        x = tts.synth(cfg, text)
    except Exception as e:
        return None, f"{cfg} {text!r}: {e}"
    x, _, _ = tts.trim(x, -45.0, pad=0.02)
    if len(x) < 1600:
        return None, f"{cfg} {text!r}: too short"
    x = x / max(1e-3, float(np.max(np.abs(x)))) * 0.9
    meta = {"lang": lang, "text": text, "intent": intent, "procedure": proc, "facility": fac, "cfg": cfg}
    return (json.dumps(meta, ensure_ascii=False), (x * 32767).astype(np.int16)), None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["train", "eval"], required=True)
    args = ap.parse_args()
    os.makedirs(CACHE, exist_ok=True)
    js = jobs(args.split)
    print(f"{len(js)} utterances to synthesise", flush=True)
    with Pool(2) as p:
        res = p.map(run, js, chunksize=32)
    ok = [r for r, _ in res if r is not None]
    errs = [e for _, e in res if e is not None]
    for e in errs[:10]:
        print("skipped:", e)
    print(f"{len(ok)} utterances, {len(errs)} skipped")
    lens = np.array([len(r[1]) for r in ok])
    np.savez(os.path.join(CACHE, f"utterances_{args.split}.npz"), audio=np.concatenate([r[1] for r in ok]),
             offsets=np.concatenate([[0], np.cumsum(lens)]), meta=np.array([r[0] for r in ok]))


if __name__ == "__main__":
    main()
