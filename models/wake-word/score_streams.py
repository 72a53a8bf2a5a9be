"""Score traces of wake word nets over a stream (positives.wav / negatives.wav of gen_eval.py), in PyTorch,
evaluated exactly where `OnnxWakeWord` evaluates (every 40 ms over the last 190 log-mel frames, the window
filled with log(1e-6) before the stream starts, 0.5 s of silence appended as `detectInSignal` does).

    nice -n 19 /usr/bin/python3 models/wake-word/score_streams.py STREAM_DIR OUT.npz NORM:CHECKPOINT [...]

Writes time [N] and probs [nets, N, 2] (keyword probabilities of each net) for both streams: what
`sweep_rules.py` replays to compare checkpoints and hit rules on the dev streams before exporting one. The
TypeScript bench and calibration remain the reference for every committed number.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads BLAS

import sys
import time
import wave

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from model import load_nets  # noqa: E402
from voicelib.features import HOP, LOG_FLOOR, N_MELS, SAMPLE_RATE, WIN, log_mel  # noqa: E402

FRAMES = 190
HOPS_PER_EVAL = 4


def read_wav(path):
    with wave.open(path, "rb") as w:
        assert w.getframerate() == SAMPLE_RATE and w.getnchannels() == 1 and w.getsampwidth() == 2
        return np.frombuffer(w.readframes(w.getnframes()), "<i2").astype(np.float32) / 32768.0


def features(x):
    """All log-mel rows of x, computed in chunks (the whole stream at once would need gigabytes)."""
    rows, chunk = [], 6000 * HOP
    for a in range(0, len(x), chunk):
        seg = x[a : a + chunk + WIN - HOP]
        if len(seg) >= WIN:
            rows.append(log_mel(seg)[: chunk // HOP])
    return np.concatenate(rows)


def trace(nets, x):
    frame = HOPS_PER_EVAL * HOP
    total = -(-(len(x) + SAMPLE_RATE // 2) // frame) * frame
    x = np.concatenate([x, np.zeros(total - len(x), np.float32)])
    feats = features(x)
    assert len(feats) == (len(x) - WIN) // HOP + 1, (len(feats), len(x))
    pad = np.full((FRAMES, N_MELS), np.log(LOG_FLOOR), np.float32)
    feats = np.concatenate([pad, feats])
    n_eval = total // frame
    samples = (np.arange(n_eval) + 1) * frame
    n_rows = np.where(samples >= WIN, (samples - WIN) // HOP + 1, 0)  # rows available after each frame
    ends = n_rows + FRAMES  # index into the padded rows
    out = np.zeros((len(nets), n_eval, 2), np.float32)
    with torch.no_grad():
        for a in range(0, n_eval, 512):
            idx = ends[a : a + 512, None] - FRAMES + np.arange(FRAMES)[None, :]
            xb = torch.from_numpy(feats[idx])
            for j, net in enumerate(nets):
                out[j, a : a + 512] = torch.softmax(net(xb), 1)[:, 1:].numpy()
    return samples / SAMPLE_RATE, out


def main():
    stream_dir, out_path, specs = sys.argv[1], sys.argv[2], sys.argv[3:]
    torch.set_num_threads(int(os.environ.get("WAKE_THREADS", "1")))
    nets = load_nets(specs)
    res = {"nets": np.array(specs), "stream_dir": np.array(os.path.abspath(stream_dir))}
    for name in ("positives", "negatives"):
        t0 = time.time()
        x = read_wav(os.path.join(stream_dir, f"{name}.wav"))
        t, p = trace(nets, x)
        res[f"{name}_time"], res[f"{name}_probs"], res[f"{name}_seconds"] = t, p, len(x) / SAMPLE_RATE
        print(f"{name}: {len(x) / SAMPLE_RATE / 60:.1f} min, {len(t)} evaluations ({time.time() - t0:.0f} s)", flush=True)
    np.savez(out_path, **res)


if __name__ == "__main__":
    main()
