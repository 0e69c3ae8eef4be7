"""Score the parser on labelled folders: ``python -m newsarchive.parse.evaluate FOLDER...``.

A folder holds ``NAME.txt`` (or ``.html``) with ``NAME.json`` or ``NAME.expected.json``.
Exact-match rates are computed only over files whose label has the field; people scores are
micro-averaged F1 on ``vi.match_key(name)``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsarchive.errors import NewsarchiveError
from newsarchive.parse.article import HTML_SUFFIXES, SCRAPE_SUFFIXES, ParsedArticle, parse_file
from newsarchive.parse.dates import parse_date_line
from newsarchive.parse.decode import decode_bytes
from newsarchive.parse.markdown import unescape_paragraph
from newsarchive.vi.text import match_key, nfc

_SENTENCE = re.compile(r"(?<=[.!?…])[\"”’)]*\s+")
_SPACE = re.compile(r"\s+")
EXACT_FIELDS = ("title", "date", "authors", "credit", "captions")


def norm(text: str) -> str:
    """NFC, single spaces, no "./." marker, no Markdown escapes at paragraph starts."""
    text = nfc(text).replace("\u00a0", " ").replace("./.", ".")
    return _SPACE.sub(" ", text).strip()


@dataclass
class Tally:
    """Scores accumulated over the files of one folder."""

    files: int = 0
    failed: int = 0
    exact: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in EXACT_FIELDS})
    sentences: list[int] = field(default_factory=lambda: [0, 0])
    leaked: int = 0
    counts: dict[str, list[int]] = field(
        default_factory=lambda: {"speakers": [0, 0, 0], "people": [0, 0, 0]}
    )  # true positives, predicted, labelled
    people_files: dict[str, int] = field(default_factory=lambda: {"speakers": 0, "people": 0})
    roles: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def find_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(scrape, label) pairs of a folder, sorted by name."""
    pairs = []
    for scrape in sorted(folder.iterdir()):
        if scrape.suffix.lower() not in SCRAPE_SUFFIXES:
            continue
        stem = scrape.name[: -len(scrape.suffix)]
        for label in (folder / f"{stem}.expected.json", folder / f"{stem}.json"):
            if label.exists():
                pairs.append((scrape, label))
                break
    return pairs


def expected_date(label: dict[str, Any]) -> tuple[bool, str | None]:
    """(labelled?, ISO date) — ``date_in_text`` wins over ``date`` when present."""
    if "date_in_text" in label:
        return True, label["date_in_text"]
    if "date" in label:
        return True, label["date"]
    return False, None


def score_file(scrape: Path, label: dict[str, Any], tally: Tally) -> None:
    """Add one file's scores to ``tally``."""
    tally.files += 1
    try:
        got: ParsedArticle | None = parse_file(scrape)
    except NewsarchiveError as error:
        got = None
        tally.failed += 1
        tally.problems.append(f"{scrape.name}: parse failed: {error}")
    values = _values(got)
    has_date, date = expected_date(label)
    wanted = {
        "title": ("title" in label, norm(label.get("title") or "")),
        "date": (has_date, date),
        "authors": ("authors" in label, [norm(a) for a in label.get("authors") or []]),
        "credit": ("credit" in label, label.get("credit")),
        "captions": ("captions" in label, [norm(c) for c in label.get("captions") or []]),
    }
    for name, (labelled, want) in wanted.items():
        if not labelled:
            continue
        ok = got is not None and values[name] == want
        tally.exact[name][0] += ok
        tally.exact[name][1] += 1
        if not ok:
            tally.problems.append(f"{scrape.name}: {name}: expected {want!r}, got {values[name]!r}")
    _score_body(scrape, label, got, tally)
    for key in ("speakers", "people"):
        if key in label:
            tally.people_files[key] += 1
            _score_people(key, label[key] or [], getattr(got, key, []) if got else [], tally)


def _values(got: ParsedArticle | None) -> dict[str, Any]:
    if got is None:
        return dict.fromkeys(EXACT_FIELDS)
    return {
        "title": norm(got.title),
        "date": got.date.isoformat() if got.date else None,
        "authors": [norm(a) for a in got.authors],
        "credit": got.credit,
        "captions": [norm(c) for c in got.captions],
    }


def labelled_sentences(scrape: Path, label: dict[str, Any]) -> list[str]:
    """Every sentence of the scrape except those on dropped, title, date and byline lines
    (none for HTML pages, whose markup is not article text)."""
    if scrape.suffix.lower() in HTML_SUFFIXES:
        return []
    try:
        text = decode_bytes(scrape.read_bytes(), scrape)
    except NewsarchiveError:
        return []
    dropped = {norm(d) for d in label.get("dropped") or []}
    title = norm(label.get("title") or "")
    _, date = expected_date(label)
    names = [match_key(a) for a in label.get("authors") or []]
    credit = match_key(label["credit"]) if label.get("credit") else None
    _is_credit = _credit_matcher(credit)
    sentences = []
    for raw in text.split("\n"):
        line = norm(raw)
        if not line or line in dropped or line == title:
            continue
        found = parse_date_line(line)
        if found and (date is None or found.date.isoformat() == date):
            continue
        key = match_key(line)
        if (len(line) < 120 and names and all(n in key for n in names)) or (
            len(line) < 80 and (any(n in key for n in names) or (credit and credit in key))
        ):
            continue
        for sentence in _SENTENCE.split(line):
            sentence = sentence.strip()
            skey = match_key(sentence)
            if sentence and not (len(sentence) < 60 and (skey in names or _is_credit(skey))):
                sentences.append(sentence)
    return sentences


