"""The string-built Atom feeds are byte for byte what the ElementTree writer gave."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from atom_reference import atom_feed as reference_feed
from newsarchive.site.feeds import atom_feed

TEXT = st.lists(st.sampled_from(list("aăđê Ư&<>\"'\r\n\t\u00a0*_[]#1.") + ["<b>x</b>"]),
                max_size=20).map("".join)


@st.composite
def articles(draw: st.DrawFn) -> SimpleNamespace:
    record = SimpleNamespace(
        title=draw(TEXT),
        body=draw(st.lists(TEXT, max_size=4).map("\n\n".join)),
        authors=draw(st.lists(TEXT, max_size=2)),
        credit=draw(st.none() | TEXT),
        speakers=[SimpleNamespace(name=n) for n in draw(st.lists(TEXT, max_size=3))],
        time=draw(st.none() | st.times()),
        date=draw(st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1))),
    )
    url = draw(st.text(st.sampled_from(list("ab/-&\"<")), max_size=8))
    return SimpleNamespace(record=record, url=url, date=record.date)


@settings(max_examples=600, deadline=None)
@given(st.lists(articles(), max_size=6), TEXT, TEXT, st.sampled_from(["/", "https://x.vn/a&b/"]),
       st.booleans())
def test_atom_feed_matches_the_elementtree_writer(items: list, title: str, site: str,
                                                  base: str, full: bool) -> None:
    args = dict(title=title, feed_url="s/feed.xml", page_url="s/", base_url=base,
                site_title=site, articles=items, full=full)
    assert atom_feed(**args) == reference_feed(**args)
    assert atom_feed(**args) == reference_feed(**args)  # entries from the cache
