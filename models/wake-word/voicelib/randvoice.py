"""Random espeak-ng voices bred from the training variants only (many more synthetic speakers).

espeak-ng's ~100 variants are small text files (pitch base and range, nine formants' frequency, height and
width in per cent, flutter, roughness, breath, voicing, consonant levels, echo, Klatt source...). Each random
voice here takes every setting from one of two training variants (crossover), then perturbs the numbers
(formant frequency x 0.92-1.08, height and width x 0.8-1.25, pitch x 0.85-1.15) and clamps each to the
range the training variants span. No dev or eval variant (voices.variant_split) is read, so no held-out
voice is copied; the random voices fill the space between training voices, as more speakers would.

They are written into private copies of espeak-ng's data folder (`.cache/espeak-rand/g0/espeak-ng-data`,
`voices/!v/rv0000`..., 100 voices per copy), used with `espeak-ng --path=.cache/espeak-rand/g0 -v
vi+rv0000`: the system's list of variants, which defines the splits, is never touched.
"""

import os
import re
import shutil
import subprocess

import numpy as np

from .voices import variant_split

SYSTEM_DATA = None
NUMERIC = ("pitch", "formant", "flutter", "roughness", "breath", "breathw", "voicing", "consonants", "echo",
           "tone", "stressAdd", "stressAmp", "stressLength", "intonation")
PREFIX = "rv"
GROUP = 100


def system_data_dir():
    """The espeak-ng-data folder espeak-ng uses (from `espeak-ng --version`)."""
    global SYSTEM_DATA
    if SYSTEM_DATA is None:
        out = subprocess.run(["espeak-ng", "--version"], check=True, capture_output=True, text=True).stdout
        m = re.search(r"Data at: (\S+)", out)
        SYSTEM_DATA = m.group(1) if m else "/usr/lib/x86_64-linux-gnu/espeak-ng-data"
    return SYSTEM_DATA


def parse_variant(path):
    """A variant file -> {key: [numbers]} (formants keyed 'formant N'); other lines (name, gender,
    language) dropped; 'klatt' kept as a number."""
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.split("//")[0].strip()
            if not line:
                continue
            parts = line.split()
            key, vals = parts[0], parts[1:]
            if key == "formant" and len(vals) >= 2:
                key, vals = f"formant {vals[0]}", vals[1:]
            if key not in NUMERIC and key != "klatt" and not key.startswith("formant "):
                continue
            try:
                out[key] = [float(v) for v in vals]
            except ValueError:
                continue
    return out


def training_variants():
    vdir = os.path.join(system_data_dir(), "voices", "!v")
    paths = {v: os.path.join(vdir, v) for v in variant_split("train") if v is not None}
    return {v: parse_variant(p) for v, p in paths.items() if os.path.isfile(p)}


def ranges(variants):
    """Per key and position: (min, max) over the training variants."""
    lo, hi = {}, {}
    for d in variants.values():
        for k, vals in d.items():
            for i, v in enumerate(vals):
                lo[(k, i)] = min(lo.get((k, i), v), v)
                hi[(k, i)] = max(hi.get((k, i), v), v)
    return lo, hi


def breed(variants, bounds, rng):
    """One random voice: {key: [numbers]}; bounds = ranges(variants)."""
    names = sorted(variants)
    a, b = (variants[names[i]] for i in rng.choice(len(names), size=2, replace=False))
    lo, hi = bounds
    out = {}
    for k in sorted(set(a) | set(b)):
        src = a if rng.random() < 0.5 else b
        if k not in src:
            continue  # the chosen parent has no such line: the language default stays
        vals = list(src[k])
        if k.startswith("formant "):
            f = [rng.uniform(0.92, 1.08), rng.uniform(0.8, 1.25), rng.uniform(0.8, 1.25)]
            vals = [v * f[i] if i < 3 else v for i, v in enumerate(vals)]
        elif k == "pitch":
            f = rng.uniform(0.85, 1.15)
            vals = [v * f for v in vals]
        elif k in ("flutter", "roughness", "breath", "breathw", "voicing", "consonants"):
            vals = [v * rng.uniform(0.8, 1.25) for v in vals]
        vals = [min(max(v, lo[(k, i)]), hi[(k, i)]) for i, v in enumerate(vals)]
        out[k] = [int(round(v)) for v in vals]
    return out


def render(name, d):
    lines = ["language variant", f"name {name}"]
    for k, vals in d.items():
        lines.append(f"{k} {' '.join(str(v) for v in vals)}")
    return "\n".join(lines) + "\n"


def make_voices(root, n, seed):
    """Writes n random voices into copies of the system data, root/gK/espeak-ng-data/voices/!v, GROUP per
    copy (espeak-ng lists at most 349 voices and variants in one data folder; the copies hold none of the
    system's variants or MBROLA voices), and returns [(name, its data folder)]."""
    variants = training_variants()
    bounds = ranges(variants)
    rng = np.random.default_rng(seed)
    if os.path.isdir(root):
        shutil.rmtree(root)
    out = []
    for g in range(0, n, GROUP):
        folder = os.path.join(root, f"g{g // GROUP}")
        data = os.path.join(folder, "espeak-ng-data")
        shutil.copytree(system_data_dir(), data, ignore=shutil.ignore_patterns("mb"))
        vdir = os.path.join(data, "voices", "!v")
        for f in os.listdir(vdir):
            os.remove(os.path.join(vdir, f))
        for k in range(g, min(n, g + GROUP)):
            name = f"{PREFIX}{k:04d}"
            with open(os.path.join(vdir, name), "w", encoding="utf-8") as f:
                f.write(render(name, breed(variants, bounds, rng)))
            out.append((name, folder))
    return out
