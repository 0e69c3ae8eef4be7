"""The render stage runs on any concurrent.futures.Executor, with the same output."""

from __future__ import annotations

import multiprocessing
import shutil
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

from conftest import ROOT
from newsarchive.site import BuildOptions, build_site
from test_incremental import tree, write


def make_site(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for i in range(6):
        write(content, f"2023/01/1{i}/bai-{i}.md", f"Bài {i}", f"2023-01-1{i}",
              ["Lại Xuân Lâm"], f"Đoạn {i}.")
    return content


def test_spawned_workers_prepare_the_site_themselves(tmp_path: Path) -> None:
    """Like a Dask ``client.get_executor()``: workers share nothing with this process, so
    each prepares the site from the content folder (absolute paths) and checks its token."""
    content = make_site(tmp_path)
    options = dict(content=content.resolve(), search=False, cache=False)
    build_site(BuildOptions(output=tmp_path / "local", jobs=1, **options))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        build_site(BuildOptions(output=tmp_path / "remote", executor=pool, **options))
    with ThreadPoolExecutor(2) as pool:
        build_site(BuildOptions(output=tmp_path / "threads", executor=pool, **options))
    assert tree(tmp_path / "remote") == tree(tmp_path / "local")
    assert tree(tmp_path / "threads") == tree(tmp_path / "local")
