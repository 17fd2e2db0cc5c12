"""What every programme resource shares."""

from __future__ import annotations

from typing import Any

import tablib
from django.core.exceptions import ValidationError
from django.db.models import Model
from import_export import resources, widgets
from import_export.fields import Field

from ltoreview.spreadsheets import defuse_formula, undo_defusing


def _field(attribute: str, widget: widgets.Widget | None = None) -> Field:
    return Field(attribute=attribute, column_name=attribute, widget=widget)


class ProgrammeResource(resources.ModelResource):
    """What every programme import shares: unchanged rows are skipped and
    reported, model validation runs on every row, one transaction."""

    # Natural keys already seen in this file: a second row with one is a duplicate.
    _seen: dict[tuple, int]

    def before_import(self, dataset: tablib.Dataset, **kwargs: Any) -> None:
        self._seen = {}
        # A file this app exported has its formula-like cells defused: undo that.
        for number, row in enumerate(dataset):
            dataset[number] = tuple(undo_defusing(cell) for cell in row)

    def before_import_row(self, row: Any, **kwargs: Any) -> None:
        """A second row with the same natural key is a duplicate, named as such."""
        ids = self._meta.import_id_fields
        key = tuple(str(row.get(column) or "").strip().lower() for column in ids)
        self.check_duplicate(
            key, kwargs.get("row_number"), f"A row with the same {' and '.join(ids)}"
        )

    def export_field(self, field: Field, instance: Model, **kwargs: Any) -> Any:
        """Every exported text cell is defused: a name may start with "="."""
        value = super().export_field(field, instance, **kwargs)
        return defuse_formula(value) if isinstance(value, str) else value

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
