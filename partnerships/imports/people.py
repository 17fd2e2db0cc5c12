"""The resources of people with their dated roles: partnership memberships, LTO
staff and rep assignments."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import tablib
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from import_export import widgets
from import_export.fields import Field

from partnerships.imports.base import ProgrammeResource, _field, _meta
from partnerships.imports.widgets import (
    AREA,
    ORGANISATION,
    PARTNERSHIP,
    ChoiceWidget,
    DayWidget,
    NaturalKeyWidget,
)
from partnerships.models import Membership, Person, RepAssignment, StaffRole


def _members(place: Model) -> QuerySet[Person]:
    return Person.objects.filter(memberships__partnership_id=place.pk)


def _staff(place: Model) -> QuerySet[Person]:
    return Person.objects.filter(staff_roles__organisation_id=place.pk)


def _reps(place: Model) -> QuerySet[Person]:
    # A rep covers several areas: the same name among the reps is one person.
    return Person.objects.filter(rep_assignments__isnull=False).distinct()


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
    # Each kind of role gives the people who already hold it in a place.
    people_here: Callable[[Model], QuerySet[Person]]

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
    people_here = staticmethod(_members)


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
    people_here = staticmethod(_staff)


class RepAssignmentResource(RoleResource):
    area = _field("area", AREA)
    place_column = "area"
    place_widget = AREA

    Meta = _meta(
        RepAssignment,
        ["name", "email", "phone", "person", "area", "started", "ended"],
        ["person", "area", "started"],
    )
    people_here = staticmethod(_reps)
