"""The small subset of CBOR (RFC 8949) that Pagefind's index files use: unsigned and
negative integers, byte and text strings, arrays and maps.  Encoding is minimal-length,
as Pagefind writes it, so decode → encode round-trips byte for byte."""

from __future__ import annotations

from typing import Any


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ValueError(f"integer too large for CBOR: {value}")


def encode(item: Any) -> bytes:
    if isinstance(item, bool) or item is None:
        raise TypeError(f"unsupported CBOR value: {item!r}")
    if isinstance(item, int):
        return _head(0, item) if item >= 0 else _head(1, -1 - item)
    if isinstance(item, bytes):
        return _head(2, len(item)) + item
    if isinstance(item, str):
        data = item.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(item, list):
        return _head(4, len(item)) + b"".join(encode(x) for x in item)
    if isinstance(item, dict):
        return _head(5, len(item)) + b"".join(encode(k) + encode(v) for k, v in item.items())
    raise TypeError(f"unsupported CBOR value: {item!r}")


def decode(data: bytes) -> Any:
    """Decode one CBOR item that must span all of ``data``."""
    item, end = _decode(data, 0)
    if end != len(data):
        raise ValueError("trailing bytes after CBOR item")
    return item


def _decode(data: bytes, pos: int) -> tuple[Any, int]:
    major, info = data[pos] >> 5, data[pos] & 31
    pos += 1
    if info < 24:
        value = info
    elif info <= 27:
        size = 1 << (info - 24)
        value = int.from_bytes(data[pos : pos + size], "big")
        pos += size
    else:
        raise ValueError(f"unsupported CBOR item at byte {pos - 1}")
    if major == 0:
        return value, pos
    if major == 1:
        return -1 - value, pos
    if major == 2:
        return bytes(data[pos : pos + value]), pos + value
    if major == 3:
        return data[pos : pos + value].decode("utf-8"), pos + value
    if major == 4:
        items = []
        for _ in range(value):
            item, pos = _decode(data, pos)
            items.append(item)
        return items, pos
    if major == 5:
        mapping = {}
        for _ in range(value):
            key, pos = _decode(data, pos)
            mapping[key], pos = _decode(data, pos)
        return mapping, pos
    raise ValueError(f"unsupported CBOR major type {major}")
