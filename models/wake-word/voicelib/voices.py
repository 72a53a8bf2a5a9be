"""Train / eval split of synthetic voices (see the model cards).

Eval uses only: espeak-ng variants and accents held out below, speaking rates and pitches never used in
training, the flite voices slt and rms, and the Festival voices ked and cmu_us_slt_arctic_hts.

Dev (threshold calibration only; `--split dev`): a third set of voices used neither in training nor in
eval: every tenth espeak-ng variant (offset 4) and two of Festival's other-language voices (Czech machac,
Finnish lj), with the training accents, rates and pitches.
"""

import subprocess

ESPEAK_ACCENTS = {
    "vi": {"train": ["vi", "vi-vn-x-central", "vi-vn-x-south"], "eval": ["vi", "vi-vn-x-central", "vi-vn-x-south"]},
    "en": {
        "train": ["en-us", "en-gb", "en-gb-x-rp", "en-gb-x-gbclan", "en-gb-x-gbcwmd", "en-us-nyc"],
        "eval": ["en-029", "en-gb-scotland", "en-us", "en-gb"],
    },
    "hi": {"train": ["hi"], "eval": ["hi"]},
    "ur": {"train": ["ur"], "eval": ["ur"]},
}
ESPEAK_RATES = {"train": [120, 140, 160, 180, 200, 215], "eval": [130, 150, 170, 190]}
ESPEAK_PITCHES = {"train": [25, 40, 55, 70, 85], "eval": [33, 48, 62, 77]}
FLITE_VOICES = {"train": ["kal", "kal16", "awb"], "eval": ["slt", "rms"]}
FLITE_STRETCH = {"train": [0.85, 1.0, 1.15, 1.3], "eval": [0.92, 1.08, 1.22]}
FLITE_F0 = {"train": [None, 90.0, 120.0, 160.0], "eval": [None, 105.0, 140.0]}
FESTIVAL_VOICES = {"train": {"en": ["kal"], "hi": ["hi_nsk"]}, "eval": {"en": ["ked", "slt_hts"], "hi": []},
                   "dev": {"en": [], "hi": []}}
FESTIVAL_STRETCH = {"train": [0.85, 1.0, 1.15, 1.3], "eval": [0.92, 1.08, 1.22], "dev": [0.85, 1.0, 1.15, 1.3]}
# Festival's other-language voices (texts.FOREIGN_TEXTS): voice -> its language there
FOREIGN_VOICES = {
    "train": {"cs_dita": "cs", "cs_krb": "cs", "cs_ph": "cs", "it_lp": "it", "it_pc": "it", "ca_ona": "ca",
              "fi_mv": "fi", "ru_nsh": "ru", "mr_nsk": "mr", "te_nsk": "te"},
    "dev": {"cs_machac": "cs", "fi_lj": "fi"},
    "eval": {},
}
for _d in (ESPEAK_ACCENTS, ):
    for _lang in _d.values():
        _lang["dev"] = _lang["train"]
ESPEAK_RATES["dev"] = ESPEAK_RATES["train"]
ESPEAK_PITCHES["dev"] = ESPEAK_PITCHES["train"]
FLITE_VOICES["dev"], FLITE_STRETCH["dev"], FLITE_F0["dev"] = [], FLITE_STRETCH["train"], FLITE_F0["train"]

_variants = None


def espeak_variants():
    """All espeak-ng variant names, sorted; None (the plain voice) first."""
    global _variants
    if _variants is None:
        out = subprocess.run(["espeak-ng", "--voices=variant"], check=True, capture_output=True, text=True).stdout
        names = sorted({line.split()[4].split("/")[-1] for line in out.splitlines()[1:] if line.strip()})
        _variants = [None] + names
    return _variants


def variant_split(split):
    """Every fifth variant (offset 2) is held out for eval, every tenth (offset 4) for dev; the plain voice
    stays in train (the kiosk speaks with it, so its own voice is a training negative in its answer
    sentences)."""
    vs = espeak_variants()
    held = {v for i, v in enumerate(vs) if v is not None and i % 5 == 2}
    dev = {v for i, v in enumerate(vs) if v is not None and i % 10 == 4}
    if split == "eval":
        return [v for v in vs if v in held]
    if split == "dev":
        return [v for v in vs if v in dev]
    return [v for v in vs if v not in held and v not in dev]


def espeak_configs(lang, split, rng, n):
    """n random espeak configs for a language in a split (accent x variant x rate x pitch)."""
    accents = ESPEAK_ACCENTS[lang][split]
    variants = variant_split(split)
    out = []
    for _ in range(n):
        acc = accents[rng.integers(len(accents))]
        if split == "eval" and lang == "en" and acc in ("en-us", "en-gb"):
            pass  # held-out variants only (already guaranteed by variant_split)
        out.append({
            "engine": "espeak", "voice": acc, "variant": variants[rng.integers(len(variants))],
            "rate": ESPEAK_RATES[split][rng.integers(len(ESPEAK_RATES[split]))],
            "pitch": ESPEAK_PITCHES[split][rng.integers(len(ESPEAK_PITCHES[split]))],
        })
    return out


def flite_configs(split, rng, n):
    if not FLITE_VOICES[split]:
        return []
    vs, st, f0 = FLITE_VOICES[split], FLITE_STRETCH[split], FLITE_F0[split]
    return [{"engine": "flite", "voice": vs[rng.integers(len(vs))], "stretch": st[rng.integers(len(st))],
             "f0": f0[rng.integers(len(f0))]} for _ in range(n)]


def festival_configs(lang, split, rng, n):
    vs = FESTIVAL_VOICES[split].get(lang, [])
    if not vs:
        return []
    st = FESTIVAL_STRETCH[split]
    return [{"engine": "festival", "voice": vs[rng.integers(len(vs))], "stretch": st[rng.integers(len(st))]}
            for _ in range(n)]


def mixed_configs(lang, split, rng, n):
    """Configs for a language drawing on every engine that speaks it (espeak for most)."""
    if lang == "en":
        n_fl = n // 6 if FLITE_VOICES[split] else 0
        n_fe = n // 10 if FESTIVAL_VOICES[split].get("en") else 0
        return (espeak_configs(lang, split, rng, n - n_fl - n_fe) + flite_configs(split, rng, n_fl)
                + festival_configs(lang, split, rng, n_fe))
    if lang == "hi" and FESTIVAL_VOICES[split].get("hi"):
        n_fe = n // 8
        return espeak_configs(lang, split, rng, n - n_fe) + festival_configs(lang, split, rng, n_fe)
    return espeak_configs(lang, split, rng, n)


def foreign_configs(split, rng, n):
    """n configs over Festival's other-language voices of a split: (config, its language)."""
    vs = sorted(FOREIGN_VOICES[split])
    if not vs:
        return []
    st = FESTIVAL_STRETCH[split]
    out = []
    for _ in range(n):
        v = vs[rng.integers(len(vs))]
        out.append(({"engine": "festival", "voice": v, "stretch": st[rng.integers(len(st))]}, FOREIGN_VOICES[split][v]))
    return out
