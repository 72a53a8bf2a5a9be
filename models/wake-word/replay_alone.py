"""One keyword listened for alone (the kiosk's KIOSK_WAKE_KEYWORDS), replayed on a stream pair's trace: the
other keyword's scores set to zero, one threshold, one evaluation over it fires. Prints that keyword's miss
rate and the false accepts per hour of the negatives.

    /usr/bin/python3 models/wake-word/replay_alone.py TRACE.npz KEYWORD THRESHOLD [MIN_CONSECUTIVE]

TRACE.npz: `score_streams.py`'s output. The model card's "One phrase alone" figures on eval:
`replay_alone.py .cache/traces/rvE_eval.npz xin_chao_robot 0.878621` (information, never used to choose
a threshold). Replays with `sweep_rules.py`'s functions (the bench's, to 1e-6).
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweep_rules as S  # noqa: E402


def main():
    tr, events = S.load(sys.argv[1])
    kw, th = S.KW.index(sys.argv[2]), float(sys.argv[3])
    k = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    nets = tuple(range(tr["positives_probs"].shape[0]))
    sp = S.rule_scores(tr["positives_probs"], nets, k, 1).copy()
    sn = S.rule_scores(tr["negatives_probs"], nets, k, 1).copy()
    sp[:, 1 - kw] = 0
    sn[:, 1 - kw] = 0
    hours = float(tr["negatives_seconds"]) / 3600
    fa = S.detect(tr["negatives_time"], sn, th)
    frr = S.frr(events, S.detect(tr["positives_time"], sp, th))[kw]
    print(json.dumps({"keyword": sys.argv[2], "threshold": th, "min_consecutive": k, "frr": round(float(frr), 4),
                      "false_accepts": len(fa), "negative_hours": round(hours, 3),
                      "fa_per_hour": round(len(fa) / hours, 2)}))


if __name__ == "__main__":
    main()
