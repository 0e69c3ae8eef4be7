"""The templates' faster escaping, contexts and calls (``render._Template``,
``render._Context``) change nothing a reader gets: a site full of characters HTML must
escape is byte for byte what plain Jinja renders, and so are templates using what the
theme does not (``autoescape false``, ``pass_context``, callable objects, ``caller``)."""

from __future__ import annotations

from pathlib import Path

import jinja2
import jinja2.runtime
import pytest

from conftest import write_record
from newsarchive.site import BuildOptions, build_site, render

NASTY = "<script>alert(\"x\")</script> & 'q' \" >< &amp; Lại Xuân Lâm"


def _site(root: Path) -> Path:
    for day in range(1, 4):
        write_record(
            root,
            f"2024/06/0{day}/bai-{day}.md",
            f"title: 'Bài {day}: {NASTY.replace(chr(39), chr(39) * 2)}'\n"
            f"date: 2024-06-0{day}\n"
            "authors:\n- 'A & B <b>'\n"
            "credit: 'Tin & ảnh'\n"
            "speakers:\n- name: Lại Xuân Lâm\n  role: 'Phó Bí thư <Đảng ủy> & \"Khối\"'\n"
            "images:\n- caption: 'Ảnh <i>hội nghị</i> & \"khách\"'\n",
            body=f"Đoạn {NASTY}.\n\nĐoạn hai với **đậm** và <b>thẻ</b> & ký tự.",
        )
    return root / "content"


def _build(content: Path, out: Path) -> dict[str, bytes]:
    build_site(BuildOptions(content=content, output=out, search=False, jobs=1, cache=False))
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file()}


def test_fast_escaping_renders_exactly_what_plain_jinja_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = _site(tmp_path / "site")
    fast = _build(content, tmp_path / "fast")
    fast_path = render.make_environment([Path(".")]).template_class is render._Template
    assert fast_path == render._JINJA_INTERNALS_KNOWN  # on Jinja 3.1 (here): the fast path
    original = render.make_environment

    def plain(*args: object, **kwargs: object) -> jinja2.Environment:
        env = original(*args, **kwargs)  # type: ignore[arg-type]
        env.template_class = jinja2.Template
        env.context_class = jinja2.runtime.Context
        return env

    monkeypatch.setattr("newsarchive.site.build.make_environment", plain)
    slow = _build(content, tmp_path / "slow")
    assert fast.keys() == slow.keys()
    assert [k for k in fast if fast[k] != slow[k]] == []
    article = fast["2024/06/01/" + next(k.split("/")[3] for k in fast
                                        if k.startswith("2024/06/01/bai"))
                   + "/index.html"].decode()
    assert "&lt;script&gt;" in article and "<script>alert" not in article


EDGE = """{% from "m.html" import shout, wrap %}
{{ shout("<a>") }} {{ shout("<a>") ~ "<b>" }} {{ 7 }} {{ -3 }} {{ none }} {{ 1.5 }} {{ true }}
{% autoescape false %}{{ shout("<a>") + "<b>" }} {{ "<i>" }} {{ ctx_name() }}{% endautoescape %}
{{ ctx_name() }} {{ env_flag() }} {{ callable_obj("<x>") }} {{ callable_ctx() }}
{% call wrap() %}<in>{{ "&" }}{% endcall %} {{ self.t() }} {{ "<s>" | safe }} {{ upper("<u>") }}
{% block t %}T<{{ "&" }}>{% endblock %}
"""
MACROS = """{% macro shout(x) %}[{{ x }}]{% endmacro %}
{% macro wrap() %}<w>{{ caller() }}</w>{% endmacro %}"""


class _Callable:
    def __call__(self, value: str) -> str:
        return value + "!"


class _CallableWithContext:
    @jinja2.pass_context
    def __call__(self, context: jinja2.runtime.Context) -> str:
        return "<" + str(context.name) + ">"


@jinja2.pass_context
def _ctx_name(context: jinja2.runtime.Context) -> str:
    return "<" + str(context.name) + ">"


@jinja2.pass_environment
def _env_flag(env: jinja2.Environment) -> str:
    return f"<{env.autoescape}>"


def test_template_features_the_theme_does_not_use_render_as_in_plain_jinja(
    tmp_path: Path,
) -> None:
    (tmp_path / "page.html").write_text(EDGE, encoding="utf-8")
    (tmp_path / "m.html").write_text(MACROS, encoding="utf-8")
    extra = {"ctx_name": _ctx_name, "env_flag": _env_flag, "callable_obj": _Callable(),
             "callable_ctx": _CallableWithContext(), "upper": str.upper}
    fast = render.make_environment([tmp_path])
    plain = render.make_environment([tmp_path])
    plain.template_class = jinja2.Template
    plain.context_class = jinja2.runtime.Context
    assert (fast.context_class is render._Context) == render._JINJA_INTERNALS_KNOWN
    out = [env.get_template("page.html").render(extra) for env in (fast, plain)]
    assert out[0] == out[1]
    # a macro's result is Markup only where autoescaping is on where it is called
    assert "[&lt;a&gt;]&lt;b&gt; 7" in out[0] and "[&lt;a&gt;]<b> <i>" in out[0]
