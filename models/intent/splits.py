"""The hand-written evaluation splits, read from data/splits.json: the one list that generate.py holds out of
training, train.py and baseline.py score (calibrating on the development ones), overlap.py measures and
bench:nlu reports. Add a split there, never here."""

from __future__ import annotations

import json
import os

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")

with open(os.path.join(DATA, "splits.json"), encoding="utf-8") as _f:
    _SPLITS = json.load(_f)["splits"]

# Every evaluation split, in report order (validation first).
EVAL = tuple(s["name"] for s in _SPLITS)
# The splits threshold, oos_min and slot rules are calibrated on.
DEV = tuple(s["name"] for s in _SPLITS if s["role"] == "development")
