"""Escaping XML text and attribute values exactly as ``xml.etree.ElementTree`` writes them
(the feeds and sitemaps are written as strings, byte for byte what ElementTree wrote)."""

from __future__ import annotations


def escape_text(text: str) -> str:
    """Character data escaped as ``xml.etree`` does."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def escape_attr(text: str) -> str:
    """An attribute value escaped as ``xml.etree`` does."""
    text = escape_text(text)
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    if "\n" in text:
        text = text.replace("\n", "&#10;")
    if "\t" in text:
        text = text.replace("\t", "&#09;")
    return text
