"""Reading and writing the bytes of a CSV or XLSX file."""

from __future__ import annotations

import tablib

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def load(content: bytes, fmt: str) -> tablib.Dataset:
    """A dataset from a CSV (UTF-8, with or without a byte-order mark) or XLSX
    file's bytes."""
    if fmt == "csv":
        return tablib.Dataset().load(content.decode("utf-8-sig"), format="csv")
    return tablib.Dataset().load(content, format="xlsx")


def dump(dataset: tablib.Dataset, fmt: str) -> bytes:
    data = dataset.export(fmt)
    return data.encode("utf-8") if isinstance(data, str) else data
