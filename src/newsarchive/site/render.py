"""The Jinja2 environment: autoescaping, Vietnamese date filters, relative links."""

from __future__ import annotations

from pathlib import Path

import jinja2

from newsarchive.site import metadata, urls
from newsarchive.site.markup import render_markdown
from newsarchive.vi import dates


def make_environment(template_dirs: list[Path]) -> jinja2.Environment:
    """Templates are looked up in order: a site's own ``templates/`` first, then the theme."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        vi_day=dates.format_day,
        vi_short=dates.format_short,
        markdown=render_markdown,
    )
    env.globals.update(
        vi_month=dates.format_month,
        vi_month_name=dates.format_month_name,
        year_url=urls.year_url,
        month_url=urls.month_url,
        day_url=urls.day_url,
        weekday_names=dates.weekday_names,
        article_json_ld=metadata.article_json_ld,
        summary=metadata.summary,
    )
    return env
