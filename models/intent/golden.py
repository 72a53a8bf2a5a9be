"""Writes golden/features.json: inputs, their normalised text and hashed feature ids, as computed by
features.py. packages/intent/src/features.test.ts recomputes them in TypeScript and must match exactly;
`golden.py --check` says whether the file is still what features.py computes (exit 1 if not).

Run: /usr/bin/python3 models/intent/golden.py [--check]
"""

from __future__ import annotations

import json
import os
import sys

from features import feature_ids, feature_strings, fnv1a32, normalise
from jsonio import dump, prettier

HERE = os.path.dirname(os.path.abspath(__file__))
BUCKETS = [1 << 16, 1 << 17, 1000003]

CASES = [
    "",
    "   \t\n ",
    "khai sinh",
    "Tôi muốn làm GIẤY KHAI SINH cho con!",
    "toi muon lam giay khai sinh cho con",
    "toi muoonf lamf giaays khai sinh",
    "Đăng ký kết hôn ở quầy mấy?",
    "ĐĂNG KÝ TẠM TRÚ",
    "Ủy quyền, ủy quyền, uỷ quyền",
    "birth certificate kahan milega",
    "Where's the RESTROOM??",
    "बच्चे का जन्म प्रमाण पत्र बनवाना है",
    "काउंटर ५ कहाँ है",
    "क़ानून फ़ॉर्म ज़मीन",
    "مجھے شادی کا اندراج کروانا ہے",
    "کاؤنٹر نمبر ۷ کدھر ہے؟",
    "كاونٹر ٣ كهاں ہے",
    "پیدائش کا سرٹیفکیٹ چاہیے\u200c",
    "mujhe shaadi ka certificate chahiye",
    "😀😀😀",
    "👍🏽 ok",
    "Привет 你好 שלום κόσμε ΣΟΦΟΣ",
    "\x00\x01\x02binary\xff\ufffd",
    "café CAFÉ cafe\u0301",
    "İstanbul straße ǅ",
    "a" * 400,
    "quầy số 3 ở đâu ạ",
    "xin chào robot",
    "nhà vệ sinh ở đâu vậy",
    "tôi cần photo công chứng căn cước",
    "100.000 đồng; 20/11/2025 - 7h30",
    "e\u0300 \u1ec1 \u0111\u00d0",
    "\u0928\u093c \u0915\u094d\u0937",
    "ٹوکن نمبر ٥",
]


def main() -> None:
    cases = []
    for text in CASES:
        norm = normalise(text)
        cases.append(
            {
                "text": text,
                "normalised": norm,
                "features": feature_strings(norm)[:40],
                "feature_count": len(feature_strings(norm)),
                "ids": {str(b): feature_ids(norm, b) for b in BUCKETS},
            }
        )
    hashes = {s: fnv1a32(s.encode("utf-8")) for s in ["", "a", "foobar", "chào", "जन्म", "شادی", "😀"]}
    out = {"buckets": BUCKETS, "fnv1a32": hashes, "cases": cases}
    path = os.path.join(HERE, "golden", "features.json")
    if "--check" in sys.argv:
        with open(path, encoding="utf-8") as f:
            same = json.load(f) == out
        print(f"{path}: {'up to date' if same else 'STALE: run golden.py'}")
        sys.exit(0 if same else 1)
    dump(path, out)
    prettier([path])
    print(f"wrote {path}: {len(cases)} cases")


if __name__ == "__main__":
    main()
