"""Writing the output: into a fresh folder beside the target, swapped in only on success."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsarchive.errors import NewsarchiveError


def safe_join(root: Path, relative: str) -> Path:
    """``root/relative``, refusing any path that would leave ``root``."""
    target = (root / relative).resolve()
    if target != root.resolve() and root.resolve() not in target.parents:
        raise NewsarchiveError(f"từ chối ghi ra ngoài thư mục đầu ra: {relative!r}")
    return target


def check_output_folder(output: Path, protected: list[Path]) -> None:
    """Refuse an output folder whose replacement would destroy something else: one that
    holds (or is) a protected folder such as ``content/``, or an existing non-empty folder
    that is not a site we built (no ``index.html`` at its top)."""
    output = output.resolve()
    for folder in protected:
        folder = folder.resolve()
        if folder == output or output in folder.parents:
            raise NewsarchiveError(
                f"thư mục đầu ra sẽ thay thế {folder}; hãy chọn thư mục khác", output
            )
    if output.is_dir() and any(output.iterdir()) and not (output / "index.html").is_file():
        raise NewsarchiveError(
            "thư mục đầu ra đã có và không phải trang đã dựng; không thay thế nó", output
        )
    if output.exists() and not output.is_dir():
        raise NewsarchiveError("đường dẫn đầu ra là một tệp, không phải thư mục", output)


@contextmanager
def staged_output(output: Path) -> Iterator[Path]:
    """Yield an empty staging folder; on success it replaces ``output`` in one rename,
    on failure it is removed and ``output`` is left exactly as it was."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    stage.chmod(0o755)
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
        old.rmdir()
        output.rename(old)
        stage.rename(output)
        shutil.rmtree(old, ignore_errors=True)
    else:
        stage.rename(output)


def write_text(root: Path, relative: str, text: str) -> None:
    path = safe_join(root, relative)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def copy_tree(source: Path, root: Path, relative: str) -> None:
    """Copy a static folder into the output (symbolic links are copied as files)."""
    if source.is_dir():
        shutil.copytree(source, safe_join(root, relative), dirs_exist_ok=True)


def write_new(stage: str, relative: str, data: bytes, made: set[str]) -> tuple[int, int]:
    """Write ``data`` to ``stage/relative`` in a fresh staging folder; ``(size, mtime_ns)``
    of the file.  ``made`` remembers the folders already created (one ``makedirs`` each)."""
    target = _staged_path(stage, relative, made)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        stat = os.fstat(fd)
    finally:
        os.close(fd)
    return stat.st_size, stat.st_mtime_ns


def _staged_path(stage: str, relative: str, made: set[str]) -> str:
    """``stage/relative`` with its folder made; a string check (the stage is ours and fresh,
    so holds no symbolic links) falling back to ``safe_join`` for anything unusual."""
    norm = os.path.normpath(relative)
    if norm != relative or norm.startswith(("..", "/")) or "/../" in norm:
        target = str(safe_join(Path(stage), relative))
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        return target
    target = os.path.join(stage, relative)
    folder = os.path.dirname(target)
    if folder not in made:
        _make_folder(folder, len(stage), made)
    return target


def _make_folder(folder: str, stage_length: int, made: set[str]) -> None:
    """Make ``folder`` (``stage`` + ``/…``) and the folders above it up to the stage that
    are not in ``made``: one ``mkdir`` each (another worker may have made it already), not
    ``makedirs``' ``stat`` of every folder above."""
    if len(folder) > stage_length:
        parent = os.path.dirname(folder)
        if parent not in made:
            _make_folder(parent, stage_length, made)
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder)
    made.add(folder)
