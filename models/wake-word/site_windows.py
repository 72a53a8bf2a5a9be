"""Training windows from a site's own recordings, for fine-tuning the wake word there (site_finetune.py).

    /usr/bin/python3 models/wake-word/site_windows.py --keyword xin_chao_robot=PATH --keyword hello_robot=PATH
        --background PATH --out FILE.npz [--speech PATH] [--counts pos:3000,partial:2000,background:3000]
        [--seed 7001]                  (with --speech the default counts add speech:4000)

PATH: a WAV file or a folder of them (*.wav, not recursive); repeat the options as needed. The same
recordings `wakeword:calibrate` reads: keyword clips hold one utterance each (up to 3 s of it), background
audio holds none (the lobby in opening hours). --speech: recordings without either keyword, best of the
same people (a volunteer reads a few ordinary sentences after the keywords), so that the net does not learn
their voices as evidence of a keyword. Any 16-bit PCM WAV; resampled to 16 kHz mono.

Writes X [N, 190, 40] float16 log-mel windows, y (0 none, 1 xin_chao_robot, 2 hello_robot) and kinds, the
format train.py's WAKE_EXTRA reads:
- pos: a keyword clip (speed x 0.92-1.08 half the time) ending 0-0.35 s before the window's end, over a
  stretch of the site's background at 5-30 dB SNR, level -45 to -12 dBFS;
- partial: the same clips cut off (the window ends 0.25-0.9 s before the keyword does, or only its tail is
  heard): label 0, so the net does not fire on "xin chào" alone in this voice;
- background: the site's background alone at -50 to -10 dBFS;
- speech (with --speech; give it a count, e.g. speech:4000): a speech recording ending -0.3 to 0.5 s from
  the window's end over the background at 5-30 dB SNR: label 0.
Errors (one line on stderr, exit 2): unreadable or non-PCM WAV, a keyword clip longer than 3 s or silent,
too little audio (fewer than 10 clips of a keyword, or under 5 minutes of background).
"""

import argparse
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads BLAS

import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from build_windows import KW, L, SR, _place  # noqa: E402  (the training windows' size, labels, placing)
from voicelib import augment as A  # noqa: E402
from voicelib.features import log_mel  # noqa: E402
from voicelib.tts import read_wav, trim  # noqa: E402

MAX_CLIP_S = 3.0
MIN_CLIPS = 10
MIN_BACKGROUND_MIN = 5.0


class SiteDataError(Exception):
    pass


def wav_files(path):
    if os.path.isdir(path):
        names = sorted(n for n in os.listdir(path) if n.lower().endswith(".wav"))
        if not names:
            raise SiteDataError(f"{path}: no .wav files in this folder")
        return [os.path.join(path, n) for n in names]
    if not os.path.exists(path):
        raise SiteDataError(f"{path}: no such file or folder")
    return [path]


def read(path):
    try:
        return read_wav(path)
    except Exception as e:  # wave.Error, EOFError, ValueError (not 16-bit PCM)...
        raise SiteDataError(f"{path}: not a readable 16-bit PCM WAV ({e})") from e


def keyword_clip(path):
    """The utterance in a keyword recording: trimmed to 0.1 s around what is within 30 dB of its peak."""
    x = read(path)
    if len(x) == 0 or A.rms(x) < 1e-5:
        raise SiteDataError(f"{path}: silent")
    y, _, _ = trim(x, thresh_db=-30.0, pad=0.1)
    if len(y) > MAX_CLIP_S * SR:
        raise SiteDataError(f"{path}: {len(y) / SR:.1f} s of sound; a keyword clip holds one utterance (at most "
                            f"{MAX_CLIP_S:.0f} s): cut it")
    return y


def speech_clip(path):
    x = read(path)
    y, _, _ = trim(x, thresh_db=-40.0, pad=0.05)
    if len(y) == 0 or A.rms(y) < 1e-5:
        raise SiteDataError(f"{path}: silent")
    return y[: 10 * SR]


def load_site(keywords, backgrounds):
    clips = {kw: [] for kw in KW}
    for kw, path in keywords:
        if kw not in KW:
            raise SiteDataError(f"unknown keyword {kw}: one of {', '.join(KW)}")
        clips[kw] += [keyword_clip(f) for p in [path] for f in wav_files(p)]
    for kw, cs in clips.items():
        if len(cs) < MIN_CLIPS:
            raise SiteDataError(f"{kw}: {len(cs)} clips; at least {MIN_CLIPS} (more speakers are better)")
    bg = [read(f) for p in backgrounds for f in wav_files(p)]
    bg = np.concatenate(bg) if bg else np.zeros(0, np.float32)
    if len(bg) < MIN_BACKGROUND_MIN * 60 * SR:
        raise SiteDataError(f"background: {len(bg) / SR / 60:.1f} min; at least {MIN_BACKGROUND_MIN:.0f} min")
    return clips, bg


