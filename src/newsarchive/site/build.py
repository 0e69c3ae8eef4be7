"""``build_site``: load → lay out → render → write, all or nothing.

Two ways to write (see docs/performance.md):

* **full**: every page is rendered (on all cores) and streamed into a fresh staging folder
  that replaces the output in one rename at the end — used for a cold build (``--no-cache``,
  no manifest yet) or when most pages changed;
* **incremental**: the manifest from the last build says which output files are still what
  their pages' fingerprints say; only the others are rendered — all of them, into memory —
  and only once everything rendered are they written (each file atomically) and the files of
  vanished pages deleted.  A failed build therefore leaves the previous output untouched.

Either way the output is byte-for-byte what a cold build of the same content gives."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import os
import shutil
import tempfile
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsarchive.errors import BuildFailed, NewsarchiveError
from newsarchive.progress import progress
from newsarchive.site import engine, urls
from newsarchive.site.archive import Archive, build_archive
from newsarchive.site.cache import (
    RecordCache,
    default_cache_dir,
    drop_bodies,
    layout_keys,
    load_records_cached,
)
from newsarchive.site.engine import Job, RenderSpec
from newsarchive.site.identity import Identities
from newsarchive.site.lock import output_lock
from newsarchive.site.manifest import Fingerprinter, Manifest, engine_digest
from newsarchive.site.pages import archive_pages
from newsarchive.site.people_file import PeopleFile, people_for_build
from newsarchive.site.render import make_environment
from newsarchive.site.search import OUTPUT_SUBDIR, build_search_index
from newsarchive.site.sidework import Sidework
from newsarchive.site.theme import theme_dir
from newsarchive.site.writer import check_output_folder, safe_join, staged_output, write_new

if TYPE_CHECKING:  # imported where used: a small rebuild starts no pool
    from concurrent.futures import Executor, Future

# below this many pages to render, a process pool costs more than it saves
PARALLEL_MIN_PAGES = 300
WRITER_THREADS = 4
# from this many pages on, an incremental build fingerprints them on all cores
PARALLEL_MIN_FP = 4000


@dataclass
class BuildOptions:
    content: Path = Path("content")
    output: Path = Path("public")
    base_url: str = "/"
    site_title: str = "Kho lưu trữ tin bài"
    template_dirs: list[Path] = field(default_factory=list)  # searched before the theme
    static_dirs: list[Path] = field(default_factory=list)  # copied after the theme's
    people: Path | None = None  # the site's people.yaml
    per_page: int = 20  # site.yaml's per_page, for list pages
    keep_going: bool = False
    search: bool = True  # build the Pagefind index (needs the pagefind package)
    jobs: int | None = None  # worker processes for rendering; None: one per core
    cache: bool = True  # False: ignore the record cache and manifest (a cold build)
    cache_dir: Path | None = None  # default: .newsarchive-cache/ beside the content folder
    executor: Executor | None = None  # render on this executor instead of a local pool


@dataclass
class BuildResult:
    pages: int
    articles: int
    problems: list[NewsarchiveError]
    written: int = 0  # files (re)written by this build
    deleted: int = 0  # files of vanished pages removed
    mode: str = "full"  # "full" or "incremental"


@dataclass
class Prepared:
    """Everything rendering needs, identical in every process that prepares it."""

    archive: Archive
    jobs: list[Job]
    env: Any
    site: dict
    token: str
    record_digests: dict[int, str]
    engine: bytes
    problems: list[NewsarchiveError]
    _printer: Fingerprinter | None = None
    manifest: Manifest | None = None  # the last build's, for incremental checks

    def printer(self) -> Fingerprinter:
        """This process's fingerprinter (it memoises digests of shared objects)."""
        if self._printer is None:
            self._printer = Fingerprinter(self.engine, self.record_digests)
        return self._printer


def normalise_base_url(base_url: str) -> str:
    return base_url if base_url.endswith("/") else base_url + "/"


def cache_dir(options: BuildOptions) -> Path:
    return options.cache_dir or default_cache_dir(options.content)


