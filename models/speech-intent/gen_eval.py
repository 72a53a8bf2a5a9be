"""Deterministic evaluation audio for the speech-intent part of `npm run -s bench:voice`.

    nice -n 10 /usr/bin/python3 models/speech-intent/gen_eval.py     (seed 4242; needs both eval caches)

Writes .cache/eval/utterances.wav (+ .json): every eval utterance (eval voices only, OOS_EVAL for
out-of-scope) with 1.2 s of eval noise around it, at 10-25 dB SNR; and .cache/eval/dialogs.wav (+ .json):
"keyword ... request" dialogs, the way a citizen speaks to the kiosk, to time wake -> end of speech ->
intent through the whole pipeline.

`--split dev` (seed 4243) writes .cache/dev/utterances.wav (+ .json) the same way from the dev voices
(gen_clips.py --split dev, with its near-domain out-of-scope requests), plus keyword-free sentences and word
salad by the same voices as out-of-scope requests (half as many as the in-scope ones, as train.py's dev set),
in training noises: what candidates are compared on
(packages/voice/scripts/score-speech-intent.ts), never eval.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads BLAS

import argparse
import json
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "wake-word"))
sys.path.insert(0, HERE)
from gen_eval_support import write_wav  # noqa: E402
from voicelib import augment as A  # noqa: E402
from voicelib.clips import Clips, load_clips  # noqa: E402
import phrases  # noqa: E402

SR = 16000
SEED = 4242
OUT = os.path.join(HERE, ".cache", "eval")
DEV_OUT = os.path.join(HERE, ".cache", "dev")


def write_utterances(out, sources, rng, noises):
    """Each (audio, meta) in order with 1.2 s of `noises` around it at 10-25 dB SNR (reverberated 40 % of
    the time) into out/utterances.wav (+ .json: meta, start, end, noise). Returns how many."""
    parts, items, t = [], [], 0
    for x, m in sources:
        if rng.random() < 0.4:
            x = A.reverb(np.concatenate([x, np.zeros(SR // 4, np.float32)]), A.rir(rng))[: len(x)]
        pad = int(1.2 * SR)
        seg = np.zeros(2 * pad + len(x), np.float32)
        seg[pad : pad + len(x)] = x
        kind = noises[rng.integers(len(noises))]
        seg = A.clip(A.set_level(A.mix_at_snr(seg, A.noise(kind, rng, len(seg)), rng.uniform(10, 25), speech_ref=x), rng.uniform(-32, -18)))
        parts.append(seg)
        items.append({**m, "start": (t + pad) / SR, "end": (t + pad + len(x)) / SR, "noise": kind})
        t += len(seg)
    write_wav(os.path.join(out, "utterances.wav"), np.concatenate(parts))
    with open(os.path.join(out, "utterances.json"), "w") as f:
        json.dump({"items": items}, f, ensure_ascii=False)
    return len(items)


def dev():
    out = DEV_OUT
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(4243)
    utt = Clips(os.path.join(HERE, ".cache", "utterances_dev.npz"))
    wake = load_clips("dev")
    src = [(utt, i, {k: utt.meta[i][k] for k in ("lang", "text", "intent", "procedure", "facility")}) for i in range(len(utt))]
    for i in phrases.dev_sentence_oos(utt.meta, wake.meta, rng):
        m = wake.meta[int(i)]
        src.append((wake, int(i), {"lang": m["lang"], "text": m["text"], "intent": "out_of_scope", "procedure": "none", "facility": "none"}))
    n = write_utterances(out, ((src[k][0].get(src[k][1]), src[k][2]) for k in rng.permutation(len(src))), rng,
                         A.TRAIN_NOISES)
    print(f"{n} dev utterances")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["eval", "dev"], default="eval")
    if ap.parse_args().split == "dev":
        return dev()
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(SEED)
    utt = Clips(os.path.join(HERE, ".cache", "utterances_eval.npz"))
    kws = load_clips("eval")
    kw_idx = {k: kws.select(cat="pos", kw=k) for k in ("xin_chao_robot", "hello_robot")}
    meta = lambda i: {k: v for k, v in utt.meta[i].items() if k != "cfg"}  # noqa: E731
    n_items = write_utterances(OUT, ((utt.get(i), meta(i)) for i in rng.permutation(len(utt))), rng, A.EVAL_NOISES)
    # dialogs: keyword in the citizen's language (vi -> xin chao robot, others -> hello robot), pause, request
    parts, dialogs, t = [], [], 0
    order = rng.permutation(len(utt))[:300]
    for i in order:
        m = utt.meta[i]
        kw = "xin_chao_robot" if m["lang"] == "vi" else "hello_robot"
        k = kw_idx[kw][rng.integers(len(kw_idx[kw]))]
        key, req = kws.get(k), utt.get(i)
        pre, gap, post = int(1.5 * SR), int(rng.uniform(0.3, 0.8) * SR), int(3.0 * SR)
        seg = np.zeros(pre + len(key) + gap + len(req) + post, np.float32)
        seg[pre : pre + len(key)] = key
        r0 = pre + len(key) + gap
        seg[r0 : r0 + len(req)] = req
        kind = A.EVAL_NOISES[rng.integers(len(A.EVAL_NOISES))]
        seg = A.clip(A.set_level(A.mix_at_snr(seg, A.noise(kind, rng, len(seg)), 15.0, speech_ref=req), rng.uniform(-30, -18)))
        parts.append(seg)
        d = {k2: m[k2] for k2 in ("lang", "text", "intent", "procedure", "facility")}
        dialogs.append({**d, "keyword": kw, "keyword_end": (t + pre + len(key)) / SR, "start": (t + r0) / SR,
                        "end": (t + r0 + len(req)) / SR, "noise": kind})
        t += len(seg)
    write_wav(os.path.join(OUT, "dialogs.wav"), np.concatenate(parts))
    with open(os.path.join(OUT, "dialogs.json"), "w") as f:
        json.dump({"dialogs": dialogs}, f, ensure_ascii=False)
    print(f"{n_items} utterances, {len(dialogs)} dialogs")


if __name__ == "__main__":
    main()
