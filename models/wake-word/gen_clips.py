"""Synthesise the clean speech clips for the wake word model (train or eval split), cached as .npz.

    nice -n 10 /usr/bin/python3 models/wake-word/gen_clips.py --split train   (seed fixed below)

Each clip is trimmed of leading/trailing silence, stored as int16 at 16 kHz with its category, language,
text and voice config. Eval clips come only from held-out voices, rates and pitches (voicelib/voices.py).
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads BLAS

import argparse
import json
import sys
from multiprocessing import Pool

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from voicelib import randvoice, texts, tts, voices  # noqa: E402

CACHE = os.path.join(HERE, ".cache")
SEED = {"train": 1234, "eval": 98765, "dev": 4242}

# (category, keyword-or-None, language, count) per split
PLAN = {
    "train": {"pos": [("xin_chao_robot", "vi", 3200), ("xin_chao_robot", "en", 300), ("hello_robot", "en", 2400),
                      ("hello_robot", "vi", 500), ("hello_robot", "hi", 320), ("hello_robot", "ur", 300)],
              "hard": [("vi", 2400), ("en", 2400), ("hi", 600), ("ur", 400)],
              "sent": [("vi", 800), ("en", 800), ("hi", 400), ("ur", 300)],
              "answer": [("vi", 300), ("en", 300), ("hi", 100), ("ur", 100)],
              "salad": [("vi", 400), ("en", 400), ("hi", 400), ("ur", 400)],
              "other": 10},
    "eval": {"pos": [("xin_chao_robot", "vi", 420), ("hello_robot", "en", 360), ("hello_robot", "vi", 20),
                     ("hello_robot", "hi", 20), ("hello_robot", "ur", 20)],
             "hard": [("vi", 300), ("en", 300), ("hi", 60), ("ur", 60)],
             "sent": [("vi", 320), ("en", 320), ("hi", 160), ("ur", 120)],
             "answer": [],
             "salad": [("vi", 150), ("en", 150), ("hi", 150), ("ur", 150)],
             "other": 0},
    # held-out voices for threshold calibration only (voices.py: neither training nor eval voices)
    "dev": {"pos": [("xin_chao_robot", "vi", 220), ("hello_robot", "en", 170), ("hello_robot", "vi", 20),
                    ("hello_robot", "hi", 20), ("hello_robot", "ur", 20)],
            "hard": [("vi", 160), ("en", 160), ("hi", 40), ("ur", 40)],
            "sent": [("vi", 160), ("en", 160), ("hi", 80), ("ur", 60)],
            "answer": [],
            "salad": [("vi", 80), ("en", 80), ("hi", 80), ("ur", 80)],
            "other": 0},
}
# clips from Festival's other-language voices (texts.FOREIGN_TEXTS), per category
FOREIGN = {"train": {"xin_chao_robot": 700, "hello_robot": 700, "hard": 700, "sent": 400},
           "dev": {"xin_chao_robot": 80, "hello_robot": 80, "hard": 80, "sent": 60},
           "eval": {}}


def jobs(split):
    rng = np.random.default_rng(SEED[split])
    plan = PLAN[split]
    out = []
    for kw, lang, n in plan["pos"]:
        cands = texts.KEYWORDS[kw][lang]
        for cfg in voices.mixed_configs(lang, split, rng, n):
            out.append(("pos", kw, lang, cands[rng.integers(len(cands))], cfg))
    for lang, n in plan["hard"]:
        cands = texts.HARD_NEGATIVES[lang]
        for cfg in voices.mixed_configs(lang, split, rng, n):
            out.append(("hard", None, lang, cands[rng.integers(len(cands))], cfg))
    sent = texts.SENTENCES_TRAIN if split == "train" else texts.SENTENCES_EVAL
    for lang, n in plan["sent"]:
        for cfg in voices.mixed_configs(lang, split, rng, n):
            out.append(("sent", None, lang, sent[lang][rng.integers(len(sent[lang]))], cfg))
    for lang, n in plan["answer"]:
        for cfg in voices.mixed_configs(lang, split, rng, n):
            out.append(("answer", None, lang, texts.ANSWERS_TRAIN[lang][rng.integers(len(texts.ANSWERS_TRAIN[lang]))], cfg))
    for lang, n in plan["salad"]:
        words = texts.WORDS[lang]
        for cfg in voices.mixed_configs(lang, split, rng, n):
            k = int(rng.integers(4, 12))
            out.append(("salad", None, lang, " ".join(words[i] for i in rng.integers(len(words), size=k)), cfg))
    for cat, n in FOREIGN[split].items():
        for cfg, flang in voices.foreign_configs(split, rng, n):
            cands = texts.FOREIGN_TEXTS[flang][cat]
            kind = "pos" if cat in texts.KEYWORDS else cat
            out.append((kind, cat if kind == "pos" else None, "x-" + flang, cands[rng.integers(len(cands))], cfg))
    for lang, sents in texts.OTHER_LANGUAGES.items():
        for s in sents:
            for _ in range(plan["other"]):
                cfg = {"engine": "espeak", "voice": lang, "variant": voices.variant_split(split)[rng.integers(50)],
                       "rate": int(rng.integers(130, 210)), "pitch": int(rng.integers(25, 85))}
                out.append(("other", None, lang, s, cfg))
    return out


# greeting-led requests (texts.GREETINGS_TRAIN) per language: gen_clips.py --split train --greetings
GREETINGS = [("vi", 1500), ("en", 900), ("hi", 250), ("ur", 250)]


def greeting_jobs(rng):
    """Greeting-led requests said by training voice configurations, category `greet`."""
    evals = {x for v in texts.SENTENCES_EVAL.values() for x in v}
    out = []
    for lang, n in GREETINGS:
        cands = texts.GREETINGS_TRAIN[lang]
        assert not evals & set(cands), "a greeting sentence is also an eval sentence"
        for cfg in voices.mixed_configs(lang, "train", rng, n):
            out.append(("greet", None, lang, cands[rng.integers(len(cands))], cfg))
    return out


def units(js):
    """Work units: one job, or up to 60 Festival jobs of one voice (one Festival process for all)."""
    out, fest = [], {}
    for i, j in enumerate(js):
        if j[4]["engine"] == "festival":
            fest.setdefault(j[4]["voice"], []).append((i, j))
        else:
            out.append([(i, j)])
    for v in sorted(fest):
        out += [fest[v][k : k + 60] for k in range(0, len(fest[v]), 60)]
    return out


def run_unit(unit):
    """-> [(job index, (clip, error))]"""
    if unit[0][1][4]["engine"] == "festival":
        xs = tts.festival_batch(unit[0][1][4]["voice"], [(j[3], j[4].get("stretch", 1.0)) for _, j in unit])
        return [(i, finish(j, x)) for (i, j), x in zip(unit, xs)]
    out = []
    for i, j in unit:
        try:
            out.append((i, finish(j, tts.synth(j[4], j[3]))))
        except Exception as e:  # a voice that cannot say this text: skip, counted below
            out.append((i, (None, f"{j[4]} {j[3]!r}: {e}")))
    return out


def finish(job, x):
    cat, kw, lang, text, cfg = job
    if x is None:
        return None, f"{cfg} {text!r}: no audio"
    x, _, _ = tts.trim(x, -45.0, pad=0.02)
    if len(x) < 1600:
        return None, f"{cfg} {text!r}: too short"
    x = x / max(1e-3, float(np.max(np.abs(x)))) * 0.9
    return (cat, kw, lang, text, json.dumps(cfg), (x * 32767).astype(np.int16)), None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["train", "eval", "dev"], required=True)
    ap.add_argument("--procs", type=int, default=2)
    ap.add_argument("--foreign-only", action="store_true",
                    help="only the clips of Festival's other-language voices (the same jobs, same seed), "
                         "to clips_SPLIT_foreign.npz: a top-up for a clip cache made before those voices")
    ap.add_argument("--random-voices", type=int, default=0,
                    help="N: the split's espeak-ng jobs only, each with one of N random voices bred from the "
                         "training variants (voicelib/randvoice.py), to clips_SPLIT_rv.npz; train split only")
    ap.add_argument("--seed", type=int, default=None, help="another seed for the jobs (with --random-voices)")
    ap.add_argument("--tag", default="", help="with --random-voices: clips_SPLIT_rvTAG.npz, .cache/espeak-randTAG")
    ap.add_argument("--greetings", action="store_true",
                    help="only greeting-led requests (texts.GREETINGS_TRAIN, category greet) to "
                         "clips_train_greet.npz (with --random-voices: clips_train_rvTAG.npz); train split only")
    args = ap.parse_args()
    os.makedirs(CACHE, exist_ok=True)
    if args.seed is not None:
        SEED[args.split] = args.seed
    if args.greetings and args.split != "train":
        ap.error("--greetings: train split only")
    js = greeting_jobs(np.random.default_rng(SEED[args.split] + 7)) if args.greetings else jobs(args.split)
    suffix = "_foreign" if args.foreign_only else ("_greet" if args.greetings else "")
    if args.foreign_only:
        js = [j for j in js if j[2].startswith("x-")]
    if args.random_voices:
        if args.split != "train":
            ap.error("--random-voices: train split only (the random voices are bred from training variants)")
        rv = randvoice.make_voices(os.path.join(CACHE, f"espeak-rand{args.tag}"), args.random_voices,
                                   SEED[args.split] + 1)
        rng = np.random.default_rng(SEED[args.split] + 2)
        js = [(c, k, lang, text, dict(cfg, variant=name, data=os.path.relpath(data, HERE)))
              for c, k, lang, text, cfg in js if cfg["engine"] == "espeak"
              for name, data in [rv[rng.integers(len(rv))]]]
        suffix = f"_rv{args.tag}"
    print(f"{len(js)} clips to synthesise", flush=True)
    us = units(js)
    with Pool(args.procs) as p:
        res = [r for _, r in sorted(ir for rs in p.map(run_unit, us, chunksize=8) for ir in rs)]
    ok = [r for r, _ in res if r is not None]
    errs = [e for _, e in res if e is not None]
    for e in errs[:10]:
        print("skipped:", e)
    print(f"{len(ok)} clips, {len(errs)} skipped")
    lens = np.array([len(r[5]) for r in ok])
    np.savez(os.path.join(CACHE, f"clips_{args.split}{suffix}.npz"),
             audio=np.concatenate([r[5] for r in ok]), offsets=np.concatenate([[0], np.cumsum(lens)]),
             meta=np.array([json.dumps({"cat": r[0], "kw": r[1], "lang": r[2], "text": r[3], "cfg": json.loads(r[4])},
                                       ensure_ascii=False) for r in ok]))


if __name__ == "__main__":
    main()
