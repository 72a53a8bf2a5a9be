"""A second-stage check tried on the wake word's candidates: CMU PocketSphinx's US English acoustic model
(Debian `pocketsphinx-en-us`, trained on real speech) scores the keyword's phones against a free phone
loop over the same frames. A diagnosis on the dev streams (result in README.md, "A verifier trained on
real speech"); nothing in the product uses it.

    apt-get install python3-pocketsphinx pocketsphinx-en-us
    /usr/bin/python3 ps_verify.py .cache/traces/rvE_dev.npz 0.8 [N_POSITIVES]

Candidates: the detections of the traced nets at the threshold (one hit, refractory period), each scored
on the 2.0 s before it and 0.1 s after. Score: the keyword words' acoustic score in a grammar "any phones,
keyword, any phones", minus a free phone loop's over the frames the keyword took, per frame. Prints how
many of the false candidates each cut on the true ones' score would keep.
"""

import json
import os
import sys

import numpy as np
from pocketsphinx import Decoder
from scipy.io import wavfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweep_rules as S  # noqa: E402

MODEL = "/usr/share/pocketsphinx/model/en-us"
PHONES = "AA AE AH AO AW AY B CH D DH EH ER EY F G HH IH IY JH K L M N NG OW OY P R S SH T TH UH UW V W Y Z ZH"
WORDS = {  # the keywords in US English phones ("xin chào" as an English speaker would hear it)
    "hello": ["HH AH L OW", "HH EH L OW"],
    "robot": ["R OW B AA T", "R OW B AH T"],
    "xin": ["S IH N", "S IY N"],
    "chao": ["CH AW", "JH AW", "CH AY"],
}
GRAMMARS = {"kw0": "xin chao robot", "kw1": "hello robot"}


def decoder(tmp):
    path = os.path.join(tmp, "ps_verify.dict")
    with open(path, "w") as f:
        for w, prons in WORDS.items():
            for i, p in enumerate(prons):
                f.write(f"{w}{'' if i == 0 else f'({i + 1})'} {p}\n")
        for p in PHONES.split():
            f.write(f"ph_{p.lower()} {p}\n")
    c = Decoder.default_config()
    c.set_string("-hmm", f"{MODEL}/en-us")
    c.set_string("-dict", path)
    c.set_string("-logfn", "/dev/null")
    c.set_float("-samprate", 16000)
    c.set_boolean("-remove_silence", False)
    for k in ("-beam", "-pbeam"):
        c.set_float(k, 1e-120)  # the default beams prune every keyword path out of the phone loops
    c.set_float("-wbeam", 1e-100)
    d = Decoder(c)
    head = "#JSGF V1.0;\ngrammar g;\n<ph> = " + " | ".join(f"ph_{p.lower()}" for p in PHONES.split()) + ";\n"
    d.set_jsgf_string("free", head + "public <s> = <ph>+;\n")
    for name, words in GRAMMARS.items():
        d.set_jsgf_string(name, head + f"public <s> = [<ph>+] {words} [<ph>+];\n")
    return d


def decode(d, search, pcm):
    d.set_search(search)
    d.start_utt()
    d.process_raw(pcm.tobytes(), False, True)
    d.end_utt()
    return d.hyp() is not None


def score(d, kw, pcm):
    """Per-frame acoustic log-likelihood ratio of the keyword against free phones; None if no path."""
    if not decode(d, f"kw{kw}", pcm):
        return None
    segs = [s for s in d.seg() if s.word.split("(")[0] in WORDS]
    a, b = segs[0].start_frame, segs[-1].end_frame
    k = sum(s.ascore for s in segs)
    if not decode(d, "free", pcm[max(0, a * 160 - 200) : (b + 1) * 160 + 200]):
        return None
    return (k - sum(s.ascore for s in d.seg())) / (b - a + 1)


def main():
    trace, th = sys.argv[1], float(sys.argv[2])
    n_pos = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    tr, events = S.load(trace)
    d = decoder(os.path.dirname(os.path.abspath(trace)))
    true, false = [], []
    for part in ("positives", "negatives"):
        sr, wav = wavfile.read(os.path.join(str(tr["stream_dir"]), f"{part}.wav"), mmap=True)
        dets = S.detect(tr[f"{part}_time"], S.rule_scores(tr[f"{part}_probs"], (0, 1), 1, 1), th)
        order = np.random.default_rng(0).permutation(len(dets))
        if part == "positives":
            order = np.sort(order[:n_pos])
        for i in order:
            t, kw = dets[i]
            hit = part == "positives" and any(
                e["start"] <= t <= e["end"] + 1.0 and S.KW.index(e["keyword"]) == kw for e in events
            )
            s = score(d, kw, np.asarray(wav[max(0, int((t - 2.0) * sr)) : int((t + 0.1) * sr)], np.int16))
            (true if hit else false).append(-1e9 if s is None else s)
    true, false = np.array(true), np.array(false)
    print(json.dumps({"threshold": th, "true": len(true), "false": len(false),
                      "no_path": int((true == -1e9).sum() + (false == -1e9).sum())}))
    for keep in (99, 97, 95, 90, 75, 50):
        cut = np.percentile(true, 100 - keep)
        print(f"keep {keep} % of true candidates (score >= {cut:.1f}): {int((false >= cut).sum())} of {len(false)} false kept")


if __name__ == "__main__":
    main()