@dataclass
class Loaded:
    """The records and everything else the output is a function of, with its digest."""

    records: list
    problems: list[NewsarchiveError]
    people: PeopleFile | None
    per_page: int
    digests: dict[int, str]
    template_dirs: list[Path]
    site: dict
    base_url: str
    static: list[Job]
    engine: bytes
    token: str  # same token, same output
    structure: str = ""  # same structure: the same pages, fed by the same records
    cache: Path | None = None  # the cache folder (compiled templates), if caches are saved
    record_cache: RecordCache | None = None  # its saving is left to the build (see below)

    def save_record_cache(self) -> None:
        """Save the record cache if loading changed it.  A build does this once its render
        workers are forked (this process then only fingerprints), so that pickling the
        archive (~0.5 s at 10,000 records) is off the critical path."""
        if self.record_cache is not None:
            self.record_cache.save_pending()


def load_site(options: BuildOptions, use_cache: bool = True, save_cache: bool = True,
              scanned: Callable[[], tuple | None] | None = None) -> Loaded:
    """Load the records (through the record cache) and digest all the build's inputs;
    ``scanned`` gives the content folder's scan if another process made it."""
    cache = RecordCache(cache_dir(options) if save_cache else None, read=use_cache)
    workers = (options.jobs or engine.default_jobs()) if options.executor is None else 1
    records, problems, digests = load_records_cached(
        options.content, cache, jobs=workers, save=False,
        scanned=scanned() if scanned is not None and cache.entries else None)
    if problems and not options.keep_going:
        cache.save_pending()  # the good records are parsed: keep them for the next try
        raise BuildFailed(problems)
    people, records = people_for_build(options.people, records, problems, options.keep_going)
    template_dirs = [*options.template_dirs, theme_dir("templates")]
    base_url = normalise_base_url(options.base_url)
    site = {"title": options.site_title, "base_url": base_url, "search": options.search}
    static = _static_jobs([theme_dir("static"), *options.static_dirs])
    people_bytes = options.people.read_bytes() if options.people else b""
    engine_hash = engine_digest(
        template_dirs,
        repr((sorted(site.items()), options.per_page, hashlib.sha1(people_bytes).hexdigest())),
    )
    token = hashlib.blake2b(engine_hash, digest_size=16)
    for job in static:
        token.update(f"{job.path}\x1f{hashlib.sha1(job.body or b'').hexdigest()}\x1e".encode())
    shape = token.copy()  # the engine and static files so far
    # each record's part of either digest, hashed in one piece (the same digest as one
    # update per record, sooner)
    names = [str(path) for path, _record in records]
    token.update("".join([f"{name}\x1f{digests[id(record)]}\x1e"
                          for name, (_path, record) in zip(names, records, strict=True)]
                         ).encode())
    shape.update(b"".join([_shape(name, record)
                           for name, (_path, record) in zip(names, records, strict=True)]))
    return Loaded(records, problems, people, options.per_page, digests, template_dirs, site,
                  base_url, static, engine_hash, token.hexdigest(), shape.hexdigest(),
                  cache_dir(options) if save_cache else None, cache)


def _shape(path: str, record: Any) -> bytes:
    """What of a record decides the site's layout: which pages exist, in which order, and
    which speakers and quotes an article has — its path, title, date, time, slug, speakers
    (name, role, id, honorific) and quote speakers (``cache.layout_keys``, memoised).  The
    rest of it (body, authors, images, quote texts, …) reaches pages only through the
    record, its article or its speakers, which the fingerprints note as dependencies
    (``Fingerprinter.last_deps``)."""
    return f"{path}\x1f".encode() + layout_keys(record)[0] + b"\x1e"


def _record_keys(loaded: Loaded) -> dict[str, tuple[str, str]]:
    """Each record file's path → (digest of its bytes, digest of its quotes)."""
    digests = loaded.digests
    return {str(path): (digests[id(record)], layout_keys(record)[1])
            for path, record in loaded.records}


