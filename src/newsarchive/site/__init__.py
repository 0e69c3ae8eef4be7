"""Record → site: load records, lay out the archive's pages, render them, write the output."""

from newsarchive.site.build import BuildOptions, build_site

__all__ = ["BuildOptions", "build_site"]
