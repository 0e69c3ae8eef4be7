"""The Jinja2 environment: autoescaping, Vietnamese date filters, relative links."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2

from newsarchive.errors import NewsarchiveError
from newsarchive.site import metadata, urls
from newsarchive.site.calendar import weekday_headers
from newsarchive.site.markup import render_markdown
from newsarchive.vi import dates

_OPTIONS_TAG = "ae-su-tb-lb-1"  # autoescape, StrictUndefined, trim/lstrip_blocks: bump on change


def make_environment(template_dirs: list[Path], bytecode_dir: Path | None = None
                     ) -> jinja2.Environment:
    """Templates are looked up in order: a site's own ``templates/`` first, then the theme.
    With ``bytecode_dir``, compiled templates are kept there between builds (Jinja checks
    each against its source's checksum): a small rebuild need not compile them again."""
    cache = None
    if bytecode_dir is not None:
        # the compiled code depends on the options below and Jinja's version: one folder each
        folder = bytecode_dir / f"jinja-{jinja2.__version__}-{_OPTIONS_TAG}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            cache = jinja2.FileSystemBytecodeCache(str(folder))
        except OSError:  # no cache is only a slower build
            cache = None
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # one environment per build: templates do not change under it, so `extends` and
        # `import` need not stat the template files on every page (~8% of a cold build)
        auto_reload=False,
        bytecode_cache=cache,
    )
    env.filters.update(  # Babel's formatting is slow and the same days recur on many pages
        vi_day=functools.lru_cache(maxsize=None)(dates.format_day),
        vi_short=functools.lru_cache(maxsize=None)(dates.format_short),
        markdown=render_markdown,
    )
    env.globals.update(
        vi_month=functools.lru_cache(maxsize=None)(dates.format_month),
        vi_month_name=functools.lru_cache(maxsize=None)(dates.format_month_name),
        year_url=urls.year_url,
        month_url=urls.month_url,
        day_url=urls.day_url,
        weekday_headers=weekday_headers,
        article_json_ld=metadata.article_json_ld,
        summary=metadata.summary,
    )
    return env


def render_page(env: jinja2.Environment, name: str, context: dict[str, Any], **extra: Any) -> str:
    """Render one template; a mistake in a (possibly editor-written) template becomes a
    one-line error naming the template file and line, not a traceback."""
    try:
        return env.get_template(name).render(context, **extra)
    except jinja2.TemplateSyntaxError as exc:
        raise NewsarchiveError(
            f"template error: {exc.message}", exc.filename or name, exc.lineno
        ) from None
    except jinja2.TemplateError as exc:
        filename, line = _template_position(exc, name)
        raise NewsarchiveError(f"template error: {exc}", filename, line) from None


def _template_position(exc: Exception, name: str) -> tuple[str, int | None]:
    """The innermost template frame of a rendering error's traceback."""
    tb = exc.__traceback__
    found: tuple[str, int | None] = (name, None)
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename.endswith(".html") or "<template>" in code.co_filename:
            found = (code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
