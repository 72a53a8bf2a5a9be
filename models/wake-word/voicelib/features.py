"""Log-mel front end shared by the wake word and speech-intent models.

Implemented identically in TypeScript (packages/voice/src/features/log-mel.ts); golden vectors written by
`make_golden.py` prove the two agree. Streaming-friendly: no centring or padding, frame i covers samples
[i * HOP, i * HOP + WIN), so features can be computed hop by hop as audio arrives.
"""

import numpy as np

SAMPLE_RATE = 16000
N_FFT = 512
WIN = 400  # 25 ms
HOP = 160  # 10 ms
N_MELS = 40
F_MIN = 60.0
F_MAX = 7600.0
LOG_FLOOR = 1e-6


def hz_to_mel(hz):
    return 2595.0 * np.log10(1.0 + np.asarray(hz, dtype=np.float64) / 700.0)


def mel_to_hz(mel):
    return 700.0 * (10.0 ** (np.asarray(mel, dtype=np.float64) / 2595.0) - 1.0)


def hann_window():
    """Periodic Hann window of WIN samples (float64)."""
    n = np.arange(WIN, dtype=np.float64)
    return 0.5 - 0.5 * np.cos(2.0 * np.pi * n / WIN)


def mel_filterbank():
    """N_MELS x (N_FFT // 2 + 1) triangular HTK-mel filters (float64), unnormalised peaks of 1."""
    n_bins = N_FFT // 2 + 1
    mel_points = np.linspace(hz_to_mel(F_MIN), hz_to_mel(F_MAX), N_MELS + 2)
    hz_points = mel_to_hz(mel_points)
    bin_hz = np.arange(n_bins, dtype=np.float64) * SAMPLE_RATE / N_FFT
    fb = np.zeros((N_MELS, n_bins), dtype=np.float64)
    for m in range(N_MELS):
        lo, centre, hi = hz_points[m], hz_points[m + 1], hz_points[m + 2]
        up = (bin_hz - lo) / (centre - lo)
        down = (hi - bin_hz) / (hi - centre)
        fb[m] = np.maximum(0.0, np.minimum(up, down))
    return fb


_WINDOW = hann_window()
_FB = mel_filterbank()


def num_frames(n_samples):
    return 0 if n_samples < WIN else 1 + (n_samples - WIN) // HOP


def log_mel(samples):
    """samples: float array in [-1, 1] at 16 kHz -> (frames, N_MELS) float32 log-mel."""
    x = np.asarray(samples, dtype=np.float64)
    n = num_frames(len(x))
    if n == 0:
        return np.zeros((0, N_MELS), dtype=np.float32)
    idx = np.arange(WIN)[None, :] + HOP * np.arange(n)[:, None]
    frames = x[idx] * _WINDOW[None, :]
    spec = np.fft.rfft(frames, n=N_FFT, axis=1)
    power = spec.real**2 + spec.imag**2
    mel = power @ _FB.T
    return np.log(mel + LOG_FLOOR).astype(np.float32)
