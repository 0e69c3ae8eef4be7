"""The ``--site DIR`` option shared by the commands that work inside a site folder."""

from __future__ import annotations

import argparse
import dataclasses
import os
from pathlib import Path

from newsarchive.errors import NewsarchiveError
from newsarchive.site.config import Site, find_site, load_site


def add_site_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site",
        type=Path,
        metavar="DIR",
        help="thư mục trang (mặc định: tìm site.yaml từ thư mục hiện tại trở lên)",
    )


def site_from_args(args: argparse.Namespace, required: bool = True) -> Site | None:
    """The site named by ``--site`` or found upward from the current folder."""
    site = load_site(args.site) if getattr(args, "site", None) is not None else find_site()
    if site is None:
        if required:
            raise NewsarchiveError(
                "không tìm thấy site.yaml ở thư mục này hay thư mục cha; "
                "chạy lệnh trong thư mục trang, dùng --site THƯ_MỤC, "
                "hoặc tạo trang mới bằng 'newsarchive init THƯ_MỤC'"
            )
        return None
    return dataclasses.replace(site, root=_short(site.root))


def _short(root: Path) -> Path:
    """``root`` relative to the current folder when that is shorter, so messages name
    ``content/2024/…/bai.md`` rather than a long absolute path."""
    try:
        relative = Path(os.path.relpath(root))
    except ValueError:  # another drive
        return root
    return relative if len(str(relative)) < len(str(root)) else root
