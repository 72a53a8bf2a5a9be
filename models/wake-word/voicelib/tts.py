"""Synthetic voices: espeak-ng (vi, en, hi, ur and ~100 variants), flite (en), Festival (en, hi).

Every function returns float32 mono samples at 16 kHz in [-1, 1]. Output is deterministic for a given
(engine, voice, text, parameters), so generated sets are reproducible.
"""

import io
import os
import subprocess
import tempfile
import wave
from math import gcd

import numpy as np
from scipy.signal import resample_poly

SR = 16000


def _read_wav_bytes(data):
    with wave.open(io.BytesIO(data)) as w:
        rate, ch, width, n = w.getframerate(), w.getnchannels(), w.getsampwidth(), w.getnframes()
        raw = w.readframes(n)
    if width != 2:
        raise ValueError(f"unexpected sample width {width}")
    x = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    if ch > 1:
        x = x.reshape(-1, ch).mean(axis=1)
    return to_16k(x, rate)


def to_16k(x, rate):
    if rate == SR:
        return x.astype(np.float32)
    g = gcd(SR, rate)
    return resample_poly(x, SR // g, rate // g).astype(np.float32)


def read_wav(path):
    with open(path, "rb") as f:
        return _read_wav_bytes(f.read())


HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def espeak(text, voice="vi", variant=None, rate=175, pitch=50, data=None):
    """data: a folder holding another espeak-ng-data (relative to models/wake-word), e.g. the random
    voices of randvoice.py; None: the system's."""
    v = voice if variant is None else f"{voice}+{variant}"
    path = [f"--path={os.path.join(HERE, data)}"] if data else []
    out = subprocess.run(
        ["espeak-ng", *path, "-v", v, "-s", str(int(rate)), "-p", str(int(pitch)), "--stdout", text],
        check=True, capture_output=True,
    ).stdout
    # espeak-ng writes a streaming header with unknown sizes; patch them before parsing.
    data = bytearray(out)
    data[4:8] = (len(data) - 8).to_bytes(4, "little")
    data[40:44] = (len(data) - 44).to_bytes(4, "little")
    return _read_wav_bytes(bytes(data))


def flite(text, voice="kal", stretch=1.0, f0=None):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "o.wav")
        cmd = ["flite", "-voice", voice, "--setf", f"duration_stretch={stretch:.3f}"]
        if f0 is not None:
            cmd += ["--setf", f"int_f0_target_mean={f0:.1f}"]
        subprocess.run(cmd + ["-t", text, "-o", out], check=True, capture_output=True)
        return read_wav(out)


FESTIVAL_VOICES = {"kal": "kal_diphone", "ked": "ked_diphone", "slt_hts": "cmu_us_slt_arctic_hts",
                   "hi_nsk": "hindi_NSK_diphone",
                   # other-language voices (Debian festvox-*), training and dev only (voices.py)
                   "cs_dita": "czech_dita", "cs_krb": "czech_krb", "cs_machac": "czech_machac", "cs_ph": "czech_ph",
                   "it_lp": "lp_diphone", "it_pc": "pc_diphone", "ca_ona": "upc_ca_ona_hts",
                   "fi_lj": "suo_fi_lj_diphone", "fi_mv": "hy_fi_mv_diphone", "ru_nsh": "msu_ru_nsh_clunits",
                   "mr_nsk": "marathi_NSK_diphone", "te_nsk": "telugu_NSK_diphone"}
# the text encoding each voice's front end reads (the Czech voices: ISO 8859-2; Latin-1 ones: 8859-1)
FESTIVAL_ENCODING = {"cs_dita": "iso-8859-2", "cs_krb": "iso-8859-2", "cs_machac": "iso-8859-2",
                     "cs_ph": "iso-8859-2", "it_lp": "latin-1", "it_pc": "latin-1", "ca_ona": "latin-1",
                     "fi_lj": "latin-1", "fi_mv": "latin-1"}


def festival(text, voice="kal", stretch=1.0):
    with tempfile.TemporaryDirectory() as d:
        src, out = os.path.join(d, "t.txt"), os.path.join(d, "o.wav")
        with open(src, "w", encoding="utf-8") as f:
            f.write(text)
        ev = f"(begin (voice_{FESTIVAL_VOICES[voice]}) (Parameter.set 'Duration_Stretch {stretch:.3f}))"
        subprocess.run(["text2wave", "-eval", ev, src, "-o", out], check=True, capture_output=True)
        return read_wav(out)


def festival_batch(voice, items):
    """Many utterances from one Festival process (starting Festival and loading a voice costs about a
    second): items = [(text, stretch)] -> list of float32 arrays (None where the voice failed)."""
    enc = FESTIVAL_ENCODING.get(voice, "utf-8")
    with tempfile.TemporaryDirectory() as d:
        lines = [f"(voice_{FESTIVAL_VOICES[voice]})".encode()]
        for i, (text, stretch) in enumerate(items):
            safe = text.replace("\\", " ").replace('"', " ")
            lines.append(f"(Parameter.set 'Duration_Stretch {stretch:.3f})".encode())
            lines.append(b'(set! u (utt.synth (Utterance Text "' + safe.encode(enc, "replace") + b'")))')
            lines.append(f"(utt.save.wave u \"{d}/{i}.wav\" 'riff)".encode())
        scm = os.path.join(d, "batch.scm")
        with open(scm, "wb") as f:
            f.write(b"\n".join(lines) + b"\n")
        subprocess.run(["festival", "-b", scm], capture_output=True)
        out = []
        for i in range(len(items)):
            p = os.path.join(d, f"{i}.wav")
            out.append(read_wav(p) if os.path.exists(p) else None)
        return out


def synth(cfg, text):
    """cfg: dict with 'engine' in {espeak, flite, festival} and that engine's parameters."""
    e = cfg["engine"]
    if e == "espeak":
        return espeak(text, cfg["voice"], cfg.get("variant"), cfg.get("rate", 175), cfg.get("pitch", 50),
                      cfg.get("data"))
    if e == "flite":
        return flite(text, cfg["voice"], cfg.get("stretch", 1.0), cfg.get("f0"))
    if e == "festival":
        return festival(text, cfg["voice"], cfg.get("stretch", 1.0))
    raise ValueError(e)


def trim(x, thresh_db=-40.0, pad=0.0):
    """Cut leading/trailing silence (10 ms frames below thresh relative to peak); returns (x, start, end)."""
    if len(x) == 0:
        return x, 0, 0
    hop = 160
    n = len(x) // hop
    if n == 0:
        return x, 0, len(x)
    e = np.sqrt(np.mean(x[: n * hop].reshape(n, hop) ** 2, axis=1) + 1e-12)
    ref = e.max()
    on = np.nonzero(20 * np.log10(e / ref + 1e-12) > thresh_db)[0]
    if len(on) == 0:
        return x[:0], 0, 0
    s = max(0, on[0] * hop - int(pad * SR))
    t = min(len(x), (on[-1] + 1) * hop + int(pad * SR))
    return x[s:t], s, t
