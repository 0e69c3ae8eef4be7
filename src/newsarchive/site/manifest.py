"""Page fingerprints and the build manifest: which page files are up to date.

A page's fingerprint digests everything its output depends on: the engine (templates, the
package's own code, library versions), the site settings, its URL and template, and the
data in its context.  The manifest (in the cache folder, never in the output) maps every
output file to the fingerprint it was written from and the file's size and mtime, so the
next build re-renders and rewrites only the pages whose fingerprint changed (or whose file
was touched or removed by someone else), and deletes the files of pages that are gone.

What a change re-renders follows from the data the pages hold: an edited article changes
its own page, its neighbours' (prev/next), its day/month/year pages, its speakers' pages,
and home/feeds when it is among the latest.  Articles reached *through* a speaker are
digested by what a page can show of them there (URL, title, date, role), not their body,
so editing one article's text does not re-render every page of its co-speakers' articles.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import hashlib
import io
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from newsarchive.site.archive import Article, Speaker

MANIFEST_VERSION = 4  # 4: dependencies as tuples

Deps = tuple[str, ...]  # what a page or shared object depends on ("R" + digest, "S" + id)


def engine_digest(template_dirs: list[Path], extra: str = "") -> bytes:
    """Digest of everything besides the data that shapes the output: template files, the
    package's Python sources and the rendering libraries' versions."""
    h = hashlib.blake2b(digest_size=16)
    h.update(extra.encode())
    for folder in template_dirs:
        h.update(b"\x1e" + str(folder).encode())
        if folder.is_dir():
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                h.update(str(path.relative_to(folder)).encode() + b"\x1f" + path.read_bytes())
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        h.update(str(path.relative_to(package)).encode() + b"\x1f" + path.read_bytes())
    for lib in ("jinja2", "markdown", "nh3", "markupsafe"):
        h.update(f"{lib}={_version(lib)}".encode())
    return h.digest()


def _version(name: str) -> str:
    """A library's version: the ``__version__`` of its module when the build has already
    imported it, else its distribution's.  (Importing a library only to read its version
    would put Markdown, which a build imports on first use, on every build's start;
    MarkupSafe 3 answers ``__version__`` from the metadata anyway, with a warning.)"""
    module = sys.modules.get(name)
    version = vars(module).get("__version__") if module is not None else None
    if isinstance(version, str):
        return version
    found = _installed_version(name)
    if found is not None:
        return found
    from importlib import metadata  # ~10 ms to import: the fallback only

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def _installed_version(name: str) -> str | None:
    """The version in the name of the ``<name>-<version>.dist-info`` folder beside the
    installed package, found without importing it or ``importlib.metadata``; None if there
    is no such folder (then ``importlib.metadata`` is asked)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not spec.submodule_search_locations:
        return None
    folder = os.path.dirname(os.path.dirname(spec.origin))  # <folder>/<name>/__init__.py
    prefix = name.lower().replace("-", "_") + "-"
    try:
        entries = os.listdir(folder)
    except OSError:
        return None
    found = [entry[len(prefix) : -len(".dist-info")] for entry in entries
             if entry.endswith(".dist-info") and entry.lower().startswith(prefix)]
    return found[0] if len(found) == 1 else None


_PRIMITIVE = (type(None), bool, int, float)
# pickled as they are; every other object is first offered to ``Fingerprinter.persistent``
_PLAIN = frozenset({str, int, float, bool, type(None), tuple, list, dict, bytes,
                    dt.date, dt.time, dt.datetime})


class _ContextPickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, printer: Fingerprinter):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.fast = True  # no memo: the bytes depend on the data, not on object identity
        self.printer = printer
        # lists met so far in this dump: one met again stands in by its number (a list
        # page's items are both in its context and in its pager: a speaker page's
        # appearances were pickled twice); which lists a page shares is fixed by the layout.
        # Each is kept (with its stand-in) until the dump ends: with the memo off, a list
        # made while pickling (by a reduction) could be freed and its id given to another
        self.lists: dict[int, tuple[str, list]] = {}

    def persistent_id(self, obj: Any) -> str | None:
        kind = type(obj)
        if kind in _PLAIN:
            if kind is list:
                lists = self.lists
                found = lists.get(id(obj))
                if found is not None:
                    return found[0]
                lists[id(obj)] = (f"L{len(lists)}", obj)
            return None
        if kind is type:  # the class of an object pickled by reduction (~5 a page)
            return _class_name(obj)  # pickle's save_global looks its module up each time
        return self.printer.persistent(obj)


@functools.cache
def _class_name(cls: type) -> str:
    """A class's stand-in in a fingerprint: its module and qualified name."""
    return f"{cls.__module__}.{cls.__qualname__}"


