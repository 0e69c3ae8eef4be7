"""Build-time benchmark: newsarchive against Hugo and Pelican on the same articles.

    PYTHONPATH=src:. python -m bench.run                 # N = 3,000 and 10,000
    PYTHONPATH=src:. python -m bench.run --n 3000 --runs 3
    PYTHONPATH=src:. python -m bench.run --n 100000 --skip-others
    PYTHONPATH=src:. python -m bench.run --n 100000 --skip-others --runs 1 \
        --extend-from /dev/shm/nb/30000/content   # imported-shaped records, no import

For each N it writes seed-shaped scrapes (``bench/corpus.py``), imports them with
``newsarchive import`` when that command works (else writes the records directly and says
so), writes the same articles as a Hugo and a Pelican site, then alternates runs:

* cold full builds of ours (``--no-cache``; ``--no-search`` when the flag exists), Hugo and
  Pelican, each into a removed output folder (nobody pays for deleting the last output);
* ours again with no change, after editing one record, after adding one record.

Each build runs in a fresh wrapper process that reports the wall time and the peak RSS of
its child (``getrusage(RUSAGE_CHILDREN).ru_maxrss``).  "Written" counts output files whose
mtime is newer than the run's start.  Prints medians and ratios; ``--json`` saves them."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.corpus import (
    OLD_MTIME,
    Corpus,
    dump_record,
    extend,
    generate,
    record_path,
    scrape_name,
)
from bench.others import write_hugo, write_pelican

PY = sys.executable
SRC = Path(__file__).resolve().parents[1] / "src"
WRAPPER = (
    "import json,resource,subprocess,sys,time\n"
    "t=time.perf_counter();p=subprocess.run(sys.argv[2:],cwd=sys.argv[1],"
    "stdout=subprocess.DEVNULL,stderr=subprocess.PIPE)\n"
    "e=time.perf_counter()-t\n"
    "print(json.dumps({'s':e,'kb':resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"
    "'rc':p.returncode,'err':p.stderr.decode('utf-8','replace')[-2000:]}))"
)


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = os.pathsep.join([str(SRC), e.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return e


def timed(cmd: list[str], cwd: Path) -> dict:
    out = subprocess.run([PY, "-c", WRAPPER, str(cwd), *cmd], env=env(), check=True,
                         capture_output=True, text=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["rc"] != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{result['err']}")
    return result


def newer_files(folder: Path, since: float) -> int:
    since_ns = int(since * 1e9)
    count = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            if os.stat(os.path.join(root, name)).st_mtime_ns >= since_ns:
                count += 1
    return count


def all_files(folder: Path) -> int:
    return sum(len(files) for _r, _d, files in os.walk(folder))


def ours_cmd(*extra: str) -> list[str]:
    return [PY, "-m", "newsarchive", "build", "--content", "content", "--output", "public",
            *extra]


def has_flag(flag: str) -> bool:
    out = subprocess.run([PY, "-m", "newsarchive", "build", "--help"], env=env(),
                         capture_output=True, text=True)
    return flag in out.stdout


def import_works(tmp: Path) -> bool:
    """``newsarchive import`` imports a scrape (and is not the stub)."""
    shutil.rmtree(tmp, ignore_errors=True)
    generate(1, tmp, records=False)
    out = subprocess.run([PY, "-m", "newsarchive", "import", "scrapes", "--content", "content"],
                         cwd=tmp, env=env(),
                         capture_output=True, text=True)
    ok = out.returncode == 0 and any((tmp / "content").rglob("*.md"))
    shutil.rmtree(tmp, ignore_errors=True)
    return ok


def prepare(n: int, root: Path, others: bool, extend_from: Path | None = None) -> dict:
    info: dict = {}
    root.mkdir(parents=True, exist_ok=True)
    if extend_from is not None and not (root / "content").is_dir():
        t = time.perf_counter()
        extend(extend_from, n, root / "content")
        info["direct_write_s"] = time.perf_counter() - t
        info["import"] = f"records copied and varied from {extend_from} (corpus.extend)"
    if not (root / "scrapes").is_dir() and not (root / "content").is_dir():
        generate(n, root, records=False)
    if not (root / "content").is_dir():
        if import_works(root.parent / f".import-probe-{n}"):
            r = timed([PY, "-m", "newsarchive", "import", "scrapes", "--content", "content"], root)
            info["import_s"] = r["s"]
            info["import_rate"] = n / r["s"]
            info["import_kb"] = r["kb"]
            for path in (root / "content").rglob("*.md"):
                os.utime(path, (OLD_MTIME, OLD_MTIME))
        else:
            t = time.perf_counter()
            generate(n, root, scrapes=False)
            info["direct_write_s"] = time.perf_counter() - t
            info["import"] = "newsarchive import not available: records written directly"
    if others and not (root / "hugo").is_dir():
        write_hugo(n, root)
    if others and not (root / "hugo-feeds").is_dir():
        write_hugo(n, root, feeds=True)
    if others and not (root / "pelican").is_dir():
        write_pelican(n, root)
    return info


def edit_one(root: Path, n: int, k: int) -> None:
    corpus = Corpus()
    path = record_path(root / "content", corpus.article(n // 2))
    if not path.is_file():  # imported records may be laid out differently
        path = sorted((root / "content").rglob("*.md"))[n // 2]
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\nĐoạn bổ sung lần thứ {k}.\n")
    _settle(path)


def _settle(path: Path) -> None:
    """Date the file a few seconds back, as an editor's saved file is by the time they
    build: files modified within the last 2 s are not put in the record cache (racy-git
    rule), so timing a build right after the write would skip the cache update an editor's
    build pays for."""
    then = time.time() - 5
    os.utime(path, (then, then))


def add_one(root: Path, n: int, k: int) -> Path:
    corpus = Corpus()
    art = corpus.article(n + 100_000 + k)
    path = record_path(root / "content", art)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_record(corpus.record(art, scrape_name(n + 100_000 + k))),
                    encoding="utf-8")
    _settle(path)
    return path


def bench_n(n: int, root: Path, runs: int, others: bool, extend_from: Path | None = None
            ) -> dict:
    info = prepare(n, root, others, extend_from)
    search = has_flag("--no-search")
    no_search = ["--no-search"] if search else []
    samples: dict[str, list[dict]] = {}

    def record(name: str, result: dict, out: Path, start: float) -> None:
        result["written"] = newer_files(out, start) if out.is_dir() else 0
        samples.setdefault(name, []).append(result)
        print(f"  N={n} {name:12s} {result['s']:7.2f} s  {result['kb'] / 1024:6.0f} MB"
              f"  written {result['written']}", flush=True)

    def cold(name: str, cmd: list[str], cwd: Path, out: Path) -> None:
        shutil.rmtree(out, ignore_errors=True)
        start = time.time()
        record(name, timed(cmd, cwd), out, start)

    tools = [("ours cold", ours_cmd("--no-cache", *no_search), root, root / "public")]
    if others:
        tools += [
            ("hugo", ["hugo", "--source", "hugo", "--destination", str(root / "out-hugo"),
                      "--quiet"], root, root / "out-hugo"),
            ("hugo+feeds", ["hugo", "--source", "hugo-feeds", "--destination",
                            str(root / "out-hugo-feeds"), "--quiet"], root,
             root / "out-hugo-feeds"),
            ("pelican", [str(Path(PY).with_name("pelican")), "pelican/content", "-s",
                         "pelican/pelicanconf.py", "-o", str(root / "out-pelican"), "-q"],
             root, root / "out-pelican"),
        ]
    for k in range(runs):
        order = tools if k % 2 == 0 else list(reversed(tools))
        for name, cmd, cwd, out in order:
            cold(name, cmd, cwd, out)
        out = root / "public"
        subprocess.run(ours_cmd(*no_search), cwd=root, env=env(), check=True,
                       capture_output=True)  # a cold --no-cache run leaves fresh caches
        start = time.time()
        record("no change", timed(ours_cmd(*no_search), root), out, start)
        edit_one(root, n, k)
        start = time.time()
        record("one edit", timed(ours_cmd(*no_search), root), out, start)
        added = add_one(root, n, k)
        start = time.time()
        record("one add", timed(ours_cmd(*no_search), root), out, start)
        added.unlink()
        subprocess.run(ours_cmd(*no_search), cwd=root, env=env(), check=True,
                       capture_output=True)
    if search:  # the search index's own cost, on a cold build
        for _ in range(max(1, runs // 2)):
            cold("cold+search", ours_cmd("--no-cache"), root, root / "public")
    summary = {"n": n, **info, "search_flag": search}
    for name, results in samples.items():
        summary[name] = {
            "s": statistics.median(r["s"] for r in results),
            "runs": [round(r["s"], 3) for r in results],
            "peak_mb": max(r["kb"] for r in results) / 1024,
            "written": statistics.median(r["written"] for r in results),
        }
    summary["ours pages"] = all_files(root / "public")
    if others:
        summary["hugo files"] = all_files(root / "out-hugo")
        summary["hugo+feeds files"] = all_files(root / "out-hugo-feeds")
        summary["pelican files"] = all_files(root / "out-pelican")
    return summary


def report(s: dict) -> str:
    lines = [f"N = {s['n']:,}"]
    if "import_rate" in s:
        lines.append(f"  import: {s['import_rate']:.0f} articles/s ({s['import_s']:.2f} s)")
    else:
        lines.append(f"  import: {s.get('import', '?')}")
    hugo = s.get("hugo", {}).get("s")
    feeds = s.get("hugo+feeds", {}).get("s")
    pelican = s.get("pelican", {}).get("s")
    for name in ("ours cold", "no change", "one edit", "one add", "hugo", "hugo+feeds",
                 "pelican", "cold+search"):
        if name not in s:
            continue
        r = s[name]
        line = (f"  {name:12s} {r['s']:7.2f} s  peak {r['peak_mb']:6.0f} MB  "
                f"written {r['written']:>7.0f}  runs {r['runs']}")
        if hugo and name not in ("hugo", "hugo+feeds", "pelican"):
            line += f"  ×Hugo {r['s'] / hugo:.2f}"
        if feeds and name not in ("hugo", "hugo+feeds", "pelican"):
            line += f"  ×Hugo+feeds {r['s'] / feeds:.2f}"
        if pelican and name not in ("hugo", "hugo+feeds", "pelican"):
            line += f"  ×Pelican {r['s'] / pelican:.2f}"
        lines.append(line)
    lines.append(f"  output files: ours {s['ours pages']}, Hugo {s.get('hugo files', '-')}, "
                 f"Hugo+feeds {s.get('hugo+feeds files', '-')}, "
                 f"Pelican {s.get('pelican files', '-')}")
    return "\n".join(lines)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, nargs="+", default=[3000, 10000])
    p.add_argument("--runs", type=int, default=3, help="alternating rounds (median)")
    p.add_argument("--root", type=Path, default=Path("/tmp/newsarchive-bench"))
    p.add_argument("--skip-others", action="store_true", help="no Hugo/Pelican runs")
    p.add_argument("--json", type=Path, help="save the figures here")
    p.add_argument("--extend-from", type=Path, metavar="CONTENT",
                   help="no import: N records copied from these imported records with new "
                        "titles and dates (bench.corpus.extend; 100k in ~30 s)")
    a = p.parse_args()
    others = not a.skip_others and shutil.which("hugo") is not None
    # bytecode as an installed package has it (pip compiles at install): otherwise, with
    # PYTHONDONTWRITEBYTECODE set, every timed run would compile the package (~25 ms)
    subprocess.run([PY, "-m", "compileall", "-q", str(SRC)], check=True)
    summaries = []
    for n in a.n:
        summary = bench_n(n, a.root / str(n), a.runs, others, a.extend_from)
        summaries.append(summary)
        print(report(summary), flush=True)
    if a.json:
        a.json.write_text(json.dumps(summaries, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
