"""The templates' faster escaping (``render._Template``) changes nothing a reader gets:
a site full of characters HTML must escape is byte for byte what plain Jinja renders."""

from __future__ import annotations

from pathlib import Path

import jinja2
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
    assert render.make_environment([Path(".")]).template_class is render._Template
    original = render.make_environment

    def plain(*args: object, **kwargs: object) -> jinja2.Environment:
        env = original(*args, **kwargs)  # type: ignore[arg-type]
        env.template_class = jinja2.Template
        return env

    monkeypatch.setattr("newsarchive.site.build.make_environment", plain)
    slow = _build(content, tmp_path / "slow")
    assert fast.keys() == slow.keys()
    assert [k for k in fast if fast[k] != slow[k]] == []
    article = fast["2024/06/01/" + next(k.split("/")[3] for k in fast
                                        if k.startswith("2024/06/01/bai"))
                   + "/index.html"].decode()
    assert "&lt;script&gt;" in article and "<script>alert" not in article
