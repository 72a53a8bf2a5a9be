"""Validate test4.jsonl against the DESIGN.md section 9 contract and the brief's mix."""
import collections, json, os, re, sys, unicodedata

INTENTS = {"get_ticket", "start_procedure", "procedure_documents", "procedure_fee", "procedure_duration",
           "guide_to_counter", "find_facility", "queue_status", "dossier_status", "opening_hours",
           "online_services", "call_staff", "priority_request", "feedback", "change_language", "greeting",
           "thanks_goodbye", "repeat", "cancel", "out_of_scope"}
PROCS = {"birth_registration", "death_registration", "marriage_registration", "marital_status_certificate",
         "civil_status_extract", "certified_copy", "signature_certification", "residence_registration",
         "land_use_certificate", "construction_permit", "business_household_registration", "social_allowance"}
FACS = {"restroom", "waiting_area", "photocopy", "parking", "drinking_water", "exit"}
LANGS = {"vi", "en", "hi", "ur"}
PROC_INTENTS = {"start_procedure", "procedure_documents", "procedure_fee", "procedure_duration"}

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "test4.jsonl")
errors, rows = [], []
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    try:
        o = json.loads(line)
    except json.JSONDecodeError as e:
        errors.append(f"{n}: bad JSON {e}"); continue
    if list(o) != ["lang", "text", "intent", "slots"]: errors.append(f"{n}: keys {list(o)}")
    if o.get("lang") not in LANGS: errors.append(f"{n}: lang {o.get('lang')}")
    if not isinstance(o.get("text"), str) or not o["text"].strip(): errors.append(f"{n}: empty text")
    elif unicodedata.normalize("NFC", o["text"]) != o["text"]: errors.append(f"{n}: text not NFC")
    if o.get("intent") not in INTENTS: errors.append(f"{n}: intent {o.get('intent')}")
    s = o.get("slots")
    if not isinstance(s, dict): errors.append(f"{n}: slots not an object"); s = {}
    for k, v in s.items():
        ok = {"procedure": lambda v: v in PROCS, "facility": lambda v: v in FACS,
              "language": lambda v: v in LANGS,
              "counter": lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0}.get(k)
        if ok is None or not ok(v): errors.append(f"{n}: slot {k}={v!r}")
    if o.get("intent") == "out_of_scope" and s: errors.append(f"{n}: out_of_scope with slots")
    if o.get("intent") == "change_language" and "language" not in s: errors.append(f"{n}: no language")
    rows.append(o)

texts = collections.Counter(r["text"].casefold() for r in rows)
errors += [f"duplicate text: {t}" for t, c in texts.items() if c > 1]
by_lang = collections.Counter(r["lang"] for r in rows)
oos = collections.Counter(r["lang"] for r in rows if r["intent"] == "out_of_scope")
for lang in sorted(LANGS):
    ins = [r for r in rows if r["lang"] == lang and r["intent"] != "out_of_scope"]
    if len(ins) != 60: errors.append(f"{lang}: {len(ins)} in-scope lines, want 60")
    if oos[lang] != 15: errors.append(f"{lang}: {oos[lang]} out_of_scope lines, want 15")
    ic = collections.Counter(r["intent"] for r in ins)
    errors += [f"{lang}: intent {i} has {ic[i]} lines" for i in sorted(INTENTS - {"out_of_scope"}) if ic[i] < 2]
    procs = {r["slots"].get("procedure") for r in ins if r["intent"] in PROC_INTENTS}
    errors += [f"{lang}: procedure {p} missing from procedure intents" for p in sorted(PROCS - procs)]
if len(rows) != 300: errors.append(f"{len(rows)} lines, want 300")

# script mix (informational)
def script(t):
    if re.search(r"[\u0900-\u097F]", t): return "devanagari"
    if re.search(r"[\u0600-\u06FF]", t): return "arabic"
    if re.search(r"[^\x00-\x7F]", t): return "latin+diacritics"
    return "ascii"
mix = collections.Counter((r["lang"], script(r["text"])) for r in rows)
print("lines per lang:", dict(sorted(by_lang.items())))
print("script mix:", {f"{l}/{s}": c for (l, s), c in sorted(mix.items())})
table = collections.Counter((r["intent"], r["lang"]) for r in rows)
print(f"{'intent':22}" + "".join(f"{l:>5}" for l in ("vi", "en", "hi", "ur")) + "  total")
for i in sorted(INTENTS):
    c = [table[(i, l)] for l in ("vi", "en", "hi", "ur")]
    print(f"{i:22}" + "".join(f"{x:5}" for x in c) + f"{sum(c):7}")
ps = collections.Counter(r["slots"]["procedure"] for r in rows if "procedure" in r["slots"])
print("procedure slots:", dict(sorted(ps.items())))
print("slot keys:", dict(collections.Counter(k for r in rows for k in r["slots"])))
if errors:
    print("\n".join(errors)); sys.exit(1)
print("OK")
