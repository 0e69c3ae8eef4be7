"""Record → site: load records, lay out the archive's pages, render them, write the output."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsarchive.site.build import BuildOptions, build_site

__all__ = ["BuildOptions", "build_site"]


def __getattr__(name: str) -> Any:
    """``BuildOptions`` and ``build_site`` are imported on first use: commands that only
    read ``site.config`` (``import``, ``parse``) need not load the renderer (Jinja2, Babel)."""
    if name in __all__:
        from newsarchive.site import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