def _affected(loaded: Loaded, prepared: Prepared, manifest: Manifest,
              new: dict[str, tuple[str, str]]) -> list[int] | None:
    """Indices of the jobs the records changed since the last build can reach, or None if
    the archive's structure changed (then every page is fingerprinted).

    With the same structure (engine, settings, static files, every record's ``_shape``)
    the pages are the same and each depends on what its fingerprint digested: records
    (``R`` + digest) and speakers (``S`` + id).  A changed record reaches the pages
    depending on its old or new digest and, if its quotes changed, on the speakers it
    names.  Pages the manifest has no dependencies for are included.  ``new`` is
    ``_record_keys(loaded)``."""
    if not manifest.deps or manifest.structure != loaded.structure:
        return None
    old = manifest.records
    if new.keys() != old.keys():
        return None
    changed = {path for path, key in new.items() if old[path] != key}
    keys = {"R" + new[p][0] for p in changed} | {"R" + old[p][0] for p in changed}
    # a speaker digests, of each record naming them, only shape and quotes: with the same
    # shape, only a record whose quotes changed reaches the pages holding its speakers
    quoting = {path for path in changed if old[path][1] != new[path][1]}
    archive = prepared.archive
    for article in archive.articles if quoting else ():
        if str(article.path) in quoting:
            keys.update("S" + speaker.id for _person, speaker in archive.speaker_links(article))
    deps = manifest.deps
    return [i for i, job in enumerate(prepared.jobs)
            if job.path not in deps or not keys.isdisjoint(deps[job.path])]


def layout_site(loaded: Loaded) -> Prepared:
    """Lay out the archive and list every output file to make."""
    archive = build_archive(loaded.records, Identities(loaded.people))
    env = make_environment(loaded.template_dirs, loaded.cache)
    jobs = list(loaded.static)
    roots: dict[int, str] = {}  # a page's root prefix by its URL's depth: a few values
    output_path = urls.output_path
    for page in archive_pages(archive, per_page=loaded.per_page):
        url = page.url
        root = roots.get(url.count("/"))
        if root is None:
            root = roots[url.count("/")] = urls.root_prefix(url)
        render = page.render  # feeds, sitemaps, robots.txt
        jobs.append(Job(output_path(url), url, root,
                        page.template if render is None else None, page.context, None, render))
    jobs.append(Job("404.html", "404.html", _absolute_root(loaded.base_url), "404.html"))
    return Prepared(archive, jobs, env, loaded.site, loaded.token, loaded.digests,
                    loaded.engine, loaded.problems)


def prepare_site(
    options: BuildOptions, use_cache: bool = True, save_cache: bool = True
) -> Prepared:
    """Load the records, lay out the archive and list every output file to make."""
    loaded = load_site(options, use_cache, save_cache)
    loaded.save_record_cache()
    return layout_site(loaded)


def _static_jobs(folders: list[Path]) -> list[Job]:
    """The static files (later folders override earlier ones), as fixed-body jobs."""
    files: dict[str, Path] = {}
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    files["static/" + path.relative_to(folder).as_posix()] = path
    return [Job(rel, rel, "", None, body=path.read_bytes()) for rel, path in files.items()]


def build_site(options: BuildOptions) -> BuildResult:
    """Build the whole site into ``options.output``; raise BuildFailed (writing nothing)
    if a record is bad, unless ``keep_going`` is set."""
    check_output_folder(options.output, [options.content, *options.template_dirs])
    with output_lock(options.output):
        manifest = Manifest.for_output(cache_dir(options), options.output)
        last = manifest if options.cache and manifest.load() else None
        # a rebuild lists the content and checks the output files against the last build's
        # manifest on another core while this one loads the records and lays them out (a
        # first build lists the content itself, parsing while it lists)
        side = Sidework(options.content, cache_dir(options) if last is not None else None, last)
        try:
            return _load_and_build(options, manifest, last is not None, side)
        finally:
            side.close()


def _load_and_build(options: BuildOptions, manifest: Manifest, has_manifest: bool,
                    side: Sidework) -> BuildResult:
    """Load the site and build it; ``manifest`` is the last build's if ``has_manifest``."""
    # The build makes millions of long-lived objects and almost no cyclic garbage, so the
    # cyclic GC would only rescan them again and again (~30% of a small rebuild): it is
    # paused while loading, then everything loaded is frozen out of its sight.
    enabled = gc.isenabled()
    gc.disable()
    try:
        # --no-cache: refresh caches
        loaded = load_site(options, use_cache=options.cache, scanned=side.scanned)
        gc.freeze()
        if enabled:
            gc.enable()
        try:
            return _build(options, loaded, manifest, has_manifest, side)
        finally:  # if the build did not already (a no-op then)
            loaded.save_record_cache()
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


