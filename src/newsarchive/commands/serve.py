"""``newsarchive serve``: preview the site, rebuilt and reloaded on every edit."""

from __future__ import annotations

import argparse
import signal
from types import FrameType

from newsarchive.commands._site import add_site_option, site_from_args


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="xem trước trang, tự dựng lại khi sửa (preview with live reload)",
        description="Dựng trang và mở xem trước tại http://127.0.0.1:CỔNG/; mỗi khi bản ghi, "
        "mẫu trang, tệp tĩnh, site.yaml hay people.yaml thay đổi, trang được dựng lại và "
        "trình duyệt tự tải lại.  Ctrl-C để dừng.",
        epilog="ví dụ: newsarchive serve --port 8080",
    )
    add_site_option(p)
    p.add_argument("--port", type=int, default=8000, help="cổng (mặc định 8000)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newsarchive.site.devserver import DevServer  # loaded only when serving

    site = site_from_args(args)
    assert site is not None
    server = DevServer(site, port=args.port)
    signal.signal(signal.SIGTERM, _interrupt)  # stop as cleanly as on Ctrl-C
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nđã dừng xem trước.")
    return 0


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
