"""Running an import, all or nothing, and reporting every bad row."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import tablib
from django.core.exceptions import NON_FIELD_ERRORS
from import_export.results import Result

from partnerships.imports.files import ImportRefused
from partnerships.imports.kinds import RESOURCES, check_columns


@dataclass
class ImportReport:
    kind: str
    created: int = 0
    changed: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    written: bool = False

    def summary(self) -> str:
        if self.errors:
            return f"Nothing was written: {len(self.errors)} problem(s) in the file."
        done = "Imported" if self.written else "Would import"
        return (
            f"{done} {self.kind}: {self.created} created, {self.changed} changed, "
            f"{self.skipped} unchanged (skipped)."
        )


def _row_errors(result: Result) -> Iterable[str]:
    for error in result.base_errors:
        yield f"The file: {error.error}"
    for number, errors in result.row_errors():
        for error in errors:
            yield f"Row {number}: {error.error}"
    for invalid in result.invalid_rows:
        for column, messages in invalid.error_dict.items():
            where = "" if column == NON_FIELD_ERRORS else f"{column}: "
            for message in messages:
                yield f"Row {invalid.number}: {where}{message}"


def run_import(kind: str, dataset: tablib.Dataset, *, dry_run: bool) -> ImportReport:
    """Check every row, and write them only when all are valid and not dry_run.

    Row numbers count the rows under the header, from 1.
    """
    report = ImportReport(kind)
    try:
        check_columns(kind, dataset)
    except ImportRefused as refused:
        report.errors = [f"The file: {refused}"]
        return report
    result = RESOURCES[kind]().import_data(
        dataset,
        dry_run=dry_run,
        use_transactions=True,
        rollback_on_validation_errors=True,
        raise_errors=False,
    )
    report.errors = sorted(_row_errors(result), key=_row_order)
    report.created = result.totals.get("new", 0)
    report.changed = result.totals.get("update", 0)
    report.skipped = result.totals.get("skip", 0)
    report.written = not dry_run and not report.errors
    return report


def _row_order(message: str) -> tuple[int, str]:
    words = message.split(":", 1)[0].split()
    number = int(words[1]) if len(words) == 2 and words[1].isdigit() else 0
    return number, message
