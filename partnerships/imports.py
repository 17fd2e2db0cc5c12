"""Imports and exports of the programme's people and places, with
django-import-export: areas, partnerships, organisations, LTO appointments, and
people with their dated roles (memberships, LTO staff, rep assignments).

Rows are matched on natural keys, never on database ids, so a file exported from
one database imports into another, and importing the same file twice changes
nothing: an area by its slug, a partnership by its area, an organisation by its
name and kind, an appointment by area, organisation and start, a person by email
or else by name within the partnership, organisation or rep list of the row.

`run_import` is all or nothing: every row is checked inside one transaction and
nothing is kept unless the whole file is valid. Every bad row is reported with
its number and a plain reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Model, QuerySet, TextChoices
from django.utils.text import slugify
from import_export import resources, widgets
from import_export.fields import Field
from import_export.results import Result

from partnerships.models import (
    Appointment,
    Area,
    Membership,
    Organisation,
    Partnership,
    Person,
    Region,
    RepAssignment,
    StaffRole,
)

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ChoiceWidget(widgets.Widget):
    """A stored choice, read from its value or its label in any case."""

    def __init__(self, choices: type[TextChoices], noun: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.choices, self.noun = choices, noun

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        text = str(value or "").strip()
        if not text:
            return ""
        for choice_value, label in self.choices.choices:
            if text.lower() in (choice_value, str(label).lower()):
                return choice_value
        known = ", ".join(str(label) for label in self.choices.labels)
        raise ValueError(f"“{text}” is not a {self.noun} (use one of: {known}).")

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return value or ""


class FunctionsWidget(widgets.Widget):
    """An appointment's functions, separated by semicolons."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> list[str]:
        one = ChoiceWidget(Appointment.Function, "function")
        parts = [p for p in str(value or "").split(";") if p.strip()]
        return [one.clean(p) for p in parts]

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return "; ".join(value or [])


class DayWidget(widgets.DateWidget):
    """ISO dates; a spreadsheet's date-time cell counts as its day."""

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> dt.date | None:
        if isinstance(value, dt.datetime):
            return value.date()
        try:
            return super().clean(value, row, **kwargs)
        except ValueError:
            raise ValueError(
                f"“{value}” is not a date (write it as 2024-03-31)."
            ) from None


class NaturalKeyWidget(widgets.ForeignKeyWidget):
    """A related row found by a natural key, with a plain reason when missing."""

    def __init__(self, model: type[Model], field: str, noun: str) -> None:
        super().__init__(model, field)
        self.noun = noun

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(f"there is no {self.noun} “{value}”.") from None


def _field(attribute: str, widget: widgets.Widget | None = None) -> Field:
    return Field(attribute=attribute, column_name=attribute, widget=widget)


class ProgrammeResource(resources.ModelResource):
    """What every programme import shares: unchanged rows are skipped and
    reported, model validation runs on every row, one transaction."""

    # Natural keys already seen in this file: a second row with one is a duplicate.
    _seen: dict[tuple, int]

    def before_import(self, dataset: tablib.Dataset, **kwargs: Any) -> None:
        self._seen = {}

    def check_duplicate(self, key: tuple, row_number: int | None, what: str) -> None:
        first = self._seen.setdefault(key, row_number or 0)
        if first != row_number:
            raise ValidationError(f"{what} is already in row {first} of this file.")


def _meta(model: type[Model], fields: list[str], ids: list[str]) -> type:
    class Meta:
        pass

    Meta.model = model  # type: ignore[attr-defined]
    Meta.fields = fields  # type: ignore[attr-defined]
    Meta.import_id_fields = ids  # type: ignore[attr-defined]
    Meta.skip_unchanged = True  # type: ignore[attr-defined]
    Meta.report_skipped = True  # type: ignore[attr-defined]
    Meta.clean_model_instances = True  # type: ignore[attr-defined]
    Meta.use_transactions = True  # type: ignore[attr-defined]
    Meta.skip_diff = False  # type: ignore[attr-defined]
    return Meta


class AreaResource(ProgrammeResource):
    slug = _field("slug")
    name = _field("name")
    region = _field("region", ChoiceWidget(Region, "region"))
    local_authority = _field("local_authority")
    phase = _field("phase", ChoiceWidget(Area.Phase, "phase"))

    Meta = _meta(Area, ["slug", "name", "region", "local_authority", "phase"], ["slug"])


class PartnershipResource(ProgrammeResource):
    area = _field("area", NaturalKeyWidget(Area, "slug", "area with the slug"))
    name = _field("name")
    formed = _field("formed", DayWidget())

    Meta = _meta(Partnership, ["area", "name", "formed"], ["area"])


class OrganisationResource(ProgrammeResource):
    name = _field("name")
    kind = _field("kind", ChoiceWidget(Organisation.Kind, "kind of organisation"))

    Meta = _meta(Organisation, ["name", "kind"], ["name", "kind"])

    def import_instance(self, instance: Organisation, row: Any, **kw: Any) -> None:
        super().import_instance(instance, row, **kw)
        if not instance.slug:
            instance.slug = _free_slug(instance.name)


def _free_slug(name: str) -> str:
    base = slugify(name)[:190] or "organisation"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


PARTNERSHIP = NaturalKeyWidget(Partnership, "area__slug", "area with the slug")
ORGANISATION = NaturalKeyWidget(Organisation, "name", "organisation called")


