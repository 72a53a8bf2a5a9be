"""Golden vectors for the log-mel front end: a deterministic test signal (chirp + tones + noise + silence)
as a 16-bit WAV, and the features Python computes for it. packages/voice/src/features/log-mel.test.ts
checks that TypeScript computes the same.

    /usr/bin/python3 models/wake-word/make_feature_golden.py
"""

import json
import os
import sys
import wave

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from voicelib.features import log_mel  # noqa: E402

OUT = os.path.join(HERE, "..", "..", "packages", "voice", "fixtures")


def main():
    rng = np.random.default_rng(7)
    n = 8000 + 123  # half a second plus a partial hop
    t = np.arange(n) / 16000
    x = 0.3 * np.sin(2 * np.pi * (100 + 3000 * t) * t) + 0.1 * np.sin(2 * np.pi * 440 * t)
    x += 0.02 * rng.standard_normal(n)
    x[5000:5600] = 0.0  # digital silence hits the log floor
    pcm = np.round(np.clip(x, -1, 1) * 32767).astype("<i2")
    path = os.path.join(OUT, "golden-logmel.wav")
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(pcm.tobytes())
    feats = log_mel(pcm.astype(np.float32) / 32768.0)
    with open(os.path.join(OUT, "golden-logmel.json"), "w") as f:
        json.dump({"frames": int(feats.shape[0]), "mels": int(feats.shape[1]),
                   "data": [round(float(v), 5) for v in feats.reshape(-1)]}, f)
    print(feats.shape)


if __name__ == "__main__":
    main()
