"""Synthesise the speech-intent utterances (train or eval split), cached as .npz.

    nice -n 10 /usr/bin/python3 models/speech-intent/gen_clips.py --split train

Every in-scope phrasing (phrases.py) is spoken by several voices of its language; out-of-scope requests
come from OOS_TRAIN or OOS_EVAL. Voices, rates and pitches follow the wake word split
(models/wake-word/voicelib/voices.py): eval voices are never used in training. `--split dev` speaks every
in-scope phrasing once by a dev voice (neither training nor eval): the out-of-scope threshold is chosen
there (train.py). In training, Festival's Marathi voice also reads the Hindi phrasings (same script).
`--split train --random-voices N` speaks the training split's espeak-ng utterances again, each by one of N
random voices bred from the training variants (models/wake-word/voicelib/randvoice.py, as the wake word's
training uses them), to utterances_train_rv.npz.
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
from voicelib import randvoice, tts, voices  # noqa: E402

CACHE = os.path.join(HERE, ".cache")
SEED = {"train": 555, "eval": 777, "dev": 999}
PER_ITEM = {"train": 14, "eval": 2, "dev": 1}
PER_OOS = {"train": 30, "eval": 8, "dev": 0}
EXTRA_HI = {"train": 2, "eval": 0, "dev": 0}  # Hindi phrasings read by Festival's Marathi voice
PER_NEAR = {"train": 14, "eval": 0, "dev": 2}  # near-domain out-of-scope requests (phrases.near_oos_items)


def near_jobs(split, rng):
    return [(lang, text, intent, proc, fac, cfg) for lang, text, intent, proc, fac in phrases.near_oos_items(split)
            for cfg in voices.mixed_configs(lang, split, rng, PER_NEAR[split])]


def jobs(split):
    """The split's utterances. Dev also speaks its near-domain out-of-scope requests (drawn last, so the
    in-scope dev utterances are those drawn before they existed); train's are `--near-only`'s own file."""
    rng = np.random.default_rng(SEED[split])
    out = []
    for lang, text, intent, proc, fac in phrases.in_scope_items():
        for cfg in voices.mixed_configs(lang, split, rng, PER_ITEM[split]):
            out.append((lang, text, intent, proc, fac, cfg))
    for lang, text, intent, proc, fac in phrases.oos_items(split):
        for cfg in voices.mixed_configs(lang, split, rng, PER_OOS[split]):
            out.append((lang, text, intent, proc, fac, cfg))
    st = voices.FESTIVAL_STRETCH["train"]
    for lang, text, intent, proc, fac in phrases.in_scope_items():
        if lang == "hi":
            for _ in range(EXTRA_HI[split]):
                cfg = {"engine": "festival", "voice": "mr_nsk", "stretch": st[rng.integers(len(st))]}
                out.append((lang, text, intent, proc, fac, cfg))
    if split == "dev":
        out += near_jobs(split, rng)
    return out


def run_unit(unit):
    """unit: [(index, job)], one job or up to 60 Festival jobs of one voice (one Festival process)."""
    cfg0 = unit[0][1][5]
    if cfg0["engine"] == "festival":
        xs = tts.festival_batch(cfg0["voice"], [(j[1], j[5].get("stretch", 1.0)) for _, j in unit])
        return [(i, finish(j, x)) for (i, j), x in zip(unit, xs)]
    return [(i, run(j)) for i, j in unit]


def units(js):
    out, fest = [], {}
    for i, j in enumerate(js):
        if j[5]["engine"] == "festival":
            fest.setdefault(j[5]["voice"], []).append((i, j))
        else:
            out.append([(i, j)])
    for v in sorted(fest):
        out += [fest[v][k : k + 60] for k in range(0, len(fest[v]), 60)]
    return out


def run(job):
    try:
        x = tts.synth(job[5], job[1])
    except Exception as e:
        return None, f"{job[5]} {job[1]!r}: {e}"
    return finish(job, x)


def finish(job, x):
    lang, text, intent, proc, fac, cfg = job
    if x is None:
        return None, f"{cfg} {text!r}: no audio"
    x, _, _ = tts.trim(x, -45.0, pad=0.02)
    if len(x) < 1600:
        return None, f"{cfg} {text!r}: too short"
    x = x / max(1e-3, float(np.max(np.abs(x)))) * 0.9
    meta = {"lang": lang, "text": text, "intent": intent, "procedure": proc, "facility": fac, "cfg": cfg}
    return (json.dumps(meta, ensure_ascii=False), (x * 32767).astype(np.int16)), None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["train", "eval", "dev"], required=True)
    ap.add_argument("--random-voices", type=int, default=0,
                    help="N: the split's espeak-ng jobs only, each by one of N random voices bred from the "
                         "training variants, to utterances_train_rv.npz; train split only")
    ap.add_argument("--seed", type=int, default=None, help="with --random-voices: another seed (other voices, other draws)")
    ap.add_argument("--near-only", action="store_true",
                    help="train split: only the near-domain out-of-scope requests, to utterances_train_near.npz "
                         "(seed 556)")
    ap.add_argument("--tag", default="", help="with --random-voices: utterances_train_rvTAG.npz, .cache/espeak-randTAG")
    args = ap.parse_args()
    os.makedirs(CACHE, exist_ok=True)
    if args.seed is not None:
        SEED[args.split] = args.seed
    js = jobs(args.split)
    suffix = ""
    if args.near_only:
        if args.split != "train":
            ap.error("--near-only: train split only (dev speaks its near-domain requests with the rest)")
        js, suffix = near_jobs("train", np.random.default_rng(SEED["train"] + 1)), "_near"
    if args.random_voices:
        if args.split != "train":
            ap.error("--random-voices: train split only (the random voices are bred from training variants)")
        rv = randvoice.make_voices(os.path.join(CACHE, f"espeak-rand{args.tag}"), args.random_voices, SEED["train"] + 1)
        rng = np.random.default_rng(SEED["train"] + 2)
        js = [(lang, text, intent, proc, fac, dict(cfg, variant=name, data=os.path.relpath(data, os.path.join(HERE, "..", "wake-word"))))
              for lang, text, intent, proc, fac, cfg in js if cfg["engine"] == "espeak"
              for name, data in [rv[rng.integers(len(rv))]]]
        suffix += f"_rv{args.tag}"
    print(f"{len(js)} utterances to synthesise", flush=True)
    with Pool(2) as p:
        res = [r for _, r in sorted(ir for rs in p.map(run_unit, units(js), chunksize=16) for ir in rs)]
    ok = [r for r, _ in res if r is not None]
    errs = [e for _, e in res if e is not None]
    for e in errs[:10]:
        print("skipped:", e)
    print(f"{len(ok)} utterances, {len(errs)} skipped")
    lens = np.array([len(r[1]) for r in ok])
    np.savez(os.path.join(CACHE, f"utterances_{args.split}{suffix}.npz"), audio=np.concatenate([r[1] for r in ok]),
             offsets=np.concatenate([[0], np.cumsum(lens)]), meta=np.array([r[0] for r in ok]))


if __name__ == "__main__":
    main()
