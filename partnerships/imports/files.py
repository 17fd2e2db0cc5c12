"""Reading and writing the bytes of a CSV or XLSX file, within limits.

An upload is refused before it is parsed when it is bigger than
`IMPORT_MAX_BYTES`, has more rows than `IMPORT_MAX_ROWS`, or is not what its
name says (an .xlsx that is no workbook, a .csv that is not UTF-8): a 10 MB file
once took 507 s in one request. Every refusal is one plain sentence, never an
exception's text, which can hold a server's paths.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from itertools import islice

import tablib
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from openpyxl import load_workbook  # type: ignore[import-untyped]

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ImportRefused(ValueError):
    """A file refused as a whole, with the sentence to show whoever sent it."""


def check_size(size: int) -> None:
    limit = settings.IMPORT_MAX_BYTES
    if size > limit:
        raise ImportRefused(
            f"The file is {filesizeformat(size)}; the most an import takes is "
            f"{filesizeformat(limit)}. Split it into smaller files."
        )


def _csv_text(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(
            "The file is not a CSV file in UTF-8. Save it from your spreadsheet "
            "as “CSV UTF-8”, or as .xlsx."
        ) from None


def _count_to_limit(rows: Iterable[object]) -> int:
    """Rows under the header, counting no further than one past the limit."""
    counted = sum(1 for _ in islice(rows, settings.IMPORT_MAX_ROWS + 2))
    return max(0, counted - 1)


def _row_count(content: bytes, fmt: str) -> int:
    """Rows under the header, counted without building them."""
    if fmt == "csv":
        return _count_to_limit(csv.reader(io.StringIO(_csv_text(content))))
    if not zipfile.is_zipfile(io.BytesIO(content)):
        raise ImportRefused(
            "The file is called .xlsx but is not an Excel workbook. Save it from "
            "your spreadsheet as .xlsx, or as CSV UTF-8 with a .csv name."
        )
    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True).active
        return _count_to_limit(sheet.iter_rows(values_only=True))
    except Exception:
        # openpyxl raises many kinds of error on a damaged workbook.
        raise ImportRefused(
            "The workbook could not be read: it may be damaged. Open it in your "
            "spreadsheet, save it again as .xlsx, and import that."
        ) from None


def check_rows(content: bytes, fmt: str) -> None:
    rows = _row_count(content, fmt)
    if rows > settings.IMPORT_MAX_ROWS:
        raise ImportRefused(
            f"The file has more than {settings.IMPORT_MAX_ROWS:,} rows, the most "
            "an import takes. Split it into smaller files."
        )


def load(content: bytes, fmt: str) -> tablib.Dataset:
    """A dataset from a CSV (UTF-8, with or without a byte-order mark) or XLSX
    file's bytes, once the file is within the limits and what it claims to be."""
    check_size(len(content))
    check_rows(content, fmt)
    try:
        if fmt == "csv":
            return tablib.Dataset().load(_csv_text(content), format="csv")
        return tablib.Dataset().load(content, format="xlsx")
    except ImportRefused:
        raise
    except Exception:
        raise ImportRefused(
            f"The file could not be read as {fmt.upper()}: check that every row "
            "has as many cells as the heading row, then save it again."
        ) from None


def dump(dataset: tablib.Dataset, fmt: str) -> bytes:
    data = dataset.export(fmt)
    return data.encode("utf-8") if isinstance(data, str) else data
