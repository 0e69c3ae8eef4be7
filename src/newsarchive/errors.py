"""The one error type users see: a message tied to a file (and line where known)."""

from __future__ import annotations

from pathlib import Path


class NewsarchiveError(Exception):
    """A problem the user can fix, reported as ``path:line: message`` without a traceback."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class BuildFailed(NewsarchiveError):
    """Several problems found while building; each is its own NewsarchiveError."""

    def __init__(self, problems: list[NewsarchiveError]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) found")


def yaml_error(exc: Exception, path: str | Path, first_line: int = 1) -> NewsarchiveError:
    """A PyYAML error as a one-line error at the line it points to; ``first_line`` is the
    file line where the parsed YAML text starts (2 for front matter after ``---``)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + first_line if mark else 1
    return NewsarchiveError(
        f"YAML không hợp lệ: {getattr(exc, 'problem', None) or exc}", path, line
    )
