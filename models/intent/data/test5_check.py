"""Validate test5.jsonl against the DESIGN.md section 9 contract and the test-set mix. Prints OK."""
import collections
import json
import pathlib
import re
import sys
import unicodedata

ARGS = [a for a in sys.argv[1:] if not a.startswith("-")]
PATH = pathlib.Path(ARGS[0]) if ARGS else pathlib.Path(__file__).parent / "test5.jsonl"
INTENTS = (
    "get_ticket start_procedure procedure_documents procedure_fee procedure_duration guide_to_counter "
    "find_facility queue_status dossier_status opening_hours online_services call_staff priority_request "
    "feedback change_language greeting thanks_goodbye repeat cancel out_of_scope"
).split()
PROCEDURES = set(
    "birth_registration death_registration marriage_registration marital_status_certificate "
    "civil_status_extract certified_copy signature_certification residence_registration "
    "land_use_certificate construction_permit business_household_registration social_allowance".split()
)
FACILITIES = set("restroom waiting_area photocopy parking drinking_water exit".split())
LANGS = ("vi", "en", "hi", "ur")
PROC_INTENTS = {"start_procedure", "procedure_documents", "procedure_fee", "procedure_duration"}

errors = []
rows = []
for n, line in enumerate(PATH.read_text(encoding="utf-8").splitlines(), 1):
    try:
        o = json.loads(line)
    except json.JSONDecodeError as e:
        errors.append(f"line {n}: not JSON ({e})")
        continue
    if not isinstance(o, dict) or set(o) != {"lang", "text", "intent", "slots"}:
        errors.append(f"line {n}: keys must be exactly lang,text,intent,slots")
        continue
    if o["lang"] not in LANGS:
        errors.append(f"line {n}: bad lang {o['lang']!r}")
    if not isinstance(o["text"], str) or not o["text"].strip():
        errors.append(f"line {n}: empty text")
    elif o["text"] != unicodedata.normalize("NFC", o["text"]):
        errors.append(f"line {n}: text not NFC")
    if o["intent"] not in INTENTS:
        errors.append(f"line {n}: bad intent {o['intent']!r}")
    s = o["slots"]
    if not isinstance(s, dict):
        errors.append(f"line {n}: slots not an object")
        continue
    for k, v in s.items():
        ok = (
            (k == "procedure" and v in PROCEDURES)
            or (k == "facility" and v in FACILITIES)
            or (k == "counter" and isinstance(v, int) and not isinstance(v, bool) and v > 0)
            or (k == "language" and v in LANGS)
        )
        if not ok:
            errors.append(f"line {n}: bad slot {k}={v!r}")
    if o["intent"] == "out_of_scope" and s:
        errors.append(f"line {n}: out_of_scope with slots")
    if o["intent"] in PROC_INTENTS and "procedure" not in s:
        errors.append(f"line {n}: {o['intent']} without a procedure slot")
    if o["intent"] == "find_facility" and "facility" not in s:
        errors.append(f"line {n}: find_facility without facility")
    rows.append(o)

seen = collections.Counter((r["lang"], r["text"].strip().lower()) for r in rows)
for (lang, text), c in seen.items():
    if c > 1:
        errors.append(f"duplicate in {lang}: {text!r}")

by_lang = collections.defaultdict(collections.Counter)
procs = collections.defaultdict(set)
for r in rows:
    by_lang[r["lang"]][r["intent"]] += 1
    if r["intent"] in PROC_INTENTS:
        procs[r["lang"]].add(r["slots"]["procedure"])

for lang in LANGS:
    c = by_lang[lang]
    oos = c["out_of_scope"]
    ins = sum(c.values()) - oos
    if ins != 120 or oos != 30:
        errors.append(f"{lang}: {ins} in-scope / {oos} out_of_scope, want 120 / 30")
    for i in INTENTS[:-1]:
        if c[i] < 4:
            errors.append(f"{lang}: intent {i} only {c[i]} times")
    missing = PROCEDURES - procs[lang]
    if missing:
        errors.append(f"{lang}: procedures not covered by procedure intents: {sorted(missing)}")

# Script mix (reported, and loosely enforced).
def share(lang, pred):
    t = [r["text"] for r in rows if r["lang"] == lang]
    return sum(map(pred, t)) / max(1, len(t))

VI_MARKS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)
mix = {
    "vi_without_diacritics": share("vi", lambda t: not VI_MARKS.search(t)),
    "hi_devanagari": share("hi", lambda t: bool(re.search(r"[\u0900-\u097F]", t))),
    "ur_arabic_script": share("ur", lambda t: bool(re.search(r"[\u0600-\u06FF]", t))),
}
if not 0.25 <= mix["vi_without_diacritics"] <= 0.5:
    errors.append(f"vi without diacritics share {mix['vi_without_diacritics']:.2f}")
for k in ("hi_devanagari", "ur_arabic_script"):
    if not 0.35 <= mix[k] <= 0.65:
        errors.append(f"{k} share {mix[k]:.2f}")

if "-v" in sys.argv or errors:
    print("intent".ljust(22) + "".join(l.rjust(5) for l in LANGS))
    for i in INTENTS:
        print(i.ljust(22) + "".join(str(by_lang[l][i]).rjust(5) for l in LANGS))
    print("total".ljust(22) + "".join(str(sum(by_lang[l].values())).rjust(5) for l in LANGS))
    print({k: round(v, 2) for k, v in mix.items()})
for e in errors:
    print("ERROR", e)
if errors:
    sys.exit(1)
print(f"OK {len(rows)} lines")
