"""Deterministic evaluation streams for `npm run -s bench:voice` (wake word part).

    nice -n 10 /usr/bin/python3 models/wake-word/gen_eval.py        (seed 31337; needs gen_clips.py --split eval)

Writes .cache/eval/positives.wav (+ .json: every keyword's start/end) and .cache/eval/negatives.wav
(+ .json: what each stretch holds). Only eval voices (voicelib/voices.py), eval-only noises (brown, street,
music_b; augment.py), eval-split sentences and the FSDD speakers nicolas, theo and yweweler are used.
Keywords are mixed with eval noise at exactly 10 dB SNR (keyword RMS over noise RMS), reverberated half
the time. Negatives: FSDD real speech, synthetic speech in vi/en/hi/ur (including the confusable phrases),
noise and music, at least one hour in total.

    nice -n 19 /usr/bin/python3 models/wake-word/gen_eval.py --split dev --neg-hours 6   (seed 2718)

writes the same construction from the dev voices, training noises and FSDD training speakers to .cache/dev
(threshold calibration only). Without --neg-hours its negatives are one pass over that material (1.25 h);
with it, further seeded passes over the same dev material follow until the negatives last that long.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads BLAS

import argparse
import json
import sys
import wave

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from voicelib import augment as A  # noqa: E402
from voicelib.clips import CACHE, FSDD_EVAL_SPEAKERS, FSDD_TRAIN_SPEAKERS, fsdd, load_clips  # noqa: E402

SR = 16000
SEED = {"eval": 31337, "dev": 2718}
SNR_DB = 10.0
# --split dev: the same construction from *dev* voices (held out from training and from eval:
# gen_clips.py --split dev), training noises and the FSDD training speakers (FSDD has no others to spare),
# used only to calibrate the detection threshold (calibrate-wake-threshold.ts); eval is never used for any
# choice.
SPLIT = {"eval": {"noises": A.EVAL_NOISES, "fsdd": FSDD_EVAL_SPEAKERS, "pos": None, "neg_clips": None, "minutes": 65,
                  "fill": ["music_b", "street", "brown", "music_b"]},
         "dev": {"noises": A.TRAIN_NOISES, "fsdd": FSDD_TRAIN_SPEAKERS, "pos": None, "neg_clips": None, "minutes": 50,
                 "fill": ["music_a", "hum", "pink", "white", "tilted", "clatter"]}}
CFG = SPLIT["eval"]


def write_wav(path, x):
    pcm = np.round(np.clip(x, -1, 1) * 32767).astype("<i2")
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SR)
        w.writeframes(pcm.tobytes())


def eval_noise(rng, n):
    return A.noise(CFG["noises"][rng.integers(len(CFG["noises"]))], rng, n)


def positives(clips, rng):
    idx = clips.select(cat="pos")
    order = rng.permutation(idx)[: CFG["pos"]]
    parts, events, t = [], [], 0
    for i in order:
        kw = clips.meta[i]["kw"]
        x = clips.get(i)
        if rng.random() < 0.5:
            x = A.reverb(np.concatenate([x, np.zeros(SR // 4, np.float32)]), A.rir(rng))[: len(x)]
        pre = int(rng.uniform(1.5, 2.5) * SR)
        post = int(rng.uniform(1.5, 2.0) * SR)
        seg = np.zeros(pre + len(x) + post, np.float32)
        seg[pre : pre + len(x)] = x
        kind = CFG["noises"][rng.integers(len(CFG["noises"]))]
        seg = A.mix_at_snr(seg, A.noise(kind, rng, len(seg)), SNR_DB, speech_ref=x)
        seg = A.set_level(seg, rng.uniform(-35, -18))
        parts.append(A.clip(seg))
        events.append({"keyword": kw, "start": (t + pre) / SR, "end": (t + pre + len(x)) / SR, "noise": kind,
                       "text": clips.meta[i]["text"], "voice": clips.meta[i]["cfg"]})
        t += len(seg)
    return np.concatenate(parts), events


def negatives(clips, rng, neg_hours=None, seed=None):
    parts, segs, t = [], [], 0

    def add(x, what, clips_at=None):
        nonlocal t
        parts.append(A.clip(x))
        segs.append({"start": t / SR, "end": (t + len(x)) / SR, "what": what})
        if clips_at:  # which clip starts where (seconds into the stream): to read a false accept's text
            segs[-1]["clips"] = [{"at": round((t + a) / SR, 2), "text": c["text"], "cat": c["cat"],
                                  "voice": c["cfg"]} for a, c in clips_at]
        t += len(x)

    rec = fsdd(CFG["fsdd"])
    idx = [i for i, m in enumerate(clips.meta) if m["cat"] != "pos"]

    def one_pass(rng, tag="", stop=None, vary=False):
        """FSDD runs then synthetic-speech runs, in a fresh random order; with `vary`, every recording and
        clip is also resampled (speed and pitch x 0.92-1.08), so that a repeat is not the same waveform."""

        def prep(x):
            return A.speed(x, rng.uniform(0.92, 1.08)) if vary else x

        # 1. FSDD real speech, in runs of 10 recordings, clean or with the split's noise at 15-30 dB
        order = rng.permutation(len(rec))
        for k in range(0, len(order), 10):
            if stop is not None and t >= stop:
                return
            run = []
            for j in order[k : k + 10]:
                run += [prep(rec[j][1]), np.zeros(int(rng.uniform(0.1, 0.6) * SR), np.float32)]
            x = np.concatenate(run)
            if rng.random() < 0.6:
                x = A.mix_at_snr(x, eval_noise(rng, len(x)), rng.uniform(15, 30))
            add(A.set_level(x, rng.uniform(-35, -18)), "fsdd" + tag)
        # 2. synthetic speech in the four languages (the split's voices), runs of 6 clips, with noise and reverb
        order = rng.permutation(idx)[: CFG["neg_clips"]]
        for k in range(0, len(order), 6):
            if stop is not None and t >= stop:
                return
            run, at, n = [], [], 0
            for i in order[k : k + 6]:
                x = prep(clips.get(i))
                if rng.random() < 0.5:
                    x = A.reverb(np.concatenate([x, np.zeros(SR // 4, np.float32)]), A.rir(rng))
                at.append((n, clips.meta[i]))
                run += [x, np.zeros(int(rng.uniform(0.2, 1.0) * SR), np.float32)]
                n += len(run[-2]) + len(run[-1])
            x = np.concatenate(run)
            x = A.mix_at_snr(x, eval_noise(rng, len(x)), rng.uniform(5, 25))
            cats = ",".join(sorted({clips.meta[i]["cat"] for i in order[k : k + 6]}))
            add(A.set_level(x, rng.uniform(-35, -18)), "speech" + tag + ":" + cats, at)

    one_pass(rng)
    # 3. noise and music alone, 30 s stretches, until the set holds at least CFG["minutes"]
    kinds = CFG["fill"]
    k = 0
    while t < CFG["minutes"] * 60 * SR:
        kind = kinds[k % len(kinds)]
        add(A.set_level(A.noise(kind, rng, 30 * SR), rng.uniform(-40, -15)), kind)
        k += 1
    # 4. --neg-hours: more passes over the same recordings and clips (new order, neighbours, noise, SNR,
    # reverberation, level, speed), each from its own seeded generator, until the set holds neg_hours;
    # everything before this point is unchanged, so the default stream is a prefix of the longer one
    p = 1
    while neg_hours is not None and t < neg_hours * 3600 * SR:
        one_pass(np.random.default_rng([seed, p]), tag=f"@{p}", stop=neg_hours * 3600 * SR, vary=True)
        p += 1
    return np.concatenate(parts), segs


def main():
    global CFG
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["eval", "dev"], default="eval")
    ap.add_argument("--neg-hours", type=float, default=None,
                    help="dev only: lengthen the negatives to this many hours with more passes over the dev "
                         "material (seeded; the default stream is a prefix of the longer one)")
    args = ap.parse_args()
    split = args.split
    if args.neg_hours is not None and split != "dev":
        ap.error("--neg-hours is for --split dev only (the eval set stays as bench:voice expects it)")
    CFG = SPLIT[split]
    out = os.path.join(CACHE, split)
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(SEED[split])
    clips = load_clips(split)
    pos, events = positives(clips, rng)
    write_wav(os.path.join(out, "positives.wav"), pos)
    with open(os.path.join(out, "positives.json"), "w") as f:
        json.dump({"snr_db": SNR_DB, "seconds": len(pos) / SR, "keywords": events}, f, ensure_ascii=False)
    neg, segs = negatives(clips, rng, args.neg_hours, SEED[split])
    write_wav(os.path.join(out, "negatives.wav"), neg)
    with open(os.path.join(out, "negatives.json"), "w") as f:
        json.dump({"seconds": len(neg) / SR, "segments": segs}, f)
    print(f"positives {len(events)} keywords in {len(pos) / SR / 60:.1f} min; negatives {len(neg) / SR / 60:.1f} min")


if __name__ == "__main__":
    main()
