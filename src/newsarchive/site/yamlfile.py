"""Reading an editor's YAML file while remembering the line of every key and list item,
so validation errors can say ``site.yaml:7: …``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsarchive.errors import NewsarchiveError, yaml_error

if TYPE_CHECKING:
    import yaml

Lines = dict[tuple[Any, ...], int]


def read_text(path: Path) -> str:
    """A UTF-8 file's text (BOM tolerated), or a NewsarchiveError naming the file."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise NewsarchiveError(f"không đọc được tệp: {exc.strerror}", path) from None
    except UnicodeDecodeError:
        raise NewsarchiveError("tệp không ở dạng UTF-8; hãy lưu lại bằng UTF-8", path) from None


def load_yaml(path: Path) -> tuple[Any, Lines]:
    """Parse a YAML file safely; return its data and the 1-based line of each key/item,
    indexed by its path: ``("people", 0, "roles")``.  The empty path is the document."""
    import yaml  # on first use: a build whose site has no YAML file never pays for it

    text = read_text(path)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path) from None
    if node is None:
        return None, {(): 1}
    lines: Lines = {(): node.start_mark.line + 1}
    return _build(node, (), lines, yaml.SafeLoader(""), path), lines


def _build(node: yaml.Node, at: tuple[Any, ...], lines: Lines, loader: Any, path: Path) -> Any:
    import yaml

    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in out:
                raise NewsarchiveError(f"khoá '{key}' xuất hiện hai lần", path, line)
            lines[(*at, key)] = line
            out[key] = _build(value_node, (*at, key), lines, loader, path)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[(*at, index)] = item.start_mark.line + 1
            items.append(_build(item, (*at, index), lines, loader, path))
        return items
    return loader.construct_object(node, deep=True)


def line_of(lines: Lines, *at: Any) -> int:
    """The line of ``at``, or of its nearest recorded parent."""
    while at not in lines and at:
        at = at[:-1]
    return lines.get(at, 1)
