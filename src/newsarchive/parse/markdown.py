"""Paragraphs → Markdown body, escaping what would change meaning at a paragraph start."""

from __future__ import annotations

import re

# Block syntax at the start of a paragraph: headings, quotes, lists, rules, code fences,
# tables, HTML blocks, setext underlines.
_BLOCK_START = re.compile(
    r"^(?:(?P<char>[#>+*=|<~`])|(?P<dash>-)|(?P<num>\d{1,9})(?P<delim>[.)])(?=\s|$))"
)


def escape_paragraph(text: str) -> str:
    """Backslash-escape a leading ``#``, ``>``, ``-``, ``+``, ``*``, ``1.`` … and indentation."""
    text = text.strip()
    match = _BLOCK_START.match(text)
    if not match:
        return text
    if match.group("num"):
        end = match.end("num")
        return f"{text[:end]}\\{text[end:]}"
    return f"\\{text}"


def unescape_paragraph(text: str) -> str:
    """Inverse of ``escape_paragraph`` (for comparing body text with the scrape)."""
    if text.startswith("\\"):
        return text[1:]
    return re.sub(r"^(\d{1,9})\\([.)])", r"\1\2", text)


def to_markdown(paragraphs: list[str]) -> str:
    """Paragraphs separated by blank lines, each escaped; ends with a newline when not empty."""
    body = "\n\n".join(escape_paragraph(p) for p in paragraphs if p.strip())
    return body + "\n" if body else ""
