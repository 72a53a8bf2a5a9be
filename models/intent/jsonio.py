"""JSON artefacts in the repository go through Prettier (the repository's `npm test` checks formatting)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def dump(path: str, obj: object) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write("\n")


def prettier(paths: list[str]) -> None:
    npx = shutil.which("npx")
    if npx is None:
        print("warning: npx not on PATH; run `npx prettier --write` on:", " ".join(paths))
        return
    r = subprocess.run([npx, "--no-install", "prettier", "--write", *paths], cwd=REPO, capture_output=True, text=True)
    if r.returncode != 0:
        print("warning: prettier failed:", r.stderr.strip()[:500])
