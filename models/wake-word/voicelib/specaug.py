"""Feature-level augmentation shared by the wake word and speech-intent training: vocal-tract-length
perturbation and random EQ on log-mel batches (numpy, in place, seeded by the caller's generator)."""

import numpy as np

from .features import F_MAX, F_MIN, N_MELS, hz_to_mel, mel_to_hz


def _mel_centres_mel():
    return np.linspace(hz_to_mel(F_MIN), hz_to_mel(F_MAX), N_MELS + 2)[1:-1]


_MC = _mel_centres_mel()
_WARPS = np.linspace(0.82, 1.18, 37)


def _warp_index(alpha):
    """Fractional band index to read for each output band when the spectrum is scaled by alpha (VTLP)."""
    src = hz_to_mel(mel_to_hz(_MC) / alpha)
    return np.clip((src - _MC[0]) / (_MC[1] - _MC[0]), 0, len(_MC) - 1)


_WARP_IDX = [_warp_index(a) for a in _WARPS]


def voice_augment(x, rng):
    """Vocal-tract-length perturbation (the mel axis scaled by 0.82-1.18, i.e. formants and pitch moved
    together as another speaker's would be) and a random smooth EQ (+-3 dB tilt and ripple: microphone and
    voice colour), on a batch [B, T, F] of log-mel windows, in place."""
    b, t, f = x.shape
    bands = np.arange(f) / (f - 1)
    for i in range(b):
        if rng.random() < 0.7:
            idx = _WARP_IDX[rng.integers(len(_WARPS))]
            lo = np.floor(idx).astype(int)
            hi = np.minimum(lo + 1, f - 1)
            w = (idx - lo).astype(np.float32)
            x[i] = x[i][:, lo] * (1 - w) + x[i][:, hi] * w
        if rng.random() < 0.5:
            eq = sum(rng.uniform(-0.35, 0.35) * np.cos(np.pi * k * bands) for k in (1, 2, 3))
            x[i] += eq.astype(np.float32)
    return x