class Fingerprinter:
    """Digests of page data.  The context is serialised to one token list per page and
    hashed once; shared objects (articles, speakers, records) are digested once per build
    and stand in the list as their digest.  (An ``Appearance`` is on one page only, so it
    is pickled as it is: memoising the ~2 per article cost ~55 MB at N = 100,000.)"""

    def __init__(self, engine: bytes, record_digests: dict[int, str]):
        self.engine = engine.hex()
        self.record_digests = record_digests
        self._memo: dict[int, str] = {}
        self._active: set[int] = set()
        self._fields: dict[type, tuple[str, ...]] = {}
        self._key = engine[:16]
        # dependencies: which records ("R" + digest) and speakers ("S" + id) a page's data
        # reaches, gathered while it is fingerprinted; kept as tuples of interned strings
        # (a frozenset of one costs 216 bytes, a tuple 48), equal ones shared
        self._deps: dict[int, Deps] = {}
        self._shared_deps: dict[Deps, Deps] = {}
        self._stack: list[set[str]] = []
        self.last_deps: Deps = ()
        self._buffer = io.BytesIO()  # one pickler for every page (memo off: nothing carries)
        self._pickler: _ContextPickler | None = None

    def persistent(self, obj: Any) -> str | None:
        """The digest standing for a shared object inside a pickled context, else None."""
        key = id(obj)
        found = self._memo.get(key)
        if found is not None:  # most are: ``_shared``'s first lines, without the call
            if self._stack:
                self._stack[-1].update(self._deps[key])
            return found
        if key in self.record_digests or isinstance(obj, Article | Speaker | set | frozenset):
            return self._shared(obj)
        return None

    def page(self, url: str, template: str | None, site: dict, context: Any,
             body: Any = None) -> str:
        """The page's fingerprint.  The context is pickled (C speed) with shared objects
        standing in as their digests and pickle's memo off (equal data → equal bytes); a
        context pickle cannot handle falls back to the token serialiser."""
        buffer = self._buffer
        buffer.seek(0)
        buffer.truncate()
        if self._pickler is None:
            self._pickler = _ContextPickler(buffer, self)
        self._pickler.lists.clear()
        self._stack = [set()]
        try:
            try:
                self._pickler.dump((url, template, site, context, body))
            except Exception:  # unpicklable or recursive data: the slower, general way
                self._pickler = None  # it may have stopped half way: a fresh one next time
                self._stack = [set()]
                return self._page_tokens(url, template, site, context, body)
            with buffer.getbuffer() as view:
                return hashlib.blake2b(view, digest_size=16, key=self._key).hexdigest()
        finally:
            self.last_deps = tuple(self._stack[0])
            self._stack = []

    def _record(self, key: int) -> str:
        """The stand-in of a record (by ``id``): its file's digest, noted as a dependency."""
        name = sys.intern("R" + self.record_digests[key])  # one string in every page's deps
        if self._stack:
            self._stack[-1].add(name)
        return name

    def _page_tokens(self, url: str, template: str | None, site: dict, context: Any,
                     body: Any = None) -> str:
        out = [self.engine, url, template or ""]
        self._ser(site, out)
        self._ser(context, out)
        if body is not None:
            self._ser(body, out)
        return _digest_tokens(out)

    def job(self, site: dict, job: Any) -> str:
        """The fingerprint of an ``engine.Job``."""
        return self.page(job.url, job.template, site, job.context, job.render or job.body)

    def digest(self, obj: Any) -> str:
        out: list[str] = []
        self._ser(obj, out)
        return _digest_tokens(out)

    def _ser(self, obj: Any, out: list[str]) -> None:
        kind = type(obj)
        if kind is str:
            out.append(f"s{len(obj)}:{obj}")
        elif kind in _PRIMITIVE:
            out.append(repr(obj))
        elif kind is list or kind is tuple:
            out.append("[" if kind is list else "(")
            for item in obj:
                self._ser(item, out)
            out.append("]")
        elif kind is dict:
            out.append("{")
            for key, value in obj.items():
                self._ser(key, out)
                self._ser(value, out)
            out.append("}")
        elif isinstance(obj, dt.date | dt.time):  # datetime is a date
            out.append(f"{kind.__name__}:{obj.isoformat()}")
        elif isinstance(obj, bytes):
            out.append("b" + hashlib.blake2b(obj, digest_size=16).hexdigest())
        else:
            out.append(self._shared(obj))

    def _names(self, obj: Any) -> tuple[str, ...]:
        names = self._fields.get(type(obj))
        if names is None:
            names = self._fields[type(obj)] = tuple(f.name for f in dataclasses.fields(obj))
        return names

    def _shared(self, obj: Any) -> str:
        key = id(obj)
        found = self._memo.get(key)
        if found is not None:
            if self._stack:
                self._stack[-1].update(self._deps[key])
            return found
        if key in self.record_digests:
            return self._record(key)
        if key in self._active:  # a cycle: the object is already being digested
            return "<cycle>"
        self._active.add(key)
        self._stack.append(set())
        try:
            out: list[str] = [type(obj).__qualname__]
            if isinstance(obj, Article):
                out += [obj.url, self._shared(obj.record)]
            elif isinstance(obj, Speaker):
                # articles reached through a speaker count by what a page shows of them
                # there (URL, title, date), not their body; what a speaker shows comes
                # from the records naming them, so the speaker is the dependency
                self._stack[-1].add(sys.intern("S" + obj.id))
                for name in self._names(obj):
                    if name != "appearances":
                        self._ser(getattr(obj, name), out)
                for appearance in obj.appearances:
                    for name in self._names(appearance):
                        value = getattr(appearance, name)
                        if isinstance(value, Article):
                            value = (value.url, value.title, value.date, value.record.time)
                        self._ser(value, out)
            elif isinstance(obj, functools.partial):
                self._ser((obj.func, obj.args, obj.keywords), out)
            elif callable(obj) and hasattr(obj, "__qualname__"):
                out.append(f"{getattr(obj, '__module__', '')}.{obj.__qualname__}")
            elif isinstance(obj, set | frozenset):
                self._ser(sorted(obj, key=repr), out)
            elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
                for name in self._names(obj):
                    self._ser(getattr(obj, name), out)
            elif hasattr(obj, "__dict__") and not callable(obj):
                self._ser(vars(obj), out)
            else:
                out.append(repr(obj))
        finally:
            self._active.discard(key)
            deps = tuple(self._stack.pop())
            deps = self._shared_deps.setdefault(deps, deps)
        if self._stack:
            self._stack[-1].update(deps)
        value = "#" + _digest_tokens(out)
        # memoising by id() is safe: every page's context stays alive until the build ends
        self._memo[key] = value
        self._deps[key] = deps
        return value


