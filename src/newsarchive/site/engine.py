"""The render stage: pages → bytes, in this process or on any ``concurrent.futures.Executor``.

Work is sent as chunks of page indices ``render_chunk(spec, indices)``; ``spec`` is small and
picklable.  A worker finds the prepared site (archive, pages, Jinja environment) in a
process-global table keyed by the build's token: a local process pool is forked after the
site is prepared, so its workers inherit it for free; a worker of another executor (say
Dask's ``client.get_executor()``) prepares it once from ``spec.options`` (the content folder
must be readable there) and checks it got the same token.  With a given executor, results
come back as bytes and the caller writes them, so workers need no access to the output
folder; a full build on this machine uses ``write_chunk`` instead, whose workers write the
pages into the staging folder themselves and send back only their sizes and times.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import jinja2

from newsarchive.errors import NewsarchiveError
from newsarchive.site import metadata
from newsarchive.site.render import render_page
from newsarchive.site.writer import write_new

if TYPE_CHECKING:  # imported where used: a small rebuild renders here, with no pool
    from concurrent.futures import Executor, Future

_PREPARED: dict[str, Any] = {}  # token → Prepared, in every process that has it
_TEMPLATES: dict[tuple[int, str], jinja2.Template] = {}
_MADE: set[str] = set()  # folders this process has made in staging folders
Written = tuple[int, int, int]  # index, size, mtime_ns


@dataclass(slots=True)
class Job:
    """One output file: rendered from ``template`` with ``context``, or a fixed ``body``."""

    path: str  # relative to the output folder
    url: str  # page_url given to the template
    root: str  # relative path back to the site root
    template: str | None
    context: dict[str, Any] = field(default_factory=dict)
    body: str | bytes | None = None
    render: Callable[[dict[str, Any]], str] | None = None  # Page.render: feeds, sitemaps


@dataclass
class RenderSpec:
    token: str
    options: Any  # BuildOptions, to prepare the site again in a fresh worker


def register(token: str, prepared: Any) -> None:
    _PREPARED.clear()  # one build per process at a time
    _TEMPLATES.clear()
    _MADE.clear()
    metadata.forget_summaries()
    _PREPARED[token] = prepared


def _prepared(spec: RenderSpec) -> Any:
    found = _PREPARED.get(spec.token)
    if found is None:
        from newsarchive.site.build import prepare_site

        options = replace(spec.options, jobs=1)  # this worker is one of many already
        found = prepare_site(options, use_cache=False, save_cache=False)
        if found.token != spec.token:
            raise RuntimeError("the content changed while the site was being built")
        register(spec.token, found)
    return found


def render_job(env: jinja2.Environment, site: dict, job: Job) -> bytes:
    if job.render is not None:
        return job.render(site).encode("utf-8")
    if job.template is None:
        body = job.body or b""
        return body if isinstance(body, bytes) else body.encode("utf-8")
    template = _TEMPLATES.get((id(env), job.template))
    if template is None:  # get_template() checks the file's mtime on every call
        template = _TEMPLATES[(id(env), job.template)] = env.get_template(job.template)
    try:
        html = template.render(job.context, site=site, page_url=job.url, root=job.root)
    except jinja2.TemplateError:  # render_page turns it into a one-line NewsarchiveError
        render_page(env, job.template, job.context, site=site, page_url=job.url,
                    root=job.root)
        raise
    return html.encode("utf-8")


def render_chunk(spec: RenderSpec, indices: list[int]) -> list[tuple[int, bytes]]:
    """Render the prepared site's jobs at ``indices`` (the task sent to executors).  A
    NewsarchiveError comes back as a value (its path and line would not survive pickling)
    and is raised again by the caller."""
    prepared = _prepared(spec)
    try:
        return [(i, render_job(prepared.env, prepared.site, prepared.jobs[i])) for i in indices]
    except NewsarchiveError as error:
        return [(-1, pickle.dumps((error.message, error.path, error.line)))]


def write_chunk(spec: RenderSpec, indices: list[int], stage: str) -> list[Written]:
    """Render the jobs at ``indices`` straight into the fresh staging folder ``stage``:
    ``(index, size, mtime_ns)`` of each file.  For workers on this machine: no page crosses
    a process boundary.  A NewsarchiveError comes back as a value, as in ``render_chunk``."""
    prepared = _prepared(spec)
    env, site, jobs = prepared.env, prepared.site, prepared.jobs
    out: list[Written] = []
    try:
        for i in indices:
            job = jobs[i]
            out.append((i, *write_new(stage, job.path, render_job(env, site, job), _MADE)))
    except NewsarchiveError as error:
        return [(-1, pickle.dumps((error.message, error.path, error.line)), 0)]
    return out


def _unpack(results: list[Any]) -> list[Any]:
    if results and results[0][0] == -1:
        message, path, line = pickle.loads(results[0][1])
        raise NewsarchiveError(message, path, line)
    return results


def stale_chunk(spec: RenderSpec, indices: list[int]
                ) -> list[tuple[int, str | None, tuple[str, ...]]]:
    """``(index, fingerprint, dependencies)`` of the jobs at ``indices``; the fingerprint
    is None when the output file is what the last build's manifest says it should be."""
    prepared = _prepared(spec)
    printer = prepared.printer()
    manifest = prepared.manifest
    out: list[tuple[int, str | None, tuple[str, ...]]] = []
    for i in indices:
        job = prepared.jobs[i]
        fingerprint = printer.job(prepared.site, job)
        fresh = manifest is not None and manifest.up_to_date(job.path, fingerprint)
        out.append((i, None if fresh else fingerprint, printer.last_deps))
    return out


