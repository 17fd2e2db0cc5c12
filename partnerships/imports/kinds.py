"""The kinds of import, in order, with an example row and the export of each."""

from __future__ import annotations

import tablib
from django.db.models import QuerySet

from partnerships.imports.base import ProgrammeResource
from partnerships.imports.files import ImportRefused
from partnerships.imports.people import (
    MembershipResource,
    RepAssignmentResource,
    StaffRoleResource,
)
from partnerships.imports.places import (
    AppointmentResource,
    AreaResource,
    OrganisationResource,
    PartnershipResource,
)

RESOURCES: dict[str, type[ProgrammeResource]] = {
    "areas": AreaResource,
    "partnerships": PartnershipResource,
    "organisations": OrganisationResource,
    "appointments": AppointmentResource,
    "memberships": MembershipResource,
    "staff": StaffRoleResource,
    "reps": RepAssignmentResource,
}

EXAMPLES: dict[str, dict[str, str]] = {
    "areas": {
        "slug": "hillside",
        "name": "Hillside",
        "region": "North West",
        "local_authority": "Example Borough Council",
        "phase": "Consolidating",
    },
    "partnerships": {
        "area": "hillside",
        "name": "Hillside Big Local",
        "formed": "2013-05-01",
    },
    "organisations": {"name": "Hillside Community Trust", "kind": "Development trust"},
    "appointments": {
        "area": "hillside",
        "organisation": "Hillside Community Trust",
        "started": "2014-01-06",
        "ended": "",
        "end_reason": "",
        "functions": "Fund holding; Employing workers",
    },
    "memberships": {
        "name": "Sam Example",
        "email": "sam@example.org",
        "phone": "",
        "area": "hillside",
        "role": "Chair",
        "started": "2015-09-01",
        "ended": "",
    },
    "staff": {
        "name": "Alex Example",
        "email": "alex@example.org",
        "phone": "",
        "organisation": "Hillside Community Trust",
        "job_title": "Finance officer",
        "started": "2014-01-06",
        "ended": "",
    },
    "reps": {
        "name": "Jo Example",
        "email": "jo@example.org",
        "phone": "",
        "area": "hillside",
        "started": "2016-04-01",
        "ended": "",
    },
}


def headers(kind: str) -> list[str]:
    return [f.column_name for f in RESOURCES[kind]().get_export_fields()]


def check_columns(kind: str, dataset: tablib.Dataset) -> None:
    """Refuse a file whose first row is not this kind's columns, naming the
    columns that are missing and those that are not expected."""
    expected = headers(kind)
    given = [str(column or "").strip() for column in dataset.headers or []]
    missing = [c for c in expected if c not in given]
    unknown = [c for c in given if c not in expected]
    if not missing and not unknown:
        return
    problems = []
    if missing:
        problems.append("missing " + ", ".join(f"“{c}”" for c in missing))
    if unknown:
        problems.append(
            "not expected " + ", ".join(f"“{c or '(blank)'}”" for c in unknown)
        )
    raise ImportRefused(
        f"The first row does not have the columns of {kind} ({'; '.join(problems)}). "
        f"It must be: {', '.join(expected)}."
    )


def template(kind: str) -> tablib.Dataset:
    """The columns of one kind, with one example row."""
    example = EXAMPLES[kind]
    columns = headers(kind)
    return tablib.Dataset([example.get(c, "") for c in columns], headers=columns)


def export(kind: str, queryset: QuerySet | None = None) -> tablib.Dataset:
    return RESOURCES[kind]().export(queryset)