def _digest_tokens(tokens: list[str]) -> str:
    return hashlib.blake2b(
        "\x1f".join(tokens).encode("utf-8", "surrogatepass"), digest_size=16
    ).hexdigest()


class Manifest:
    """Output file (relative path) → (fingerprint, size, mtime_ns) of the last build."""

    def __init__(self, file: Path | None, output: Path):
        self.file = file
        self.output = output
        self.files: dict[str, tuple[str, int, int]] = {}
        self.token = ""
        self.pages = self.articles = 0
        # for one-record rebuilds: the archive's shape, each record file's digest and what
        # each page depends on (``Fingerprinter.last_deps``)
        self.structure = ""
        self.records: dict[str, tuple[str, str]] = {}  # path → (bytes digest, quotes digest)
        self.deps: dict[str, Deps] = {}

    @classmethod
    def for_output(cls, cache_dir: Path | None, output: Path) -> Manifest:
        output = output.resolve()
        file = None
        if cache_dir is not None:
            name = hashlib.blake2b(str(output).encode(), digest_size=8).hexdigest()
            file = cache_dir / "manifests" / f"{name}.pickle"
        return cls(file, output)

    def load(self) -> bool:
        """Read the last build's manifest; False if there is none to trust."""
        if self.file is None or not self.file.is_file() or not self.output.is_dir():
            return False
        try:
            with self.file.open("rb") as handle:
                version, output, files, meta, graph = pickle.load(handle)
        except Exception:
            return False
        if version != MANIFEST_VERSION or output != str(self.output):
            return False
        self.files = files
        self.token, self.pages, self.articles = meta
        self.structure, self.records, self.deps = graph
        return True

    def up_to_date(self, relative: str, fingerprint: str) -> bool:
        entry = self.files.get(relative)
        if entry is None or entry[0] != fingerprint:
            return False
        try:
            stat = os.stat(os.path.join(self.output, relative))
        except OSError:
            return False
        return (stat.st_size, stat.st_mtime_ns) == entry[1:]

    def save(self, files: dict[str, tuple[str, int, int]], token: str, pages: int,
             articles: int,
             graph: tuple[str, dict[str, tuple[str, str]], dict[str, Deps]]
             = ("", {}, {})) -> None:
        """Write the manifest; ``graph`` is (structure, record digests, page deps)."""
        if self.file is None:
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump((MANIFEST_VERSION, str(self.output), files, (token, pages, articles),
                         graph),
                        handle,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.file)

    def forget(self) -> None:
        """Drop the manifest before touching the output, so an interrupted write phase
        leads to a full check next time rather than trusting stale entries."""
        if self.file is not None:
            with contextlib.suppress(FileNotFoundError):
                self.file.unlink()