def over_lobby(canvas, back, x, rng):
    """The placed speech over the lobby stretch at 5-30 dB SNR (x: its reference), at -45 to -12 dBFS."""
    y = A.mix_at_snr(canvas, back + 1e-5 * rng.standard_normal(L), rng.uniform(5, 30), speech_ref=x)
    return log_mel(A.clip(A.set_level(y, rng.uniform(-45, -12))))


def make_window(kind, rng, clips, bg, speech):
    canvas = np.zeros(L, np.float32)
    s = int(rng.integers(0, len(bg) - L))
    back = bg[s : s + L].astype(np.float32)
    if kind == "background":
        return log_mel(A.clip(A.set_level(back + 1e-5 * rng.standard_normal(L), rng.uniform(-50, -10)))), 0
    if kind == "speech":
        x = speech[int(rng.integers(len(speech)))]
        if rng.random() < 0.5:
            x = A.speed(x, rng.uniform(0.92, 1.08))
        _place(canvas, x, L - int(rng.uniform(-0.3, 0.5) * SR))
        return over_lobby(canvas, back, x, rng), 0
    kw = list(KW)[int(rng.integers(len(KW)))]
    x = clips[kw][int(rng.integers(len(clips[kw])))]
    if rng.random() < 0.5:
        x = A.speed(x, rng.uniform(0.92, 1.08))
    if len(x) > L - 800:  # very slow speakers: speed up to fit rather than cut the keyword
        x = A.speed(x, len(x) / (L - 800))
    label = 0
    if kind == "pos":
        end = max(L - int(rng.uniform(0.0, 0.35) * SR), len(x))
        label = KW[kw]
    elif rng.random() < 0.6:  # not finished yet
        end = L + int(rng.uniform(0.25, 0.9) * SR)
    else:  # only its tail heard
        end = len(x) - int(rng.uniform(0.35, 0.8) * SR)
    _place(canvas, x, end)
    return over_lobby(canvas, back, x, rng), label


def build(clips, bg, counts, seed, speech=()):
    rng = np.random.default_rng(seed)
    X, y, kinds = [], [], []
    for kind, n in counts.items():
        for _ in range(n):
            w, label = make_window(kind, rng, clips, bg, speech)
            X.append(w.astype(np.float16))
            y.append(label)
            kinds.append(f"site_{kind}")
    return np.stack(X), np.array(y, np.int64), np.array(kinds)


def parse_counts(text):
    try:
        counts = {k: int(n) for k, n in (p.split(":") for p in text.split(","))}
    except ValueError as e:
        raise SiteDataError(f"--counts {text}: write KIND:N,... (pos, partial, background, speech)") from e
    if any(n < 0 for n in counts.values()) or sum(counts.values()) == 0:
        raise SiteDataError(f"--counts {text}: counts are whole numbers, not all zero")
    unknown = set(counts) - {"pos", "partial", "background", "speech"}
    if unknown:
        raise SiteDataError(f"--counts: unknown kind(s) {', '.join(sorted(unknown))}: pos, partial, background, speech")
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--keyword", action="append", default=[], metavar="KEYWORD=PATH", required=True)
    ap.add_argument("--background", action="append", default=[], metavar="PATH", required=True)
    ap.add_argument("--speech", action="append", default=[], metavar="PATH")
    ap.add_argument("--out", required=True)
    ap.add_argument("--counts", help="default pos:3000,partial:2000,background:3000 (+ speech:4000 with --speech)")
    ap.add_argument("--seed", type=int, default=7001)
    args = ap.parse_args(argv)
    try:
        keywords = []
        for k in args.keyword:
            if "=" not in k:
                raise SiteDataError(f"--keyword {k}: write KEYWORD=PATH (xin_chao_robot=... or hello_robot=...)")
            keywords.append(tuple(k.split("=", 1)))
        counts = parse_counts(args.counts or ("pos:3000,partial:2000,background:3000" +
                                              (",speech:4000" if args.speech else "")))
        if counts.get("speech", 0) > 0 and not args.speech:
            raise SiteDataError("--counts asks for speech windows: give the recordings with --speech PATH")
        if args.speech and counts.get("speech", 0) == 0:
            raise SiteDataError("--speech given but --counts has no speech:N (e.g. speech:4000)")
        clips, bg = load_site(keywords, args.background)
        speech = [speech_clip(f) for p in args.speech for f in wav_files(p)]
        X, y, kinds = build(clips, bg, counts, args.seed, speech)
    except SiteDataError as e:
        print(f"site_windows: {e}", file=sys.stderr)
        return 2
    np.savez(args.out, X=X, y=y, kinds=kinds)
    n = {kw: len(c) for kw, c in clips.items()}
    print(f"{len(y)} windows {np.bincount(y, minlength=3).tolist()} from clips {n}, {len(speech)} speech and "
          f"{len(bg) / SR / 60:.1f} min of background -> {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
