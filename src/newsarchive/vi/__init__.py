"""Vietnamese language helpers shared by the parser and the site builder."""

from newsarchive.vi.collate import name_sort_key, sort_key
from newsarchive.vi.dates import format_day, format_month, format_year
from newsarchive.vi.text import fold, match_key, nfc, slugify_vi

__all__ = [
    "fold",
    "format_day",
    "format_month",
    "format_year",
    "match_key",
    "name_sort_key",
    "nfc",
    "slugify_vi",
    "sort_key",
]
