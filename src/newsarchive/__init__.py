"""newsarchive: a static site generator for Vietnamese news-article archives.

Data flows one way: scrape → record → site.  ``newsarchive.parse`` turns scrapes into
records, ``newsarchive.site`` turns records into a static site, and they meet only at
``newsarchive.record`` (the record format).  ``newsarchive.vi`` holds the Vietnamese
language helpers both sides share.
"""

__version__ = "0.1.0"