def find_stale(spec: RenderSpec, indices: list[int], pool: Executor | None, workers: int
               ) -> tuple[dict[int, str], dict[int, tuple[str, ...]]]:
    """Fingerprint the jobs at ``indices`` and check them against the manifest, on
    ``pool`` if given: the stale ones' fingerprints, and every checked job's dependencies."""
    if pool is None:
        parts = [stale_chunk(spec, indices)]
    else:
        size = max(256, len(indices) // (workers * 4) or 1)
        chunks = [indices[i : i + size] for i in range(0, len(indices), size)]
        parts = list(pool.map(stale_chunk, [spec] * len(chunks), chunks))
    stale: dict[int, str] = {}
    deps: dict[int, tuple[str, ...]] = {}
    for part in parts:
        for i, fingerprint, found in part:
            if fingerprint is not None:
                stale[i] = fingerprint
            deps[i] = found
    return stale, deps


def chunked(indices: list[int], workers: int) -> list[list[int]]:
    size = max(16, min(256, len(indices) // max(1, workers * 8) or 1))
    return [indices[i : i + size] for i in range(0, len(indices), size)]


def local_pool(jobs: int) -> Executor:
    """A process pool whose workers inherit the prepared site (fork where available)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def render(
    spec: RenderSpec,
    indices: list[int],
    executor: Executor | Callable[[], Executor] | None,
    workers: int,
) -> Iterator[tuple[int, bytes]]:
    """Yield ``(index, bytes)`` for every index, in completion order.

    ``executor`` None renders here; a callable makes a pool (shut down afterwards); an
    ``Executor`` is used as is.  At most a few chunks per worker are in flight, so memory
    stays bounded however large the site."""
    if executor is None or not indices:
        prepared = _prepared(spec)
        for i in indices:
            yield i, render_job(prepared.env, prepared.site, prepared.jobs[i])
        return
    from concurrent.futures import Executor

    own = callable(executor) and not isinstance(executor, Executor)
    pool: Executor = executor() if own else executor  # type: ignore[operator,assignment]
    try:
        yield from _run(pool, spec, chunked(indices, workers), max(2, workers * 3))
    finally:
        if own:
            pool.shutdown(wait=True, cancel_futures=True)


def write(spec: RenderSpec, indices: list[int], stage: str, pool: Callable[[], Executor] | None,
          workers: int) -> Iterator[Written]:
    """Yield ``(index, size, mtime_ns)`` for every index (``write_chunk``), rendering and
    writing in this process, or on a local pool made by ``pool`` (shut down afterwards)."""
    if pool is None or not indices:
        for chunk in chunked(indices, 1):
            yield from _unpack(write_chunk(spec, chunk, stage))
        return
    executor = pool()
    try:
        yield from _run(executor, spec, chunked(indices, workers), max(2, workers * 3),
                        write_chunk, stage)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _run(pool: Executor, spec: RenderSpec, chunks: Iterable[list[int]], window: int,
         task: Callable[..., list[Any]] = render_chunk, *args: Any) -> Iterator[Any]:
    pending: list[Future] = []
    queue = iter(chunks)
    try:
        for chunk in queue:
            pending.append(pool.submit(task, spec, chunk, *args))
            if len(pending) >= window:
                yield from _unpack(pending.pop(0).result())
        while pending:
            yield from _unpack(pending.pop(0).result())
    finally:
        for future in pending:
            future.cancel()
