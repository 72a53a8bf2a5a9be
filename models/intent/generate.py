"""Builds the training set (data/train.jsonl) from the hand-written phrase pools in data/pools/*.yaml plus
English out-of-scope utterances from CLINC150's train split. Deterministic for a given seed.

The pools of a language are data/pools/{lang}.yaml plus, if present, data/pools/more/{lang}.yaml and
data/pools/round3/{lang}.yaml (later additions by a second and a third author; lists are appended to the lists
of the same key, mappings key by key).

The evaluation splits (data/splits.json lists them: validation, test, test2 ... test5) are hand-written in separate
files and never read here except to drop any generated sentence whose normalised text equals one of theirs
(so that training never sees a held-out sentence, not even a two-word greeting).

Run: /usr/bin/python3 models/intent/generate.py   (train.py calls it)
"""

from __future__ import annotations

import glob
import json
import os
import random
from collections import Counter

import yaml

from augment import strip_diacritics, surface
from features import normalise
import splits

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
LANGS = ("vi", "en", "hi", "ur")
PER_INTENT = {"vi": 260, "en": 260, "hi": 240, "ur": 240}
PER_INTENT_LATN = 200
# start_procedure has the most ways to be said (12 procedures, each named or told as a situation).
INTENT_SCALE = {"start_procedure": 1.5}
# Near-domain decoys (every frame x every object) are sampled down to this many per pool.
DECOYS = {False: 600, True: 300}
# Later additions to the pools, merged in this order (see the module docstring).
ADDITIONS = ("more", "round3")
HELD_OUT = tuple(f"{name}.jsonl" for name in splits.EVAL)
OOS_REPEAT = 3
CLINC_OOS = 600
FACILITY_IDS = {"restroom", "waiting_area", "photocopy", "parking", "drinking_water", "exit"}
# CLINC150 intents that are in scope for us (or too close to one of ours) and so are never used as negatives.
CLINC_EXCLUDE = {
    "greeting", "goodbye", "thank_you", "repeat", "cancel", "change_language", "change_speed",
    "change_volume", "whisper_mode", "yes", "no", "maybe", "application_status", "what_can_i_ask_you",
    "are_you_a_bot", "user_name", "change_user_name", "how_busy", "meaning_of_life", "time",
}  # fmt: skip


def find_clinc() -> str | None:
    env = os.environ.get("CLINC150_DIR")
    if env:
        return env
    d = HERE
    for _ in range(6):
        c = os.path.join(d, "..", "shared", "benchmarks", "clinc150")
        if os.path.exists(os.path.join(c, "data_full.json")):
            return os.path.abspath(c)
        d = os.path.dirname(d)
    return None


