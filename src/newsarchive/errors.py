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
