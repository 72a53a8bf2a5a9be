"""Procedural noise, music-like signals, room reverberation and mixing (numpy, seeded).

Noise types are split: training uses white, pink, hum (mains + fan), music_a (additive-synth melodies
and chords), tilted (noise with a random spectral slope of 0.3-1.5 and a random band) and clatter (clicks,
taps and short beeps over a low noise floor); evaluation uses brown, street (modulated low-pass rumble with horn-like tones) and music_b
(plucked strings + bells + percussion), none of which training ever sees. Babble is made from speech of
the same split.
"""

import numpy as np
from scipy.signal import butter, fftconvolve, lfilter, resample_poly

SR = 16000
TRAIN_NOISES = ["white", "pink", "hum", "music_a", "tilted", "clatter"]
EVAL_NOISES = ["brown", "street", "music_b"]


def _norm(x):
    return (x / (np.sqrt(np.mean(x**2)) + 1e-9)).astype(np.float32)


def colored(rng, n, exponent):
    """1/f^exponent noise via spectral shaping (0 white, 1 pink, 2 brown), unit RMS."""
    m = 1 << int(np.ceil(np.log2(max(n, 2))))  # power-of-two FFT, then crop: fast for any n
    spec = np.fft.rfft(rng.standard_normal(m))
    f = np.fft.rfftfreq(m, 1.0 / SR)
    f[0] = f[1]
    spec /= f ** (exponent / 2.0)
    return _norm(np.fft.irfft(spec, m)[:n])


def hum(rng, n):
    t = np.arange(n) / SR
    mains = rng.choice([50.0, 60.0])
    x = sum((0.6 / k) * np.sin(2 * np.pi * mains * k * t + rng.uniform(0, 6.28)) for k in range(1, 6))
    b, a = butter(2, rng.uniform(300, 1500) / (SR / 2))
    fan = lfilter(b, a, rng.standard_normal(n))
    return _norm(_norm(x) * rng.uniform(0.2, 1.0) + _norm(fan))


def street(rng, n):
    b, a = butter(2, rng.uniform(150, 600) / (SR / 2))
    rumble = lfilter(b, a, rng.standard_normal(n))
    t = np.arange(n) / SR
    env = 1.0 + 0.6 * np.sin(2 * np.pi * rng.uniform(0.05, 0.3) * t + rng.uniform(0, 6.28))
    x = _norm(rumble * env)
    for _ in range(int(rng.integers(0, 3))):
        s = int(rng.integers(0, max(1, n - SR)))
        d = int(rng.uniform(0.2, 0.8) * SR)
        f0 = rng.uniform(300, 500)
        tt = np.arange(min(d, n - s)) / SR
        x[s : s + len(tt)] += 0.7 * np.sign(np.sin(2 * np.pi * f0 * tt)) * np.hanning(len(tt))
    return _norm(x + 0.3 * colored(rng, n, 1.0))


def _envelope(n, attack, decay):
    a = max(1, int(attack * SR))
    env = np.exp(-np.arange(n) / max(1.0, decay * SR))
    env[: min(a, n)] *= np.linspace(0, 1, min(a, n))
    return env


def music_a(rng, n):
    """Additive-synth melody over sustained chords (harmonic tones, soft attacks)."""
    x = np.zeros(n)
    bpm = rng.uniform(70, 140)
    beat = int(60.0 / bpm * SR)
    root = 220.0 * 2 ** (rng.integers(-5, 7) / 12.0)
    scale = [0, 2, 4, 5, 7, 9, 11, 12]
    pos = 0
    while pos < n:
        dur = beat * int(rng.choice([1, 1, 2]))
        m = min(dur, n - pos)
        t = np.arange(m) / SR
        f = root * 2 ** (scale[rng.integers(len(scale))] / 12.0) * 2
        tone = sum((0.5**k) * np.sin(2 * np.pi * f * (k + 1) * t) for k in range(4))
        x[pos : pos + m] += tone * _envelope(m, 0.02, 0.6)
        for iv in (0, 4, 7):
            fc = root * 2 ** (iv / 12.0)
            x[pos : pos + m] += 0.25 * np.sin(2 * np.pi * fc * t) * _envelope(m, 0.05, 2.0)
        pos += dur
    return _norm(x)