def load_pools(lang: str) -> dict:
    """data/pools/{lang}.yaml with each ADDITIONS/{lang}.yaml, then ADDITIONS/{lang}-*.yaml, appended key by key."""
    with open(os.path.join(DATA, "pools", f"{lang}.yaml"), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    paths = []
    for folder in ADDITIONS:
        d = os.path.join(DATA, "pools", folder)
        paths += [os.path.join(d, f"{lang}.yaml")] + sorted(glob.glob(os.path.join(d, f"{lang}-*.yaml")))
    for more_path in paths:
        if not os.path.exists(more_path):
            continue
        with open(more_path, encoding="utf-8") as f:
            more = yaml.safe_load(f)
        for key, value in more.items():
            if key == "lang":
                continue
            if isinstance(value, list):
                doc[key] = list(doc.get(key) or []) + value
            elif isinstance(value, dict):
                merged = dict(doc.get(key) or {})
                for sub, items in value.items():
                    merged[sub] = list(merged.get(sub) or []) + items
                doc[key] = merged
            else:
                raise SystemExit(f"{more_path}: {key} must be a list or a mapping of lists")
    return doc


def ticket_number(rng: random.Random) -> str:
    n = rng.randrange(1, 200)
    return rng.choice([f"{n:03d}", str(n), f"{rng.choice(['KS', 'CT', 'BS', 'DD', 'KD', 'XH'])}{n:03d}"])


def receipt_code(rng: random.Random) -> str:
    return rng.choice(
        [
            f"000.00.{rng.randrange(10, 99)}.H26-25{rng.randrange(1, 12):02d}{rng.randrange(1, 28):02d}-{rng.randrange(1, 9999):04d}",
            f"HS{rng.randrange(2024, 2026)}-{rng.randrange(1, 99999):05d}",
            f"{rng.randrange(100000, 999999)}",
        ]
    )


class Pool:
    """One language in one script: the native pools, or the `_latn` pools (Hinglish, Roman Urdu)."""

    def __init__(self, doc: dict, suffix: str, other: "Pool | None" = None) -> None:
        g = lambda k: doc.get(k + suffix)  # noqa: E731
        self.procedures: dict[str, list[str]] = g("procedures")
        self.facilities: dict[str, list[str]] = g("facilities")
        self.languages: dict[str, list[str]] = g("languages")
        self.numbers: dict[int, list[str]] = {int(k): [str(x) for x in v] for k, v in g("numbers").items()}
        self.prefixes: list[str] = g("prefixes")
        self.suffixes: list[str] = g("suffixes")
        self.intents: dict[str, list[str]] = g("intents")
        self.oos: list[str] = [str(x) for x in g("out_of_scope")]
        self.oos_objects: list[str] = g("oos_objects") or []
        self.oos_frames: list[str] = g("oos_frames") or []
        self.fillers: list[str] = g("fillers") or []
        self.situations: dict[str, list[str]] = g("situations") or {}
        self.documents: list[str] = g("documents") or []  # papers a citizen may be asked for ("{d}")
        self.mix = other  # another pool whose procedure names get code-mixed into this one


def fill(template: str, pool: Pool, rng: random.Random) -> tuple[str, dict]:
    slots: dict = {}
    text = template
    # "... @value": a template without a placeholder that still implies a slot ("I'm thirsty @drinking_water")
    if " @" in text:
        text, value = text.rsplit(" @", 1)
        slots["facility" if value in FACILITY_IDS else "procedure"] = value
    if "{p}" in text:
        proc = rng.choice(sorted(pool.procedures))
        names = pool.procedures[proc]
        if pool.mix is not None and rng.random() < 0.12:
            names = pool.mix.procedures[proc]
        text = text.replace("{p}", rng.choice(names))
        slots["procedure"] = proc
    if "{s}" in text:
        proc = rng.choice(sorted(pool.situations))
        text = text.replace("{s}", rng.choice(pool.situations[proc]))
        slots["procedure"] = proc
    if "{d}" in text:
        text = text.replace("{d}", rng.choice(pool.documents))
    if "{f}" in text:
        fac = rng.choice(sorted(pool.facilities))
        text = text.replace("{f}", rng.choice(pool.facilities[fac]))
        slots["facility"] = fac
    if "{n}" in text:
        n = rng.randrange(1, 9)
        text = text.replace("{n}", rng.choice(pool.numbers[n]))
        slots["counter"] = n
    if "{l}" in text:
        lang = rng.choice(LANGS)
        text = text.replace("{l}", rng.choice(pool.languages[lang]))
        slots["language"] = lang
    text = text.replace("{num3}", ticket_number(rng)).replace("{code}", receipt_code(rng))
    return text, slots


def dress(text: str, pool: Pool, lang: str, latin: bool, rng: random.Random) -> str:
    r = rng.random()
    if pool.fillers and r < 0.1:
        text = f"{rng.choice(pool.fillers)}, {text}"
    elif pool.fillers and r < 0.2:
        text = f"{text}, {rng.choice(pool.fillers)}"
    if rng.random() < 0.22:
        text = f"{rng.choice(pool.prefixes)} {text}"
    if rng.random() < 0.22:
        text = f"{text} {rng.choice(pool.suffixes)}"
    return surface(text, lang, latin, rng)


def generate(seed: int = 7) -> tuple[list[dict], dict]:
    rng = random.Random(seed)
    held_out = set()
    for name in HELD_OUT:
        with open(os.path.join(DATA, name), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    held_out.add(normalise(json.loads(line)["text"]))
    rows: list[dict] = []
    seen: set[tuple[str, str]] = set()
    dropped = Counter()

    def add(lang: str, text: str, intent: str, slots: dict, source: str) -> bool:
        norm = normalise(text)
        if not norm or (lang, norm) in seen:
            return False
        if norm in held_out:
            dropped[lang] += 1
            return False
        seen.add((lang, norm))
        rows.append({"lang": lang, "text": text, "intent": intent, "slots": slots, "source": source})
        return True

    docs = {lang: load_pools(lang) for lang in LANGS}
    en_pool = Pool(docs["en"], "")
    for lang in LANGS:
        doc = docs[lang]
        variants = [(Pool(doc, "", en_pool if lang == "vi" else None), False, PER_INTENT[lang])]
        if "intents_latn" in doc:
            latn = Pool(doc, "_latn")
            variants[0][0].mix = latn  # Devanagari / Urdu sentences sometimes carry a Latin procedure name
            variants.append((latn, True, PER_INTENT_LATN))
        for pool, latin, target in variants:
            for intent, templates in pool.intents.items():
                made, tries = 0, 0
                want = round(target * INTENT_SCALE.get(intent, 1.0))
                while made < want and tries < want * 20:
                    tries += 1
                    text, slots = fill(rng.choice(templates), pool, rng)
                    if add(lang, dress(text, pool, lang, latin, rng), intent, slots, "pools"):
                        made += 1
            for sent in pool.oos:
                for _ in range(OOS_REPEAT):
                    add(lang, dress(sent, pool, lang, latin, rng), "out_of_scope", {}, "pools")
            decoys = [frame.replace("{o}", obj) for frame in pool.oos_frames for obj in pool.oos_objects]
            for sent in rng.sample(decoys, min(len(decoys), DECOYS[latin])):
                add(lang, dress(sent, pool, lang, latin, rng), "out_of_scope", {}, "decoys")
    clinc = find_clinc()
    if clinc is None:
        raise SystemExit("CLINC150 not found: set CLINC150_DIR (see models/intent/README.md)")
    with open(os.path.join(clinc, "data_full.json"), encoding="utf-8") as f:
        d = json.load(f)
    negatives = [t for t, i in d["train"] if i not in CLINC_EXCLUDE] + [t for t, _ in d["oos_train"]]
    rng.shuffle(negatives)
    n_clinc = 0
    for t in negatives:
        if n_clinc >= CLINC_OOS:
            break
        n_clinc += add("en", t, "out_of_scope", {}, "clinc150_train")
    return rows, {"dropped_equal_to_validation": dict(dropped), "clinc150_negatives": n_clinc}


def summary(rows: list[dict]) -> dict:
    per = Counter((r["lang"], r["intent"]) for r in rows)
    langs = sorted({r["lang"] for r in rows})
    intents = sorted({r["intent"] for r in rows})
    return {
        "total": len(rows),
        "per_language": dict(Counter(r["lang"] for r in rows)),
        "per_source": dict(Counter(r["source"] for r in rows)),
        "per_intent": {i: {lang: per[(lang, i)] for lang in langs} for i in intents},
    }


def main() -> None:
    rows, info = generate()
    path = os.path.join(DATA, "train.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(json.dumps({**summary(rows), **info}, ensure_ascii=False))


if __name__ == "__main__":
    main()
