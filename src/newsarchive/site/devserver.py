"""``newsarchive serve``'s preview server: build into a temporary folder, serve it on
127.0.0.1 under the site's root path, rebuild when a watched file changes, and let open
pages reload themselves (``site/livereload.py``)."""

from __future__ import annotations

import datetime as dt
import functools
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TextIO
from urllib.parse import unquote, urlsplit

import jinja2

from newsarchive.errors import BuildFailed, NewsarchiveError
from newsarchive.site import livereload
from newsarchive.site.build import build_site
from newsarchive.site.config import Site, build_options, load_site
from newsarchive.site.watch import snapshot

HOST = "127.0.0.1"


@dataclass
class BuildState:
    """The latest build: its number (what pages poll) and its problems, if it failed."""

    count: int = 0
    problems: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class DevServer:
    """Preview server for one site folder; ``start()`` for a background server (tests),
    ``serve_forever()`` to block until Ctrl-C."""

    def __init__(
        self, site: Site, port: int = 8000, interval: float = 0.5, log: TextIO | None = None
    ) -> None:
        self.site = site
        self.interval = interval
        self.log = log or sys.stderr
        self.state = BuildState()
        self.output = Path(tempfile.mkdtemp(prefix="newsarchive-serve-")) / "public"
        self.prefix = _path_of(site.config.base_url)
        handler = functools.partial(_Handler, server_state=self)
        try:
            self.httpd = ThreadingHTTPServer((HOST, port), handler)
        except OSError as exc:
            shutil.rmtree(self.output.parent, ignore_errors=True)
            raise NewsarchiveError(
                f"không mở được cổng {port} ({exc.strerror}); thử --port số khác"
            ) from None
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._background = False
        self._seen = snapshot(site.watched_paths())

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}{self.prefix}"

    def rebuild(self) -> None:
        """Build the site again (re-reading site.yaml); record problems instead of raising."""
        self._seen = snapshot(self.site.watched_paths())  # edits from now on rebuild again
        problems: list[str] = []
        try:
            self.site = load_site(self.site.root)
            self.prefix = _path_of(self.site.config.base_url)
            options = build_options(self.site, output=self.output, base_url=self.url)
            result = build_site(options)
        except BuildFailed as failed:
            problems = [str(p) for p in failed.problems]
        except NewsarchiveError as error:
            problems = [str(error)]
        except jinja2.TemplateSyntaxError as error:
            problems = [f"{error.filename}:{error.lineno}: lỗi mẫu trang: {error.message}"]
        except Exception as error:  # noqa: BLE001 - keep serving whatever went wrong
            problems = [f"{type(error).__name__}: {error}"]
        with self.state.lock:
            self.state.count += 1
            self.state.problems = problems
        now = dt.datetime.now().strftime("%H:%M:%S")
        for problem in problems:
            print(f"lỗi: {problem}", file=self.log)
        if problems:
            print(f"[{now}] dựng trang thất bại; đang chờ sửa…", file=self.log)
        else:
            print(f"[{now}] đã dựng {result.pages} trang ({result.articles} bài)", file=self.log)
        self.log.flush()

    def start(self) -> None:
        """Build, then serve and watch in background threads."""
        self.rebuild()
        self._background = True
        for target in (self.httpd.serve_forever, self._watch):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self._threads.append(thread)

    def serve_forever(self) -> None:
        """Build, serve and watch until Ctrl-C, then clean up."""
        try:
            self.rebuild()
            watcher = threading.Thread(target=self._watch, daemon=True)
            watcher.start()
            self._threads.append(watcher)
            print(f"Xem trước tại {self.url}  (Ctrl-C để dừng)", file=self.log)
            self.httpd.serve_forever()
        finally:
            self.stop()

    def stop(self) -> None:
        self._stop.set()
        if self._background:
            self.httpd.shutdown()
        self.httpd.server_close()
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(timeout=5)
        shutil.rmtree(self.output.parent, ignore_errors=True)

    def _watch(self) -> None:
        while not self._stop.wait(self.interval):
            if snapshot(self.site.watched_paths()) != self._seen:
                self._stop.wait(0.1)  # let an editor's save finish
                self.rebuild()


def _path_of(base_url: str) -> str:
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


class _Handler(SimpleHTTPRequestHandler):
    """Serves the built site under the root path, adding the reload script to HTML and
    showing the error page while the latest build is broken."""

    def __init__(self, *args: object, server_state: DevServer, **kwargs: object) -> None:
        self.dev = server_state
        super().__init__(*args, directory=str(server_state.output), **kwargs)  # type: ignore[arg-type]

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep the terminal for build messages

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = unquote(urlsplit(self.path).path)
        with self.dev.state.lock:
            count, problems = self.dev.state.count, list(self.dev.state.problems)
        if path == livereload.STATE_URL:
            return self._send(str(count), "text/plain")
        if path == livereload.SCRIPT_URL:
            return self._send(livereload.SCRIPT, "application/javascript")
        prefix = self.dev.prefix
        if not path.startswith(prefix):
            if path in ("/", "/index.html"):
                self.send_response(HTTPStatus.FOUND)
                self.send_header("Location", prefix)
                self.end_headers()
                return None
            return self._not_found(count)
        if problems and (path.endswith("/") or path.endswith(".html")):
            page = livereload.error_page(problems, count)
            return self._send(page, "text/html", HTTPStatus.INTERNAL_SERVER_ERROR)
        target = self.dev.output / path[len(prefix) :]
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", path + "/")
                self.end_headers()
                return None
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            page = target.read_text(encoding="utf-8")
            return self._send(livereload.inject(page, count), "text/html")
        if not target.is_file():
            return self._not_found(count)
        self.path = path[len(prefix) - 1 :]
        return super().do_GET()

    def _not_found(self, count: int) -> None:
        page_file = self.dev.output / "404.html"
        page = page_file.read_text(encoding="utf-8") if page_file.is_file() else "Không có trang"
        self._send(livereload.inject(page, count), "text/html", HTTPStatus.NOT_FOUND)

    def _send(self, body: str, kind: str, status: HTTPStatus = HTTPStatus.OK) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