def _credit_matcher(credit: str | None):
    """Whether a short sentence is only the credit ("TTXVN", "Theo TTXVN")."""
    keys = {credit, f"theo {credit}"} if credit else set()
    return lambda key: key in keys


def _score_body(
    scrape: Path, label: dict[str, Any], got: ParsedArticle | None, tally: Tally
) -> None:
    sentences = labelled_sentences(scrape, label)
    if got is None:
        tally.sentences[1] += len(sentences)
        return
    paragraphs = [norm(unescape_paragraph(p)) for p in got.paragraphs]
    captions = [norm(c) for c in got.captions]
    haystack = "\n".join([norm(got.title), *paragraphs, *captions])
    kept = 0
    for sentence in sentences:
        if sentence in haystack:
            kept += 1
        else:
            tally.problems.append(f"{scrape.name}: sentence lost: {sentence[:100]!r}")
    tally.sentences[0] += kept
    tally.sentences[1] += len(sentences)
    body = "\n".join(paragraphs)
    for line in label.get("dropped") or []:
        line = norm(line)
        if line and (line in paragraphs or line in captions or (len(line) >= 30 and line in body)):
            tally.leaked += 1
            tally.problems.append(f"{scrape.name}: furniture leaked: {line!r}")


def _score_people(key: str, want: list[dict], got: Iterable[Any], tally: Tally) -> None:
    wanted = {match_key(p["name"]): p.get("role") for p in want if p.get("name")}
    found = {match_key(p.name): p.role for p in got}
    matched = set(wanted) & set(found)
    counts = tally.counts[key]
    counts[0] += len(matched)
    counts[1] += len(found)
    counts[2] += len(wanted)
    if key == "people":
        tally.roles.extend(role_f1(wanted[k], found[k]) for k in matched)


def role_f1(want: str | None, got: str | None) -> float:
    """Token F1 of two roles (None vs None = 1, None vs text = 0)."""
    if not want or not got:
        return 1.0 if not want and not got else 0.0
    a, b = match_key(want).split(), match_key(got).split()
    common = sum(min(a.count(t), b.count(t)) for t in set(a))
    if not common:
        return 0.0
    precision, recall = common / len(b), common / len(a)
    return 2 * precision * recall / (precision + recall)


def f1(tp: int, predicted: int, labelled: int) -> float:
    if not predicted and not labelled:
        return 1.0
    return 2 * tp / (predicted + labelled) if predicted + labelled else 0.0


def evaluate_folder(folder: Path) -> Tally:
    tally = Tally()
    for scrape, label_path in find_pairs(folder):
        label = json.loads(label_path.read_text(encoding="utf-8"))
        score_file(scrape, label, tally)
    return tally


def report(folder: Path, tally: Tally, verbose: bool = False) -> str:
    """A table of per-field scores for one folder."""
    rows = [
        f"{folder} — {tally.files} files, {tally.failed} failed to parse",
        f"  {'field':<22}{'score':>8}{'n':>7}",
    ]
    for name, (ok, n) in tally.exact.items():
        rows.append(f"  {name + ' exact':<22}{_rate(ok, n):>8}{n:>7}")
    kept, total = tally.sentences
    rows.append(f"  {'body sentences kept':<22}{_rate(kept, total):>8}{total:>7}")
    rows.append(f"  {'furniture leaked':<22}{tally.leaked:>8}")
    for key in ("speakers", "people"):
        tp, predicted, labelled = tally.counts[key]
        score = f"{f1(tp, predicted, labelled):.3f}" if tally.people_files[key] else "-"
        rows.append(f"  {key + ' F1':<22}{score:>8}{labelled:>7}")
    roles = tally.roles
    mean = f"{sum(roles) / len(roles):.3f}" if roles else "-"
    rows.append(f"  {'people role F1':<22}{mean:>8}{len(roles):>7}")
    if verbose:
        rows.extend(f"    {p}" for p in tally.problems)
    return "\n".join(rows)


def _rate(ok: int, n: int) -> str:
    return f"{ok / n:.3f}" if n else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsarchive.parse.evaluate")
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true", help="list per-file failures")
    args = parser.parse_args(argv)
    for folder in args.folders:
        if not folder.is_dir():
            print(f"lỗi: {folder}: not a folder", file=sys.stderr)
            return 2
        print(report(folder, evaluate_folder(folder), verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
