"""Where the default theme (templates and static files) lives.

In an installed wheel the theme is inside the package (``newsarchive/theme/``); in a source
checkout it is the repository's top-level ``templates/`` and ``static/``."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def theme_dir(kind: str) -> Path:
    """``kind`` is ``"templates"`` or ``"static"``."""
    packaged = _PACKAGE / "theme" / kind
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE.parent.parent / kind
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"default theme folder '{kind}' not found")
