"""The Jinja2 environment: autoescaping, Vietnamese date filters, relative links."""

from __future__ import annotations

import functools
import types
from pathlib import Path
from typing import Any

import jinja2
import jinja2.runtime
import markupsafe
from jinja2.utils import internalcode

from newsarchive.errors import NewsarchiveError
from newsarchive.site import metadata, urls
from newsarchive.site.calendar import weekday_headers
from newsarchive.site.markup import render_markdown
from newsarchive.vi import dates

_ESCAPE_INNER = getattr(markupsafe, "_escape_inner", None)  # MarkupSafe 3: str → str, C
# ``_Template`` and ``_Context`` below replace a few of Jinja's internals (the escape function
# of compiled templates, how a context is made and a callable called) with equivalent but
# quicker ones, written against Jinja 3.1: other versions render with Jinja's own
# (``tests/test_render_escape.py`` compares the two)
_JINJA_INTERNALS_KNOWN = (
    _ESCAPE_INNER is not None
    and jinja2.__version__.startswith("3.1.")
    and hasattr(jinja2.Template, "_from_namespace")
)
_OPTIONS_TAG = "ae-su-tb-lb-1"  # autoescape, StrictUndefined, trim/lstrip_blocks: bump on change


def _escape(value: Any) -> str:
    """``markupsafe.escape`` for what templates output, without wrapping a plain string's
    escaped text in a ``Markup`` (~a quarter of the cost, and a page outputs dozens): the
    compiled templates only join these pieces, and wrap whole blocks and macro results in
    ``Markup`` themselves.  A ``Markup`` is passed as it is (``escape`` would copy it into
    a new one) and an ``int`` only made a string."""
    kind = type(value)
    if kind is str:
        return _ESCAPE_INNER(value)  # type: ignore[misc]
    if kind is markupsafe.Markup:  # a macro's or ``| safe`` output: escape() copies it
        return value  # type: ignore[no-any-return]
    if kind is int:  # digits: nothing to escape
        return str(value)
    return markupsafe.escape(value)


class _Template(jinja2.Template):
    """Templates whose output expressions escape with ``_escape``.  Jinja's compiled code
    imports ``escape`` into the namespace it runs in, and uses it only on values it
    outputs; the namespace is handed to ``_from_namespace``, where it is swapped.
    ``tests/test_render_escape.py`` checks the site is byte for byte what plain Jinja
    renders."""

    @classmethod
    def _from_namespace(cls, environment: jinja2.Environment, namespace: dict[str, Any],
                        globals: Any) -> Any:
        if namespace.get("escape") is markupsafe.escape:
            namespace["escape"] = _escape
        return super()._from_namespace(environment, namespace, globals)  # type: ignore[misc]

    def new_context(self, vars: dict[str, Any] | None = None, shared: bool = False,
                    locals: Any = None) -> Any:
        """Jinja's, with the globals (a ``ChainMap``) flattened by ``dict.update`` per map
        rather than ``dict(chainmap)`` and ``set(chainmap)``, Python-level lookups per key,
        on every render."""
        maps = getattr(self.globals, "maps", None)
        if shared or locals or maps is None:
            return super().new_context(vars, shared, locals)
        merged: dict[str, Any] = {}
        for mapping in reversed(maps):  # the first map's value wins, in ChainMap's key order
            merged.update(mapping)
        parent = dict(merged)
        if vars:
            parent.update(vars)
        # the context only takes the globals' keys (``set(globals)``: a dict's, in C)
        return self.environment.context_class(self.environment, parent, self.name,
                                              self.blocks, globals=merged)

    def _get_default_module(self, ctx: Any = None) -> Any:
        """Jinja's, with its check for globals the importing template has and this one has
        not (``ctx.globals_keys - self.globals.keys()``, a Python-level ``ChainMap`` lookup
        per key, on every ``{% from … import %}``) done in C: none, so the cached module."""
        maps = getattr(self.globals, "maps", None)
        if ctx is not None and maps is not None and not ctx.globals_keys.difference(*maps):
            ctx = None
        return super()._get_default_module(ctx)  # type: ignore[misc]


# callables that cannot ask for the context (no ``jinja_pass_arg``), and those that can
_NEVER_PASS = frozenset({types.BuiltinFunctionType, jinja2.runtime.BlockReference})
_MAY_PASS = frozenset({types.FunctionType, types.MethodType, type(functools.lru_cache()(len))})


class _Context(jinja2.runtime.Context):
    """Jinja's context, whose ``call`` (every ``f(…)`` and macro call in a template) first
    looks for ``pass_context`` and the like on the callable and its ``__call__``; what it
    finds for a builtin, a function or method without ``jinja_pass_arg`` (nothing) and a
    macro (its ``__call__`` takes the eval context) is known, so they are called straight
    away (~1 µs less a call, ~12 calls a page).  ``tests/test_render_escape.py`` compares
    with Jinja's own."""

    @internalcode
    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        kind = type(__obj)
        if kind is jinja2.runtime.Macro:
            args = (__self.eval_ctx, *args)
        elif not (
            kind in _NEVER_PASS or (kind in _MAY_PASS and not hasattr(__obj, "jinja_pass_arg"))
        ):
            return super().call(__obj, *args, **kwargs)
        kwargs.pop("_block_vars", None)
        kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception"
            )


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
    if _JINJA_INTERNALS_KNOWN:
        env.template_class = _Template
        env.context_class = _Context
    env.filters.update(  # the same days recur on many pages
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
