"""``newsarchive serve``: live preview that rebuilds on edits and shows errors."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import ROOT, write_record
from newsarchive.cli import main
from newsarchive.site.config import load_site
from newsarchive.site.devserver import DevServer

RECORD = "title: {title}\ndate: 2024-01-02\nslug: tin\nspeakers:\n- Lại Xuân Lâm"


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(check: Callable[[], bool], seconds: float = 30) -> bool:
    """Poll until ``check()`` holds; generous so a loaded CI machine is not a failure."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def server(editor_site: Path) -> Iterator[DevServer]:
    write_record(editor_site, "2024/tin.md", RECORD.format(title="Tiêu đề cũ"))
    dev = DevServer(load_site(editor_site), port=0, interval=0.1, log=io.StringIO())
    dev.start()
    yield dev
    dev.stop()


def test_serves_with_reload_script_and_shows_an_edit_without_restart(
    server: DevServer, editor_site: Path
) -> None:
    article = server.url + "2024/01/02/tin/"
    status, page = fetch(article)
    assert status == 200 and "Tiêu đề cũ" in page
    assert '<script src="/__livereload.js" data-build="1"></script></body>' in page
    assert "location.reload" in fetch(f"http://127.0.0.1:{server.port}/__livereload.js")[1]
    assert fetch(f"http://127.0.0.1:{server.port}/__livereload")[1] == "1"
    assert fetch(server.url + "static/style.css")[0] == 200
    write_record(editor_site, "2024/tin.md", RECORD.format(title="Tiêu đề mới"))
    assert wait_for(lambda: "Tiêu đề mới" in fetch(article)[1])
    # the page is rewritten before the build counter moves: wait for both
    assert wait_for(lambda: fetch(f"http://127.0.0.1:{server.port}/__livereload")[1] != "1")


def test_broken_record_shows_error_page_and_server_keeps_running(
    server: DevServer, editor_site: Path
) -> None:
    article = server.url + "2024/01/02/tin/"
    write_record(editor_site, "2024/bad.md", "title: <Tin>\ndate: hôm qua")
    assert wait_for(lambda: fetch(article)[0] == 500)
    status, page = fetch(article)
    assert "Lỗi khi dựng trang" in page and "/__livereload.js" in page
    assert (
        "content/2024/bad.md:3: date: phải có dạng YYYY-MM-DD, nhưng là &#x27;hôm qua&#x27;" in page
    )
    assert "date: phải có dạng YYYY-MM-DD" in server.log.getvalue()  # type: ignore[attr-defined]
    (editor_site / "content/2024/bad.md").unlink()
    assert wait_for(lambda: fetch(article)[0] == 200)
    assert "Tiêu đề cũ" in fetch(article)[1]


def test_serves_under_the_site_root_path_only(editor_site: Path) -> None:
    config = editor_site / "site.yaml"
    text = config.read_text(encoding="utf-8").replace("base_url: /", "base_url: https://x.vn/lt/")
    config.write_text(text, encoding="utf-8")
    write_record(editor_site, "tin.md", RECORD.format(title="Tin"))
    dev = DevServer(load_site(editor_site), port=0, log=io.StringIO())
    dev.start()
    try:
        assert dev.url == f"http://127.0.0.1:{dev.port}/lt/"
        assert dev.httpd.server_address[0] == "127.0.0.1"
        assert "Tin" in fetch(dev.url + "2024/01/02/tin/")[1]
        assert fetch(dev.url.replace("/lt/", "/"))[1] == fetch(dev.url)[1]  # redirected
        status, page = fetch(f"http://127.0.0.1:{dev.port}/2024/01/02/tin/")
        assert status == 404 and "/__livereload.js" in page
    finally:
        dev.stop()


def test_built_site_has_no_reload_script(editor_site: Path) -> None:
    write_record(editor_site, "tin.md", RECORD.format(title="Tin"))
    assert main(["build"]) == 0
    for page in (editor_site / "public").rglob("*.html"):
        assert "livereload" not in page.read_text(encoding="utf-8")


def test_ctrl_c_stops_cleanly(editor_site: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsarchive", "serve", "--port", "0"],
        cwd=editor_site,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        lines = []
        while not any("Xem trước tại http://127.0.0.1:" in line for line in lines):
            line = proc.stderr.readline()
            assert line, "".join(lines)
            lines.append(line)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
    assert proc.returncode == 0
    assert "đã dừng" in out and "Traceback" not in err
