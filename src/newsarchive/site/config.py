"""A site folder and its ``site.yaml``: finding it, reading it, validating it.

A site folder holds ``site.yaml``, ``content/`` (records), ``templates/`` (overrides of the
default theme), ``static/`` (extra files) and ``people.yaml`` (who is who).  Commands find
it by searching upward from the current folder, like ``mkdocs.yml``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, get_type_hints

from newsarchive.errors import BuildFailed, NewsarchiveError
from newsarchive.site.yamlfile import line_of, load_yaml

SITE_FILE = "site.yaml"
PEOPLE_FILE = "people.yaml"


@dataclass(frozen=True)
class SiteConfig:
    """The keys of ``site.yaml`` and their defaults."""

    title: str = "Kho lưu trữ tin bài"
    description: str = ""
    base_url: str = "/"
    language: str = "vi"
    timezone: str = "Asia/Ho_Chi_Minh"
    per_page: int = 20
    furniture: list[str] = field(default_factory=list)
    content_dir: str = "content"
    output_dir: str = "public"


KNOWN_KEYS = tuple(f.name for f in fields(SiteConfig))
_TYPE_NAMES = {str: "chuỗi chữ", int: "số nguyên", list: "danh sách chuỗi chữ"}


@dataclass(frozen=True)
class Site:
    """A site folder with its validated configuration."""

    root: Path
    config: SiteConfig

    @property
    def config_file(self) -> Path:
        return self.root / SITE_FILE

    @property
    def content(self) -> Path:
        return self.root / self.config.content_dir

    @property
    def output(self) -> Path:
        return self.root / self.config.output_dir

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def static(self) -> Path:
        return self.root / "static"

    @property
    def people_file(self) -> Path:
        return self.root / PEOPLE_FILE

    def watched_paths(self) -> list[Path]:
        """Everything whose change should rebuild the site."""
        return [self.config_file, self.people_file, self.content, self.templates, self.static]


def find_site(start: Path | None = None) -> Site | None:
    """The site whose ``site.yaml`` is in ``start`` (default: the current folder) or one of
    its parents, or None.  Raises NewsarchiveError if that ``site.yaml`` is invalid."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / SITE_FILE).is_file():
            return load_site(folder)
    return None


def load_site(root: Path) -> Site:
    """The site in ``root``; raises NewsarchiveError if ``root/site.yaml`` is missing."""
    path = root / SITE_FILE
    if not path.is_file():
        raise NewsarchiveError(
            "không có site.yaml ở đây; tạo trang bằng 'newsarchive init THƯ_MỤC'", root
        )
    return Site(root=root, config=load_config(path))


def load_config(path: Path) -> SiteConfig:
    """Read and validate ``site.yaml``; every problem is reported (BuildFailed) with its line."""
    data, lines = load_yaml(path)
    if data is None:
        return SiteConfig()
    if not isinstance(data, dict):
        raise NewsarchiveError("site.yaml phải là các dòng 'khoá: giá trị'", path, 1)
    hints = get_type_hints(SiteConfig)
    problems: list[NewsarchiveError] = []
    values: dict[str, Any] = {}
    for key, value in data.items():
        line = line_of(lines, key)
        if key not in KNOWN_KEYS:
            problems.append(NewsarchiveError(_unknown_key_message(str(key)), path, line))
            continue
        error = _type_error(key, value, hints[key])
        if error is None:
            value = [str(v) for v in value] if isinstance(value, list) else value
            error = _value_error(key, value)
        if error:
            problems.append(NewsarchiveError(error, path, line))
        else:
            values[key] = value
    if problems:
        raise BuildFailed(problems) if len(problems) > 1 else problems[0]
    return SiteConfig(**values)


def _unknown_key_message(key: str) -> str:
    close = difflib.get_close_matches(key, KNOWN_KEYS, n=1, cutoff=0.5)
    hint = f"; có phải ý bạn là '{close[0]}'?" if close else ""
    return f"khoá không rõ '{key}'{hint} (các khoá hợp lệ: {', '.join(KNOWN_KEYS)})"


def _type_error(key: str, value: Any, hint: Any) -> str | None:
    origin = getattr(hint, "__origin__", hint)
    if origin is list:
        ok = isinstance(value, list) and all(
            isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
        )
    elif origin is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, str)
    if ok:
        return None
    return f"'{key}' phải là {_TYPE_NAMES[origin]}, nhưng đang là {value!r}"


def _value_error(key: str, value: Any) -> str | None:
    if key == "per_page" and value < 1:
        return f"'per_page' phải lớn hơn 0, nhưng đang là {value}"
    if key == "base_url" and not value.startswith(("http://", "https://", "/")):
        return f"'base_url' phải bắt đầu bằng https:// hoặc /, nhưng đang là {value!r}"
    if key == "timezone":
        import zoneinfo  # only a site that sets a time zone pays for the import

        if zoneinfo.available_timezones():
            try:
                zoneinfo.ZoneInfo(value)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                return f"múi giờ không rõ {value!r} (ví dụ: Asia/Ho_Chi_Minh)"
    if key in ("content_dir", "output_dir") and (not value or Path(value).is_absolute()):
        return f"'{key}' phải là tên một thư mục trong thư mục trang"
    return None


def build_options(site: Site, **overrides: Any) -> Any:
    """``BuildOptions`` for the site: its content, output, theme overrides and people;
    ``overrides`` whose value is not None win (command-line flags)."""
    from newsarchive.site.build import BuildOptions

    options = BuildOptions(
        content=site.content,
        output=site.output,
        base_url=site.config.base_url,
        site_title=site.config.title,
        template_dirs=[site.templates] if site.templates.is_dir() else [],
        static_dirs=[site.static] if site.static.is_dir() else [],
        people=site.people_file if site.people_file.is_file() else None,
        per_page=site.config.per_page,
    )
    for name, value in overrides.items():
        if value is not None:
            setattr(options, name, value)
    return options
