"""The resources of places: areas, partnerships, organisations and LTO
appointments."""

from __future__ import annotations

from typing import Any

from django.utils.text import slugify
from import_export.fields import Field

from partnerships.imports.base import ProgrammeResource, _field, _meta
from partnerships.imports.widgets import (
    ORGANISATION,
    PARTNERSHIP,
    ChoiceWidget,
    DayWidget,
    FunctionsWidget,
    NaturalKeyWidget,
)
from partnerships.models import Appointment, Area, Organisation, Partnership, Region


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
