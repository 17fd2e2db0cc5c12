"""How the cells of an import file are read and written: choices by value or
label, dates, an appointment's functions, and related rows by natural key."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Model, TextChoices
from import_export import widgets

from partnerships.models import Appointment, Area, Organisation, Partnership


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


PARTNERSHIP = NaturalKeyWidget(Partnership, "area__slug", "area with the slug")
ORGANISATION = NaturalKeyWidget(Organisation, "name", "organisation called")
AREA = NaturalKeyWidget(Area, "slug", "area with the slug")
