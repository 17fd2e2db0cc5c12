"""A contacts app's export (CSV or Excel) read into the lines of a pasted list.

The invitation form then checks, previews and sends the file's people exactly as
it does a pasted list, with the same per-line messages. The columns are found by
their headings (name, or first and last name; email; perspective; optionally
a preferred language); any other column is left alone. The size limits are the
programme imports' (`IMPORT_MAX_BYTES`, `IMPORT_MAX_ROWS`).
"""

from __future__ import annotations

from collections.abc import Sequence

import tablib
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from partnerships.imports.files import ImportRefused, check_size, load

# Headings as contacts apps write them, lower-cased and with spaces collapsed.
HEADINGS = {
    "name": ("name", "full name", "display name"),
    "first": ("first name", "given name"),
    "last": ("last name", "surname", "family name"),
    "email": ("email", "e-mail", "email address", "e-mail address", "e-mail 1"),
    "perspective": ("perspective", "answers as", "role"),
    "language": ("language", "preferred language"),
}
NEEDED = "a heading row with name (or first name and last name), email and perspective"


def _key(heading: object) -> str:
    return " ".join(str(heading or "").lower().replace("_", " ").split())


def _columns(headers: Sequence[object]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, heading in enumerate(headers):
        for column, words in HEADINGS.items():
            if _key(heading) in words and column not in found:
                found[column] = index
    return found


def _cell(row: Sequence[object], index: int | None) -> str:
    if index is None or index >= len(row) or row[index] is None:
        return ""
    # A tab would split the line; the list reads tab-separated lines.
    return " ".join(str(row[index]).split())


def read_contacts(upload: UploadedFile) -> tuple[list[str], str]:
    """The file's people as tab-separated lines, or what is wrong with the file."""
    name = upload.name or ""
    kind = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if kind not in ("csv", "xlsx"):
        return [], "Upload a CSV file (.csv) or an Excel workbook (.xlsx)."
    try:
        # Checked before the file is read; `load` checks the rows, the format
        # and the encoding, each refusal in one plain sentence.
        check_size(upload.size or 0)
        dataset = load(upload.read(), kind)
    except ImportRefused as refused:
        return [], str(refused)
    except Exception:  # tablib raises many kinds on a file it cannot read
        hint = " Check that every row has as many cells as the heading row."
        return [], (
            f"We could not read {name} as a {kind.upper()} file."
            + (hint if kind == "csv" else "")
        )
    return _lines(dataset)


def _lines(dataset: tablib.Dataset) -> tuple[list[str], str]:
    if dataset.height > settings.IMPORT_MAX_ROWS:
        return [], (
            f"The file has {dataset.height:,} rows; the most we take at once is "
            f"{settings.IMPORT_MAX_ROWS:,}. Split it into smaller files."
        )
    at = _columns(dataset.headers or [])
    has_name = "name" in at or "first" in at or "last" in at
    if not (has_name and "email" in at and "perspective" in at):
        return [], f"The file needs {NEEDED}."
    lines = []
    for row in dataset:
        name = _cell(row, at.get("name")) or " ".join(
            part
            for part in (_cell(row, at.get("first")), _cell(row, at.get("last")))
            if part
        )
        cells = (name, _cell(row, at["email"]), _cell(row, at["perspective"]))
        if any(cells):
            language = [_cell(row, at["language"])] if "language" in at else []
            lines.append("\t".join([*cells, *language]))
    if not lines:
        return [], "The file has no people in it under its heading row."
    return lines, ""
