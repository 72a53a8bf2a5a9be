"""Small committed test WAVs for packages/voice (spoken by eval-only voices, never trained on).

    /usr/bin/python3 models/wake-word/make_test_wavs.py

xin-chao-robot.wav / hello-robot.wav: the keyword once, with 1 s of light eval noise around it.
dialog-vi.wav: "Xin chào Robot ... tôi muốn đăng ký khai sinh"; dialog-en.wav: "Hello Robot ... where is
the restroom"; dialog-oos.wav: "Hello Robot ... I want to pay a traffic fine" (out of scope, held-out phrase;
in these two the keyword is espeak en-gb's, the request flite slt's);
dialog-en-birth.wav: "Hello Robot ... I need a birth certificate" and dialog-en-oos.wav: "Hello Robot ... I want to
pay a traffic fine" (espeak en-gb, an eval voice; the kiosk's end-to-end test).
"""

import os
import sys
import wave

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from voicelib import augment as A  # noqa: E402
from voicelib import tts  # noqa: E402

OUT = os.path.join(HERE, "..", "..", "packages", "voice", "fixtures")
SR = 16000


def write(name, x):
    pcm = np.round(np.clip(x, -1, 1) * 32767).astype("<i2")
    with wave.open(os.path.join(OUT, name), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SR)
        w.writeframes(pcm.tobytes())


def speak(cfg, text):
    x, _, _ = tts.trim(tts.synth(cfg, text), -45.0, pad=0.02)
    return x / np.max(np.abs(x)) * 0.5


def scene(rng, parts, snr=20.0):
    sig = np.concatenate([np.zeros(SR, np.float32)] + [np.concatenate([p, np.zeros(int(0.5 * SR), np.float32)]) for p in parts]
                         + [np.zeros(SR // 2, np.float32)])
    return A.clip(A.mix_at_snr(sig, A.noise("brown", rng, len(sig)), snr, speech_ref=np.concatenate(parts)))


def main():
    rng = np.random.default_rng(5)
    vi = {"engine": "espeak", "voice": "vi-vn-x-south", "variant": "m3", "rate": 150, "pitch": 48}
    en = {"engine": "flite", "voice": "slt", "stretch": 1.08, "f0": None}
    # "Hello Robot" in espeak en-gb (variant m3, an eval variant), the requests in flite slt: the wake word
    # model misses flite slt's and Festival slt_hts's "Hello Robot" most of the time (model card: 19/28 and
    # 18/18 of the eval keywords), so a unit test on them would test a coin toss, not the plumbing.
    gb = {"engine": "espeak", "voice": "en-gb", "variant": "m3", "rate": 150, "pitch": 48}
    write("xin-chao-robot.wav", scene(rng, [speak(vi, "Xin chào Robot")]))
    write("hello-robot.wav", scene(rng, [speak(gb, "Hello Robot")]))
    write("dialog-vi.wav", scene(rng, [speak(vi, "Xin chào Robot"), speak(vi, "tôi muốn đăng ký khai sinh")]))
    write("dialog-en.wav", scene(rng, [speak(gb, "Hello Robot"), speak(en, "where is the restroom")]))
    write("dialog-oos.wav", scene(rng, [speak(gb, "Hello Robot"), speak(en, "I want to pay a traffic fine")]))
    # The kiosk's end-to-end test. With flite slt, "I want to register a birth" came out as marriage and "I need
    # a death certificate" as birth registration (see models/speech-intent/README.md for the eval accuracy).
    write("dialog-en-birth.wav", scene(rng, [speak(gb, "Hello Robot"), speak(gb, "I need a birth certificate")]))
    # (The first model woke on flite slt's "Hello Robot" at only half of the 40 ms frame alignments, scores
    # 0.91-0.92 against its 0.9096 threshold: too marginal for an end-to-end test, hence en-gb here too.)
    write("dialog-en-oos.wav", scene(rng, [speak(gb, "Hello Robot"), speak(gb, "I want to pay a traffic fine")]))


if __name__ == "__main__":
    main()