def _build(options: BuildOptions, loaded: Loaded, manifest: Manifest, has_manifest: bool,
           side: Sidework) -> BuildResult:
    """Build from the last build's manifest if it was read (``has_manifest``), else
    everything."""
    if has_manifest and manifest.token == loaded.token and not side.changed():
        # same inputs as the last build and its files untouched: nothing to do
        return BuildResult(pages=manifest.pages, articles=manifest.articles,
                           problems=loaded.problems, mode="incremental")
    enabled = gc.isenabled()
    gc.disable()
    prepared = layout_site(loaded)
    gc.freeze()  # also keeps forked workers from touching (copying) these pages
    if enabled:
        gc.enable()
    engine.register(prepared.token, prepared)
    spec = RenderSpec(prepared.token, dataclasses.replace(options, executor=None))
    printer = prepared.printer()

    deps: dict[str, tuple[str, ...]] = {}

    def fingerprint(job: Job) -> str:
        found = printer.job(prepared.site, job)
        deps[job.path] = printer.last_deps
        return found

    workers = options.jobs or engine.default_jobs()
    result = BuildResult(
        pages=len(prepared.jobs) - sum(j.path.startswith("static/") for j in prepared.jobs),
        articles=len(prepared.archive.articles),
        problems=prepared.problems,
    )
    graph = (loaded.structure, _record_keys(loaded), deps)
    if has_manifest:
        prepared.manifest = manifest
        check = _affected(loaded, prepared, manifest, graph[1])
        manifest.records = {}  # read only by _affected (~35 MB at N = 100,000)
        if check is None:
            check = list(range(len(prepared.jobs)))
        else:  # and any other page whose output file someone touched or removed
            check += _touched(manifest, prepared.jobs, set(check), side.changed())
            check.sort()
        if workers > 1 and options.executor is None and len(check) >= PARALLEL_MIN_FP:
            with engine.local_pool(workers) as pool:  # forked: inherits the prepared site
                fingerprints, found = engine.find_stale(spec, check, pool, workers)
        else:
            fingerprints, found = engine.find_stale(spec, check, None, workers)
        stale = sorted(fingerprints)
        if len(stale) <= max(1000, len(prepared.jobs) // 4):
            deps.update(manifest.deps)
            deps.update((prepared.jobs[i].path, d) for i, d in found.items())
            _incremental(options, prepared, spec, manifest, fingerprints, stale, workers,
                         result, graph)
            return result
    _full(options, prepared, spec, manifest, fingerprint, workers, result, graph,
          loaded.save_record_cache)
    return result


def _touched(manifest: Manifest, jobs: list[Job], chosen: set[int], changed: set[str]
             ) -> list[int]:
    """Indices (not in ``chosen``) of the jobs whose output file is missing or not as the
    manifest says it was written: new pages, and the ``changed`` files (``Sidework.changed``)."""
    files = manifest.files
    return [i for i, job in enumerate(jobs)
            if i not in chosen and (job.path in changed or job.path not in files)]


def _executor(options: BuildOptions, count: int, workers: int) -> Any:
    if options.executor is not None:
        return options.executor
    if workers <= 1 or count < PARALLEL_MIN_PAGES:
        return None
    return lambda: engine.local_pool(workers)


def _full(options: BuildOptions, prepared: Prepared, spec: RenderSpec, manifest: Manifest,
          fingerprint: Callable[[Job], str], workers: int, result: BuildResult, graph: tuple,
          when_rendering: Callable[[], None]) -> None:
    """Render every page into a staging folder that replaces the output at the end.
    ``when_rendering`` is called once the rendering is under way (on forked workers, this
    process then has time to spare)."""
    jobs = prepared.jobs
    entries: dict[str, tuple[str, int, int]] = {}
    indices = list(range(len(jobs)))
    manifest.forget()
    with staged_output(options.output) as stage:
        if options.executor is None:
            # rendered and written here or by local workers straight into the stage (no
            # page crosses a process boundary), fingerprinted here meanwhile
            pool = _executor(options, len(jobs), workers)
            written = engine.write(spec, indices, str(stage), pool, workers)
            # forked workers have their own copies of the bodies kept in memory; this
            # process only fingerprints (record digests, not bodies) from here on
            forked = pool is not None
            for i, size, mtime in progress(written, desc="dựng trang", total=len(jobs)):
                if forked:
                    forked = False
                    drop_bodies(article.record for article in prepared.archive.articles)
                    when_rendering()
                entries[jobs[i].path] = (fingerprint(jobs[i]), size, mtime)
        else:
            _full_remote(options, spec, jobs, fingerprint, workers, stage, entries)
        if options.search:
            build_search_index(stage)
    result.written = len(entries)
    manifest.save(entries, prepared.token, result.pages, result.articles, graph)


def _full_remote(options: BuildOptions, spec: RenderSpec, jobs: list[Job],
                 fingerprint: Callable[[Job], str], workers: int, stage: Path,
                 entries: dict[str, tuple[str, int, int]]) -> None:
    """Render on the given executor, whose workers may not see the output: pages come
    back as bytes and are written by threads here, fingerprinted meanwhile."""
    from concurrent.futures import ThreadPoolExecutor

    made: set[str] = set()
    root = str(stage)
    with ThreadPoolExecutor(WRITER_THREADS) as writers:
        pending: deque[tuple[int, Future]] = deque()
        rendered = engine.render(spec, list(range(len(jobs))), options.executor, workers)
        for i, data in progress(rendered, desc="dựng trang", total=len(jobs)):
            pending.append((i, writers.submit(write_new, root, jobs[i].path, data, made)))
            while len(pending) > 512 or (pending and pending[0][1].done()):
                j, future = pending.popleft()
                entries[jobs[j].path] = (fingerprint(jobs[j]), *future.result())
        for j, future in pending:
            entries[jobs[j].path] = (fingerprint(jobs[j]), *future.result())


def _incremental(options: BuildOptions, prepared: Prepared, spec: RenderSpec,
                 manifest: Manifest, fingerprints: dict[int, str], stale: list[int], workers: int,
                 result: BuildResult, graph: tuple) -> None:
    jobs = prepared.jobs
    # 1. render everything that changed, in memory: any error leaves the output untouched
    pages = engine.render(spec, stale, _executor(options, len(stale), workers), workers)
    rendered = dict(progress(pages, desc="dựng trang", total=len(stale)))
    current = {job.path for job in jobs}
    gone = sorted(path for path in manifest.files if path not in current)
    output = manifest.output
    entries = dict(manifest.files)
    # 2. write: forget the manifest first, so an interrupted write is found out next time
    if rendered or gone:
        manifest.forget()
    for i in stale:
        target = safe_join(output, jobs[i].path)
        _atomic_write(target, rendered[i])
        stat = os.stat(target)
        entries[jobs[i].path] = (fingerprints[i], stat.st_size, stat.st_mtime_ns)
    for path in gone:
        target = safe_join(output, path)
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        entries.pop(path, None)
        graph[2].pop(path, None)
        _prune_empty(target.parent, output)
    if options.search and (stale or gone):
        _rebuild_search_index(output)
    result.mode = "incremental"
    result.written = len(stale)
    result.deleted = len(gone)
    manifest.save(entries, prepared.token, result.pages, result.articles, graph)


def _rebuild_search_index(output: Path) -> None:
    """Pagefind has no incremental mode: index the whole output again.  The old index is
    kept aside and put back if Pagefind fails."""
    index = output / OUTPUT_SUBDIR
    old = None
    if index.exists():
        old = Path(tempfile.mkdtemp(prefix=".pagefind-old-", dir=output.parent))
        old.rmdir()
        index.rename(old)
    try:
        build_search_index(output)
    except BaseException:
        if old is not None:
            shutil.rmtree(index, ignore_errors=True)
            old.rename(index)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


_UMASK = os.umask(0)
os.umask(_UMASK)


def _atomic_write(target: Path, data: bytes) -> None:
    """Write ``target`` so that it is, at any moment, either the old file or the new one."""
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _prune_empty(folder: Path, output: Path) -> None:
    """Remove folders left empty by deleted pages, up to (not including) the output."""
    while folder != output and output in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _absolute_root(base_url: str) -> str:
    """The 404 page is served at any URL, so its links start from the base URL's path."""
    from urllib.parse import urlsplit

    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"
