"""Scrape → record: decoding, article structure, dates, bylines, captions, people."""
