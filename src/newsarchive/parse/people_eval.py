"""Score ``extract_people`` on labelled scrapes: ``python -m newsarchive.parse.people_eval DIR…``.

For every ``NAME.txt`` with ``NAME.json`` or ``NAME.expected.json`` the text is split into
paragraphs simply (seed layout: date line, title, NBSP lines, byline and labelled
``dropped`` lines removed, captions taken from the labels; other layouts: line 1 is the
title, every other line a paragraph), and speakers P/R/F1, people P/R/F1 (names matched by
``match_key``) and the mean role token-F1 over matched people are printed per folder.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsarchive.parse.people import extract_people
from newsarchive.vi.text import match_key, nfc

_DATE_LINE = re.compile(r"^\s*(Thứ|Chủ nhật)\b.*\d{1,2}/\d{1,2}/\d{4}", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*(Tin và ảnh|Tin, ảnh|Bài và ảnh|Tin|Bài|Ảnh)\s*:", re.IGNORECASE)


@dataclass
class Score:
    """Micro-averaged counts and role F1 values for one folder."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    role_f1: list[float] = field(default_factory=list)

    def prf(self, kind: str) -> tuple[float, float, float]:
        tp, fp, fn = self.tp[kind], self.fp[kind], self.fn[kind]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def role(self) -> float:
        return sum(self.role_f1) / len(self.role_f1) if self.role_f1 else 1.0


def token_f1(a: str | None, b: str | None) -> float:
    """Token-F1 of two roles (``None`` vs ``None`` = 1, ``None`` vs text = 0)."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    ta, tb = Counter(match_key(a).split()), Counter(match_key(b).split())
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def split_article(text: str, label: dict) -> tuple[list[str], list[str], list[str]]:
    """Paragraphs, captions and authors for ``extract_people`` from a scrape and its labels."""
    lines = [nfc(line) for line in text.splitlines()]
    authors = list(label.get("authors") or [])
    captions = [nfc(c) for c in label.get("captions") or []]
    if lines and _DATE_LINE.match(lines[0]):  # seed layout
        dropped = {nfc(d).strip() for d in label.get("dropped") or []}
        caption_words = {c.strip() for c in captions}
        body = []
        for line in lines[2:]:
            stripped = line.replace("\xa0", " ").strip()
            if not stripped or stripped in dropped or _BYLINE.match(stripped):
                continue
            if stripped in caption_words or any(stripped in c for c in caption_words):
                continue
            body.append(stripped)
        return body, captions, authors
    body = [line.strip() for line in lines[1:] if line.strip()]
    return body, [], authors


def score_file(path: Path, score: Score, verbose: bool) -> None:
    label_path = path.with_suffix(".json")
    if not label_path.exists():
        label_path = path.with_name(path.stem + ".expected.json")
    label = json.loads(label_path.read_text("utf-8"))
    paragraphs, captions, authors = split_article(path.read_text("utf-8"), label)
    result = extract_people(paragraphs, captions, authors)
    notes = []
    for kind, got_list, want_list in (
        ("speakers", result.speakers, label.get("speakers") or []),
        ("people", result.people, label.get("people") or []),
    ):
        got = {match_key(p.name): p for p in got_list}
        want = {match_key(p["name"]): p for p in want_list}
        score.tp[kind] += len(got.keys() & want.keys())
        score.fp[kind] += len(got.keys() - want.keys())
        score.fn[kind] += len(want.keys() - got.keys())
        missing = [want[k]["name"] for k in want.keys() - got.keys()]
        extra = [got[k].name for k in got.keys() - want.keys()]
        if missing or extra:
            notes.append(f"  {kind}: missing {missing} extra {extra}")
        if kind == "people":
            for k in got.keys() & want.keys():
                f1 = token_f1(got[k].role, want[k].get("role"))
                score.role_f1.append(f1)
                if f1 < 1 and verbose:
                    want_role = want[k].get("role")
                    notes.append(f"  role {got[k].name}: {got[k].role!r} vs {want_role!r}")
    if verbose and notes:
        print(path.name)
        print("\n".join(notes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    for folder in args.folders:
        score = Score()
        files = sorted(
            p
            for p in folder.glob("*.txt")
            if p.with_suffix(".json").exists() or p.with_name(p.stem + ".expected.json").exists()
        )
        for path in files:
            score_file(path, score, args.verbose)
        sp, sr, sf = score.prf("speakers")
        pp, pr, pf = score.prf("people")
        print(
            f"{folder}: {len(files)} files | speakers P {sp:.3f} R {sr:.3f} F1 {sf:.3f} | "
            f"people P {pp:.3f} R {pr:.3f} F1 {pf:.3f} | role F1 {score.role:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
