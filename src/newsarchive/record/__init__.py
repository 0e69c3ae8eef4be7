"""The record format: the only contract between the parser and the site builder.

One article = one UTF-8 Markdown file with YAML front matter.  See ``docs/record-format.md``.
"""

from newsarchive.record.frontmatter import dump_record, load_record, parse_record
from newsarchive.record.model import Image, Person, Quote, Record, Source

__all__ = [
    "Image",
    "Person",
    "Quote",
    "Record",
    "Source",
    "dump_record",
    "load_record",
    "parse_record",
]
