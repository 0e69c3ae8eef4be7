"""Import rate: N copies of the seed scrape with varied titles → ``newsarchive import``.

Run: ``PYTHONPATH=src python bench/import_rate.py [N] [--jobs J]``.  Prints figures, asserts
nothing.  Imports on one process (``--jobs 1``) unless ``--jobs`` is given; the CPU figure
includes the worker processes' (``os.times`` of waited-for children).
Wall-clock rates are noisy on a shared machine; the CPU (process time) rate is the one
to compare before and after a change, alternating runs of the two versions.  Records go
to a temporary folder (``TMPDIR``, else /tmp): on the shared VM creating a file in /tmp
has cost from 0.02 to 0.8 ms of kernel CPU, depending on the moment, so compare runs in
the same folder.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

from newsarchive.cli import main

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_22c5eba558120c68.txt"


def make_scrapes(folder: Path, count: int) -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for i in range(count):
        varied = list(lines)
        varied[1] = f"{lines[1]} (bài {i})"
        (folder / f"scrape_{i:05d}.txt").write_text("\n".join(varied), encoding="utf-8")


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (import's workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main_bench(count: int, profile: bool, jobs: str = "1") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        scrapes, content = Path(tmp) / "scrapes", Path(tmp) / "content"
        scrapes.mkdir()
        make_scrapes(scrapes, count)
        args = ["import", str(scrapes), "--content", str(content), "--jobs", jobs]
        profiler = cProfile.Profile() if profile else None
        start, cpu = time.perf_counter(), _cpu()
        if profiler:
            profiler.enable()
        sys.stdout = io.StringIO()
        try:
            main(args)
        finally:
            sys.stdout = sys.__stdout__
        if profiler:
            profiler.disable()
        elapsed, cpu = time.perf_counter() - start, _cpu() - cpu
        written = sum(1 for _ in content.rglob("*.md"))
        print(
            f"import: {written} records in {elapsed:.2f} s = {written / elapsed:.0f} articles/s"
            f" (CPU {cpu:.2f} s = {written / cpu:.0f} articles/s)"
        )
        start = time.perf_counter()
        sys.stdout = io.StringIO()
        try:
            main(args)
        finally:
            sys.stdout = sys.__stdout__
        elapsed = time.perf_counter() - start
        print(f"re-import (all skipped by sha256): {count / elapsed:.0f} articles/s")
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 2000
    jobs = sys.argv[sys.argv.index("--jobs") + 1] if "--jobs" in sys.argv else "1"
    main_bench(n, profile="--profile" in sys.argv, jobs=jobs)
