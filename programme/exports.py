"""The area directory as a CSV download: the rows the list shows, one per area."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from ltoreview.spreadsheets import defuse_formula
from reviews.exports import BOM

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    from partnerships.models import Partnership
    from programme.directory import CurrentAppointments, DirectoryArea


def directory_header(manager: bool) -> list[str]:
    header = ["Area", "Region", "Local authority", "Phase", "Current LTOs", "Rep"]
    header += ["Last review opened", "Last review purpose", "Responses"]
    return header + (["Needs attention"] if manager else [])


def directory_row(area: DirectoryArea, manager: bool) -> list[object]:
    """One area, annotated by `area_directory` and `attach_last_reviews`."""
    review = area.last_review
    partnership = cast(
        "WithAnnotations[Partnership, CurrentAppointments]", area.partnership
    )
    row: list[object] = [
        area.name,
        area.get_region_display(),
        area.local_authority,
        area.get_phase_display(),
        "; ".join(
            f"{a.organisation.name} ({a.organisation.get_kind_display()})"
            for a in partnership.current_appointments
        ),
        "; ".join(r.person.name for r in area.current_reps),
        review.opens.isoformat() if review else "",
        review.get_purpose_display() if review else "",
        review.submitted if review else "",
    ]
    if manager:
        row.append("; ".join(area.attention_reasons))
    return row


def directory_csv(areas: Iterable[DirectoryArea], *, manager: bool) -> str:
    """The CSV text, with a byte-order mark so spreadsheets read it as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(directory_header(manager))
    for area in areas:
        writer.writerow([defuse_formula(cell) for cell in directory_row(area, manager)])
    return BOM + out.getvalue()