class AppointmentResource(ProgrammeResource):
    area = Field(attribute="partnership", column_name="area", widget=PARTNERSHIP)
    organisation = _field("organisation", ORGANISATION)
    started = _field("started", DayWidget())
    ended = _field("ended", DayWidget())
    end_reason = _field("end_reason", ChoiceWidget(Appointment.EndReason, "reason"))
    functions = _field("functions", FunctionsWidget())

    Meta = _meta(
        Appointment,
        ["area", "organisation", "started", "ended", "end_reason", "functions"],
        ["area", "organisation", "started"],
    )


class RoleResource(ProgrammeResource):
    """A person and one dated role: the person is found by email, or by name
    among the people who already hold this kind of role in the same place, and
    made when there is none."""

    name = Field(attribute="person__name", column_name="name", readonly=True)
    email = Field(attribute="person__email", column_name="email", readonly=True)
    phone = Field(attribute="person__phone", column_name="phone", readonly=True)
    # Filled in by before_import_row; never in a file.
    person = Field(
        attribute="person",
        column_name="person",
        widget=widgets.ForeignKeyWidget(Person),
    )
    started = _field("started", DayWidget())
    ended = _field("ended", DayWidget())

    place_column = ""
    place_widget: NaturalKeyWidget

    def before_import(self, dataset: tablib.Dataset, **kwargs: Any) -> None:
        super().before_import(dataset, **kwargs)
        if "person" not in (dataset.headers or []):
            dataset.append_col([""] * len(dataset), header="person")

    def get_export_fields(self, selected_fields: Any = None) -> list[Field]:
        return [
            f
            for f in super().get_export_fields(selected_fields)
            if f.column_name != "person"
        ]

    def people_here(self, place: Model) -> QuerySet[Person]:
        raise NotImplementedError

    def before_import_row(self, row: dict, **kwargs: Any) -> None:
        name = str(row.get("name") or "").strip()
        email = str(row.get("email") or "").strip().lower()
        if not name:
            raise ValidationError({"name": "Give the person’s name."})
        try:
            place = self.place_widget.clean(row.get(self.place_column))
        except ValueError as error:
            raise ValidationError({self.place_column: str(error)}) from error
        if place is None:
            raise ValidationError({self.place_column: "This column is required."})
        person = self._find_person(name, email, place)
        if person is None:
            person = Person.objects.create(
                name=name, email=email, phone=str(row.get("phone") or "").strip()
            )
        row["person"] = person.pk
        self.check_duplicate(
            (person.pk, place.pk, str(row.get("started"))),
            kwargs.get("row_number"),
            f"{name} in this role from this date",
        )

    def _find_person(self, name: str, email: str, place: Model) -> Person | None:
        if email:
            person = Person.objects.filter(email__iexact=email).first()
            if person and person.name != name:
                raise ValidationError(
                    {"email": f"{email} belongs to {person.name}, not {name}."}
                )
            return person
        return self.people_here(place).filter(name=name, email="").first()


class MembershipResource(RoleResource):
    area = Field(attribute="partnership", column_name="area", widget=PARTNERSHIP)
    role = _field("role", ChoiceWidget(Membership.Role, "partnership role"))
    place_column = "area"
    place_widget = PARTNERSHIP

    Meta = _meta(
        Membership,
        ["name", "email", "phone", "person", "area", "role", "started", "ended"],
        ["person", "area", "started"],
    )

    def people_here(self, place: Model) -> QuerySet[Person]:
        return Person.objects.filter(memberships__partnership_id=place.pk)


class StaffRoleResource(RoleResource):
    organisation = _field("organisation", ORGANISATION)
    job_title = _field("job_title")
    place_column = "organisation"
    place_widget = ORGANISATION

    Meta = _meta(
        StaffRole,
        [
            "name",
            "email",
            "phone",
            "person",
            "organisation",
            "job_title",
            "started",
            "ended",
        ],
        ["person", "organisation", "started"],
    )

    def people_here(self, place: Model) -> QuerySet[Person]:
        return Person.objects.filter(staff_roles__organisation_id=place.pk)


AREA = NaturalKeyWidget(Area, "slug", "area with the slug")


class RepAssignmentResource(RoleResource):
    area = _field("area", AREA)
    place_column = "area"
    place_widget = AREA

    Meta = _meta(
        RepAssignment,
        ["name", "email", "phone", "person", "area", "started", "ended"],
        ["person", "area", "started"],
    )

    def people_here(self, place: Model) -> QuerySet[Person]:
        # A rep covers several areas: the same name among the reps is one person.
        return Person.objects.filter(rep_assignments__isnull=False).distinct()


# In the order a whole programme is imported: each kind refers only to earlier ones.
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


def template(kind: str) -> tablib.Dataset:
    """The columns of one kind, with one example row."""
    example = EXAMPLES[kind]
    columns = headers(kind)
    return tablib.Dataset([example.get(c, "") for c in columns], headers=columns)


def export(kind: str, queryset: QuerySet | None = None) -> tablib.Dataset:
    return RESOURCES[kind]().export(queryset)


def load(content: bytes, fmt: str) -> tablib.Dataset:
    """A dataset from a CSV (UTF-8, with or without a byte-order mark) or XLSX
    file's bytes."""
    if fmt == "csv":
        return tablib.Dataset().load(content.decode("utf-8-sig"), format="csv")
    return tablib.Dataset().load(content, format="xlsx")


def dump(dataset: tablib.Dataset, fmt: str) -> bytes:
    data = dataset.export(fmt)
    return data.encode("utf-8") if isinstance(data, str) else data


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
    result = RESOURCES[kind]().import_data(
        dataset,
        dry_run=dry_run,
        use_transactions=True,
        rollback_on_validation_errors=True,
        raise_errors=False,
    )
    report = ImportReport(kind)
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
