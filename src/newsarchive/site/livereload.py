"""Serve-mode only: the script that reloads open pages after a rebuild, and the error page.

The built site never contains any of this; ``newsarchive serve`` adds the script tag to
HTML responses as it sends them."""

from __future__ import annotations

import html

SCRIPT_URL = "/__livereload.js"
STATE_URL = "/__livereload"

# Polls the build counter; reloads the page when it differs from the one it was served with.
SCRIPT = """\
(function () {
  var me = document.currentScript, built = me ? me.getAttribute("data-build") : null;
  function poll() {
    fetch("STATE_URL", {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (now) {
        if (built !== null && now !== built) { location.reload(); return; }
        built = now; setTimeout(poll, 600);
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  poll();
})();
""".replace("STATE_URL", STATE_URL)


def tag(build: int) -> str:
    return f'<script src="{SCRIPT_URL}" data-build="{build}"></script>'


def inject(page: str, build: int) -> str:
    """``page`` with the reload script added just before ``</body>`` (or at the end)."""
    at = page.lower().rfind("</body>")
    return page + tag(build) if at < 0 else page[:at] + tag(build) + page[at:]


def error_page(problems: list[str], build: int) -> str:
    """A page listing a failed build's ``path:line: message`` lines, escaped."""
    items = "\n".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems)
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Lỗi khi dựng trang</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem; color: #222; }}
h1 {{ color: #a40000; font-size: 1.4rem; }}
li {{ margin: .4rem 0; }} code {{ white-space: pre-wrap; }}
</style></head>
<body><h1>Lỗi khi dựng trang</h1>
<p>Sửa các lỗi dưới đây rồi lưu tệp; trang này sẽ tự tải lại.</p>
<ul>
{items}
</ul>
{tag(build)}</body></html>
"""
