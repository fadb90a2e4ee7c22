"""Reading a journal's rows from its raw bytes, page by page, when SQLite cannot (or no longer can) read it.

The journal is an SQLite database: a file of equal pages (the first starts with a 100-byte header
that says how large they are) and, beside it, a ``-wal`` file of frames (a 24-byte header and one
page each). A table's rows are the cells of its leaf pages (page type 13): a payload length, the
row id, and a record (a header of serial types, then the values); a long row continues in a chain
of overflow pages. :func:`raw_rows` reads every leaf page it finds, in the file and in the
committed frames of the ``-wal``, and gives the rows of a given shape, whatever the table is called
and whatever happened to the pages around them: a garbled file header, a garbled page, a file cut
short. Nothing here trusts the bytes: every length and pointer is checked, and a cell that does not
read cleanly is skipped. (The format: https://www.sqlite.org/fileformat2.html.)
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

EVENT_COLUMNS = 9
"""seq (the row id; stored as NULL), at, author, instance, action, target, label, undoable, ops."""

_MAGIC = b"SQLite format 3\x00"
_PAGE_SIZES = (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512)
_WAL_MAGIC = (0x377F0682, 0x377F0683)
_TABLE_LEAF = 13
_MAX_CHAIN = 100_000


def raw_rows(path: Path, columns: int) -> Iterator[tuple[Any, ...]]:
    """Every row of ``columns`` values (the first being the row id) in the journal's pages and ``-wal`` frames.

    The same row may come more than once (an older version of its page); a caller keeps one.
    """
    try:
        data = path.read_bytes()
    except OSError:
        data = b""
    try:
        wal = Path(f"{path}-wal").read_bytes()
    except OSError:
        wal = b""
    wal_size, frames = _wal_frames(wal)
    for size in _page_sizes(data, wal_size):
        pages = {number + 1: data[at : at + size] for number, at in enumerate(range(0, len(data) - size + 1, size))}
        latest = dict(pages)
        if wal_size == size:
            latest.update(frames)
        seen = [(number, page) for number, page in pages.items()]
        if wal_size == size:
            seen += list(frames.items())
        for number, page in seen:
            yield from _leaf_rows(page, 100 if number == 1 else 0, size, latest, columns)


def _page_sizes(data: bytes, wal_size: int) -> list[int]:
    """The page size the header says, or (a garbled header) every size SQLite allows."""
    if data[:16] == _MAGIC and len(data) >= 18:
        (size,) = struct.unpack(">H", data[16:18])
        size = 65536 if size == 1 else size
        if size in _PAGE_SIZES:
            return [size]
    if wal_size in _PAGE_SIZES:
        return [wal_size, *(s for s in _PAGE_SIZES if s != wal_size)]
    return list(_PAGE_SIZES)


def _wal_frames(wal: bytes) -> tuple[int, dict[int, bytes]]:
    """The ``-wal``'s page size and its committed frames (page number -> the newest committed version).

    A frame belongs to a committed transaction when a commit frame with the same salt follows it;
    frames after the last commit were never committed (a change refused whole) and are left out.
    Frames after a garbled one are still read: SQLite stops at the first bad checksum, this does not.
    """
    if len(wal) < 32:
        return 0, {}
    magic, _, size = struct.unpack(">III", wal[:12])
    salts = wal[16:24]
    if magic not in _WAL_MAGIC or size not in _PAGE_SIZES:
        size = _guess_wal_page_size(wal)  # a garbled header: the first frame's salt is the log's
        salts = wal[40:48]
        if not size:
            return 0, {}
    frames: dict[int, bytes] = {}
    waiting: list[tuple[int, bytes]] = []
    for at in range(32, len(wal) - 24 - size + 1, 24 + size):
        number, commit = struct.unpack(">II", wal[at : at + 8])
        if wal[at + 8 : at + 16] != salts or number == 0:
            continue
        waiting.append((number, wal[at + 24 : at + 24 + size]))
        if commit:
            frames.update(waiting)
            waiting = []
    return size, frames


def _guess_wal_page_size(wal: bytes) -> int:
    """A garbled ``-wal`` header: the page size whose frames carry the same salt as the first frame."""
    for size in _PAGE_SIZES:
        second = 32 + 24 + size
        if len(wal) >= second + 24 and wal[40:48] == wal[second + 8 : second + 16]:
            return size
    return 0


def _leaf_rows(page: bytes, start: int, size: int, pages: dict[int, bytes], columns: int) -> Iterator[tuple[Any, ...]]:
    """The rows of ``columns`` values in one table leaf page (none when it is not one)."""
    if len(page) < start + 8 or page[start] != _TABLE_LEAF:
        return
    (cells,) = struct.unpack(">H", page[start + 3 : start + 5])
    for index in range(min(cells, size // 2)):
        at = start + 8 + 2 * index
        if at + 2 > len(page):
            return
        (pointer,) = struct.unpack(">H", page[at : at + 2])
        try:
            row = _cell(page, pointer, size, pages, columns)
        except (ValueError, IndexError, struct.error, UnicodeDecodeError, RecursionError):
            continue
        if row is not None:
            yield row


def _cell(page: bytes, pointer: int, size: int, pages: dict[int, bytes], columns: int) -> tuple[Any, ...] | None:
    if not 8 <= pointer < len(page):
        return None
    length, at = _varint(page, pointer)
    rowid, at = _varint(page, at)
    if not 0 < length <= 1 << 30:
        return None
    local = _local_size(length, size)
    payload = page[at : at + local]
    if len(payload) < local:
        return None
    if local < length:
        payload += _overflow(page[at + local : at + local + 4], length - local, size, pages)
        if len(payload) < length:
            return None
    values = _record(payload, columns)
    if values is None or values[0] is not None:
        return None
    return (rowid, *values[1:])


def _local_size(length: int, size: int) -> int:
    """How much of a payload of ``length`` bytes a table leaf page holds itself (the rest overflows)."""
    usable = size
    most = usable - 35
    if length <= most:
        return length
    least = ((usable - 12) * 32 // 255) - 23
    local = least + (length - least) % (usable - 4)
    return local if local <= most else least


def _overflow(pointer: bytes, missing: int, size: int, pages: dict[int, bytes]) -> bytes:
    """The rest of a payload from its chain of overflow pages (what can be found of it)."""
    if len(pointer) < 4:
        return b""
    (number,) = struct.unpack(">I", pointer)
    parts: list[bytes] = []
    seen: set[int] = set()
    while number and missing > 0 and number not in seen and len(seen) < _MAX_CHAIN:
        seen.add(number)
        page = pages.get(number)
        if page is None or len(page) < 4:
            break
        part = page[4 : 4 + min(missing, size - 4)]
        parts.append(part)
        missing -= len(part)
        (number,) = struct.unpack(">I", page[:4])
    return b"".join(parts)


def _record(payload: bytes, columns: int) -> list[Any] | None:
    """The values of one record, when it has ``columns`` of them and each reads cleanly."""
    header, at = _varint(payload, 0)
    if not at < header <= len(payload):
        return None
    types: list[int] = []
    while at < header:
        kind, at = _varint(payload, at)
        types.append(kind)
        if len(types) > columns:
            return None
    if len(types) != columns:
        return None
    values: list[Any] = []
    body = header
    for kind in types:
        if kind == 0:
            values.append(None)
        elif 1 <= kind <= 6:
            width = (1, 2, 3, 4, 6, 8)[kind - 1]
            values.append(int.from_bytes(payload[body : body + width], "big", signed=True))
            body += width
        elif kind == 7:
            values.append(struct.unpack(">d", payload[body : body + 8])[0])
            body += 8
        elif kind in (8, 9):
            values.append(kind - 8)
        elif kind >= 12:
            width = (kind - 12) // 2
            chunk = payload[body : body + width]
            if len(chunk) < width:
                return None
            if kind % 2:
                try:
                    values.append(chunk.decode("utf-8"))
                except UnicodeDecodeError:  # garbled text: not a row the app wrote
                    return None
            else:
                values.append(chunk)
            body += width
        else:
            return None
    return values if body <= len(payload) else None


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """An SQLite variable-length integer at ``at``: its value and where the next thing starts."""
    value = 0
    for index in range(9):
        byte = data[at + index]
        if index == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + index + 1
    raise ValueError("varint")  # pragma: no cover - the loop always returns