def music_b(rng, n):
    """Karplus-Strong plucked strings, FM bells and noise-burst percussion."""
    x = np.zeros(n)
    step = int(rng.uniform(0.15, 0.4) * SR)
    for pos in range(0, n, step):
        kind = rng.integers(3)
        m = min(int(0.8 * SR), n - pos)
        if kind == 0:
            period = int(SR / (110.0 * 2 ** (rng.integers(0, 24) / 12.0)))
            buf = rng.uniform(-1, 1, max(2, period))
            out = np.empty(m)
            for i in range(m):
                out[i] = buf[i % len(buf)]
                buf[i % len(buf)] = 0.996 * 0.5 * (buf[i % len(buf)] + buf[(i + 1) % len(buf)])
            x[pos : pos + m] += out
        elif kind == 1:
            t = np.arange(m) / SR
            fc = 440.0 * 2 ** (rng.integers(-12, 12) / 12.0)
            x[pos : pos + m] += np.sin(2 * np.pi * fc * t + 3 * np.sin(2 * np.pi * fc * 1.4 * t)) * _envelope(m, 0.002, 0.3)
        else:
            d = min(int(0.12 * SR), m)
            x[pos : pos + d] += rng.standard_normal(d) * _envelope(d, 0.001, 0.03) * 1.5
    return _norm(x)


def tilted(rng, n):
    """Noise with a random 1/f^e slope (e in 0.3-1.5: between white and pink-plus, never brown) and a
    random second-order band (a fan, an air conditioner, a corridor)."""
    x = colored(rng, n, rng.uniform(0.3, 1.5))
    lo, hi = rng.uniform(50, 400), rng.uniform(1500, 7000)
    b, a = butter(2, [lo / (SR / 2), hi / (SR / 2)], "band")
    return _norm(lfilter(b, a, x))


def clatter(rng, n):
    """Impulsive sounds: clicks, taps (footsteps, a keyboard, a printer) and short beeps, on a noise floor."""
    x = 0.05 * colored(rng, n, 1.0)
    for _ in range(int(rng.integers(2, 12) * n / SR)):
        s = int(rng.integers(0, max(1, n - SR // 5)))
        if rng.random() < 0.75:
            d = int(rng.uniform(0.005, 0.06) * SR)
            b, a = butter(2, rng.uniform(500, 6000) / (SR / 2))
            burst = lfilter(b, a, rng.standard_normal(d)) * _envelope(d, 0.0005, rng.uniform(0.005, 0.03))
        else:
            d = int(rng.uniform(0.05, 0.2) * SR)
            t = np.arange(d) / SR
            burst = 0.5 * np.sin(2 * np.pi * rng.uniform(800, 3000) * t) * np.hanning(d)
        x[s : s + d] += burst * rng.uniform(0.3, 1.5)
    return _norm(x)


GENERATORS = {
    "tilted": tilted,
    "clatter": clatter,
    "white": lambda rng, n: colored(rng, n, 0.0),
    "pink": lambda rng, n: colored(rng, n, 1.0),
    "brown": lambda rng, n: colored(rng, n, 2.0),
    "hum": hum,
    "street": street,
    "music_a": music_a,
    "music_b": music_b,
}


def noise(kind, rng, n):
    return GENERATORS[kind](rng, n)


def rir(rng, rt60=None):
    """Synthetic room impulse response: direct path + exponentially decaying noise tail."""
    rt60 = rng.uniform(0.15, 0.8) if rt60 is None else rt60
    n = int(min(rt60, 1.0) * SR)
    t = np.arange(n) / SR
    tail = rng.standard_normal(n) * np.exp(-6.9 * t / rt60)
    pre = int(rng.uniform(0.002, 0.01) * SR)
    tail[:pre] = 0
    h = tail * rng.uniform(0.1, 0.5)
    h[0] = 1.0
    return (h / np.sqrt(np.sum(h**2))).astype(np.float32)


def reverb(x, h):
    return fftconvolve(x, h)[: len(x)].astype(np.float32)


def speed(x, factor):
    """Resample to change speed and pitch together (factor > 1: faster)."""
    up = 100
    down = int(round(100 * factor))
    return resample_poly(x, up, down).astype(np.float32)


def bandlimit(x, rng):
    """Random microphone colour: high-pass 80-300 Hz and low-pass 3.4-7.5 kHz."""
    b, a = butter(2, rng.uniform(80, 300) / (SR / 2), "high")
    y = lfilter(b, a, x)
    b, a = butter(2, rng.uniform(3400, 7500) / (SR / 2))
    return lfilter(b, a, y).astype(np.float32)


def rms(x):
    return float(np.sqrt(np.mean(np.asarray(x, dtype=np.float64) ** 2) + 1e-12))


def mix_at_snr(speech, noise_sig, snr_db, speech_ref=None):
    """Add noise so that RMS(speech_ref) / RMS(noise) = snr_db (speech_ref: the active-speech part)."""
    ref = rms(speech if speech_ref is None else speech_ref)
    g = ref / (rms(noise_sig) * 10 ** (snr_db / 20.0))
    return (speech + g * noise_sig).astype(np.float32)


def set_level(x, dbfs):
    return (x * (10 ** (dbfs / 20.0) / (rms(x) + 1e-9))).astype(np.float32)


def clip(x):
    return np.clip(x, -1.0, 1.0).astype(np.float32)
