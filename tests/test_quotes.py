"""Speaker pages show what the person said in each article, newest first."""

from __future__ import annotations

from pathlib import Path

from newsarchive.site import BuildOptions, build_site


def record(day: str, title: str, quote: str) -> str:
    return (
        f"---\ntitle: {title}\ndate: {day}\n"
        "speakers:\n- name: Nguyễn Văn Dự\n  role: Chủ tịch UBND xã\n"
        f"quotes:\n- speaker: Nguyễn Văn Dự\n  text: {quote}\n"
        "- speaker: Người Khác\n  text: Câu của người khác\n---\n\nNội dung.\n"
    )


def test_speaker_page_lists_quotes_newest_first(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text(record("2023-05-01", "Tin cũ", "Xã sẽ làm đường mới"), "utf-8")
    newest = record("2024-05-01", "Tin mới", "Đường đã xong <b>rồi</b>")
    (content / "b.md").write_text(newest, "utf-8")
    out = tmp_path / "public"
    build_site(BuildOptions(content=content, output=out, search=False))
    html = (out / "speakers" / "nguyen-van-du" / "index.html").read_text(encoding="utf-8")
    newer = html.index("“Đường đã xong &lt;b&gt;rồi&lt;/b&gt;”")
    older = html.index("“Xã sẽ làm đường mới”")
    assert newer < older
    assert "Câu của người khác" not in html
    assert "2 trích dẫn" in html
