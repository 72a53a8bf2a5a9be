"""Surface-form lexicons for the procedure, facility and language slots, built from the training phrase
pools and the demo site's catalogue (names and keywords in sites/demo-ward/site.yaml). Written to
lexicon.json for the TypeScript side; match() here and in packages/intent/src/lexicon.ts are the same rule:
the longest entry that occurs in the normalised text as whole words wins (ties: the first slot value in
sorted order)."""

from __future__ import annotations

import os

import yaml

from features import normalise
from generate import load_pools

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
MIN_CHARS = 3


def build() -> dict[str, dict[str, list[str]]]:
    lex: dict[str, dict[str, set[str]]] = {"procedure": {}, "facility": {}, "language": {}}

    def put(kind: str, value: str, surface: str) -> None:
        n = normalise(str(surface))
        if len(n) >= MIN_CHARS or kind == "language":
            lex[kind].setdefault(value, set()).add(n)

    for lang in ("vi", "en", "hi", "ur"):
        doc = load_pools(lang)
        for suffix in ("", "_latn"):
            # procedure_keywords: words that imply a procedure without naming it ("funeral", "janaza"); for the
            # lexicon only, the generator does not read them.
            for kind, key in (
                ("procedure", "procedures"),
                ("procedure", "procedure_keywords"),
                ("facility", "facilities"),
                ("language", "languages"),
            ):
                for value, surfaces in (doc.get(key + suffix) or {}).items():
                    for s in surfaces:
                        put(kind, value, s)
    with open(os.path.join(REPO, "sites", "demo-ward", "site.yaml"), encoding="utf-8") as f:
        site = yaml.safe_load(f)
    for svc in site["services"]:
        for name in svc["name"].values():
            put("procedure", svc["id"], name)
        for words in (svc.get("keywords") or {}).values():
            for w in words:
                put("procedure", svc["id"], w)
    for fac in site["facilities"]:
        for name in fac["name"].values():
            put("facility", fac["id"], name)
    # An entry claimed by two values is ambiguous ("birth certificate" alone vs. inside a longer copy
    # request is fine, but the same string for two values is not): drop it from both.
    out: dict[str, dict[str, list[str]]] = {}
    for kind, values in lex.items():
        owners: dict[str, set[str]] = {}
        for value, entries in values.items():
            for e in entries:
                owners.setdefault(e, set()).add(value)
        out[kind] = {v: sorted(e for e in es if len(owners[e]) == 1) for v, es in sorted(values.items())}
    return out


def match(lex: dict[str, list[str]], norm: str) -> str | None:
    text = f" {norm} "
    best, best_len = None, 0
    for value in sorted(lex):
        for entry in lex[value]:
            if len(entry) > best_len and f" {entry} " in text:
                best, best_len = value, len(entry)
    return best
