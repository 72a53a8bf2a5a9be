"""What a model gets wrong on a stream pair, by voice: misses per engine/voice and per espeak-ng variant,
and the times of its false accepts (look them up in the stream's negatives.json).

    /usr/bin/python3 models/wake-word/miss_report.py TRACE.npz THRESHOLD MIN_CONSECUTIVE

TRACE.npz: `score_streams.py`'s output (e.g. the eval streams and the committed nets); the threshold and
hit rule: `wakeword.json`'s. Replays the rule with `sweep_rules.py`'s functions (the bench's, to 1e-6).
"""

import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweep_rules as S  # noqa: E402


def main():
    tr, events = S.load(sys.argv[1])
    th, k = float(sys.argv[2]), int(sys.argv[3])
    nets = tuple(range(tr["positives_probs"].shape[0]))
    dets = S.detect(tr["positives_time"], S.rule_scores(tr["positives_probs"], nets, k, 1), th)
    by_voice = collections.defaultdict(lambda: [0, 0])
    by_variant = collections.defaultdict(lambda: [0, 0])
    for e, missed in zip(events, S.missed(events, dets)):
        v = e["voice"]
        for table, key in ((by_voice, (e["keyword"], v["engine"], v.get("voice"))),
                           (by_variant, v.get("variant") if v["engine"] == "espeak" else None)):
            if key is not None:
                table[key][0] += missed
                table[key][1] += 1
    for key, (m, n) in sorted(by_voice.items(), key=lambda x: -x[1][0]):
        print(*key, f"{m}/{n}")
    worst = sorted(by_variant.items(), key=lambda x: -x[1][0])[:15]
    print("espeak-ng variants:", ", ".join(f"{v} {m}/{n}" for v, (m, n) in worst))
    neg = S.detect(tr["negatives_time"], S.rule_scores(tr["negatives_probs"], nets, k, 1), th)
    print(f"false accepts: {len(neg)} at", [round(float(t), 1) for t, _ in neg], "s")


if __name__ == "__main__":
    main()
