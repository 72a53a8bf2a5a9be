"""Retrains the intent model from scratch and rewrites every committed artefact:

  data/train.jsonl     the generated training set (generate.py)
  lexicon.json         slot lexicons (lexicon.py)
  model.onnx           the ensemble (onnx_export.py), ids int32 [L] -> intent, procedure, facility
  model.json           labels, bucket count, calibrated threshold, slot strategy (read by @reception/intent)
  metrics.json         metrics on validation (top level) and on test, test2, test3, test4, test5 (`splits`): MODEL_CARD.md
  golden/model.json    reference outputs for the ONNX parity test in packages/intent

Run: nice -n 10 /usr/bin/python3 models/intent/train.py       (fixed seeds; about 2 minutes on one core)
"""

from __future__ import annotations

import json
import os
import sys
import time

import numpy as np
import torch

from evaluate import evaluate_own, pick_slot_strategy, pick_threshold
from features import feature_ids, normalise
from generate import generate, summary
from jsonio import dump, prettier
from hashnet import HParams, member_arrays, predict, train_member
from lexicon import build as build_lexicon
from onnx_export import export
from splits import DEV as DEV_SPLITS, EVAL as EVAL_SPLITS

HERE = os.path.dirname(os.path.abspath(__file__))
INTENTS = [
    "get_ticket", "start_procedure", "procedure_documents", "procedure_fee", "procedure_duration",
    "guide_to_counter", "find_facility", "queue_status", "dossier_status", "opening_hours", "online_services",
    "call_staff", "priority_request", "feedback", "change_language", "greeting", "thanks_goodbye", "repeat",
    "cancel", "out_of_scope",
]  # fmt: skip
PROCEDURES = [
    "none", "birth_registration", "death_registration", "marriage_registration", "marital_status_certificate",
    "civil_status_extract", "certified_copy", "signature_certification", "residence_registration",
    "land_use_certificate", "construction_permit", "business_household_registration", "social_allowance",
]  # fmt: skip
FACILITIES = ["none", "restroom", "waiting_area", "photocopy", "parking", "drinking_water", "exit"]
# data/splits.json: validation, test2 and test3 are development splits (their confusion lists guided pool
# rounds: test3's from the third round on); test is held out but its failures were read once; test4 and test5
# are blind. EVAL_SPLITS and DEV_SPLITS come from there.
HP = HParams(buckets=1 << 16, dim=32, hidden=256, epochs=12, emb_lr=0.1, members=2, seed=20251206)


def load_jsonl(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main() -> None:
    torch.set_num_threads(1)
    t0 = time.time()
    rows, info = generate()
    with open(os.path.join(HERE, "data", "train.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    stats = {**summary(rows), **info}
    dump(os.path.join(HERE, "data", "stats.json"), stats)
    lexicon = build_lexicon()
    dump(os.path.join(HERE, "lexicon.json"), lexicon)
    print(f"data: {len(rows)} training sentences ({time.time() - t0:.0f}s)", flush=True)

    feats = [feature_ids(normalise(r["text"]), HP.buckets) for r in rows]
    labels = {
        "intent": [INTENTS.index(r["intent"]) for r in rows],
        "procedure": [PROCEDURES.index(r["slots"].get("procedure", "none")) for r in rows],
        "facility": [FACILITIES.index(r["slots"].get("facility", "none")) for r in rows],
    }
    HP.heads = {"intent": len(INTENTS), "procedure": len(PROCEDURES), "facility": len(FACILITIES)}
    members = []
    for k in range(HP.members):
        net = train_member(feats, labels, HP, HP.seed + k, log=lambda s: print(s, flush=True))
        members.append(member_arrays(net))
    print(f"trained {HP.members} members ({time.time() - t0:.0f}s)", flush=True)

    splits = {name: load_jsonl(os.path.join(HERE, "data", f"{name}.jsonl")) for name in EVAL_SPLITS}
    sprobs = {}
    for name, rows_ in splits.items():
        ids = [feature_ids(normalise(r["text"]), HP.buckets) for r in rows_]
        sprobs[name] = {h: predict(members, ids, h) for h in ("intent", "procedure", "facility")}
    # Threshold and slot strategy are chosen on the development splits together (two authors, 1,131 lines).
    dev = [r for name in DEV_SPLITS for r in splits[name]]
    dprobs = {h: np.concatenate([sprobs[name][h] for name in DEV_SPLITS]) for h in ("intent", "procedure", "facility")}
    threshold, calib = pick_threshold(dev, dprobs["intent"], INTENTS)
    strategy, slot_table = pick_slot_strategy(dev, dprobs, threshold, INTENTS, PROCEDURES, lexicon)
    val, probs = splits["validation"], sprobs["validation"]
    metrics = evaluate_own(val, probs, threshold, strategy, INTENTS, PROCEDURES, FACILITIES, lexicon)
    metrics["calibrated_on"] = list(DEV_SPLITS)
    metrics["threshold_calibration"] = calib
    metrics["procedure_slot_strategies"] = slot_table
    # The other splits are only scored here; nothing above reads them.
    metrics["splits"] = {
        name: evaluate_own(splits[name], sprobs[name], threshold, strategy, INTENTS, PROCEDURES, FACILITIES, lexicon)
        for name in EVAL_SPLITS
        if name != "validation"
    }

    meta = {
        "version": time.strftime("%Y-%m-%d"),
        "buckets": HP.buckets,
        "intents": INTENTS,
        "procedures": PROCEDURES,
        "facilities": FACILITIES,
        "threshold": threshold.threshold,
        "oos_min": threshold.oos_min,
        "slot_strategy": strategy[0],
        "slot_head_min": strategy[1],
        "hparams": {k: v for k, v in HP.__dict__.items() if k != "heads"},
    }
    size = export(members, ["intent", "procedure", "facility"], os.path.join(HERE, "model.onnx"), {"labels": "model.json"})
    meta["model_bytes"] = size
    dump(os.path.join(HERE, "model.json"), meta)
    metrics["model_bytes"] = size
    metrics["training_set"] = {k: stats[k] for k in ("total", "per_language", "per_source")}
    dump(os.path.join(HERE, "metrics.json"), metrics)

    # Reference outputs for the TypeScript parity test: validation sentences plus awkward inputs.
    texts = [r["text"] for r in val[::23]] + ["khai sinh", "😀", "Привет 你好", "a" * 400]
    gfeats = [feature_ids(normalise(t), HP.buckets) for t in texts]
    golden = []
    for t, ids in zip(texts, gfeats):
        if not ids:
            continue
        golden.append({"text": t, **{h: predict(members, [ids], h)[0].round(6).tolist() for h in probs}})
    dump(os.path.join(HERE, "golden", "model.json"), golden)
    prettier([os.path.join(HERE, p) for p in ("data/stats.json", "lexicon.json", "model.json", "metrics.json", "golden/model.json")])
    print(json.dumps({k: metrics[k] for k in ("accuracy", "oos_recall", "in_scope_rejected", "procedure_slot")}))
    print(f"model {size} bytes, threshold {threshold.threshold:.2f}, oos_min {threshold.oos_min:.2f}, slots {strategy}, {time.time() - t0:.0f}s total")


if __name__ == "__main__":
    sys.exit(main())
