"""Forms for agreed actions: what, which statements, who leads, by when; and a
status change with its note."""

import uuid
from typing import cast

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Fieldset, Layout
from django import forms

from reviews.forms.workflow import DateInput
from reviews.models import AgreedAction, Review, Statement


class StatementChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Statement) -> str:
        return f"{obj.order}. {obj.short_label}"


class AgreedActionForm(forms.Form):
    what = forms.CharField(
        label="What was agreed",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    statements = StatementChoiceField(
        label="Which statements it concerns (optional)",
        queryset=Statement.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    lead = forms.ChoiceField(
        label="Who leads",
        choices=AgreedAction.Lead.choices,
        widget=forms.RadioSelect,
        help_text="Support beyond the LTO's core role may come from elsewhere.",
    )
    lead_other = forms.CharField(
        label="Name of the other organisation",
        max_length=200,
        required=False,
        help_text="Only when another organisation leads.",
    )
    due = forms.DateField(label="By when", widget=DateInput())
    # A new key each time the form is drawn: the same form sent twice records
    # one action (`agreed.record_action`).
    form_key = forms.UUIDField(
        widget=forms.HiddenInput, required=False, initial=uuid.uuid4
    )

    def __init__(
        self, *args, review: Review, action: AgreedAction | None = None, **kwargs
    ) -> None:
        if action is not None:
            kwargs.setdefault("initial", {})
            kwargs["initial"] |= {
                "what": action.what,
                "lead": action.lead,
                "lead_other": action.lead_other,
                "due": action.due,
                "statements": [s.pk for s in action.statements.all()],
            }
        super().__init__(*args, **kwargs)
        if action is not None:
            del self.fields["form_key"]
        field = cast(StatementChoiceField, self.fields["statements"])
        field.queryset = review.framework_version.statements.order_by("order")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field("what"),
            Fieldset("", "lead", "lead_other"),
            Field("due"),
            Field("statements"),
            *(["form_key"] if "form_key" in self.fields else []),
        )

    def clean(self) -> dict:
        data = super().clean()
        assert data is not None  # Form.clean returns cleaned_data
        other = data.get("lead") == AgreedAction.Lead.OTHER
        if other and not data.get("lead_other", "").strip():
            self.add_error("lead_other", "Name the organisation that leads.")
        if not other:
            data["lead_other"] = ""
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label="Status", choices=AgreedAction.Status.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label="Note",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What happened: it is dated and kept with the action.",
    )

    def __init__(self, *args, action: AgreedAction, **kwargs) -> None:
        kwargs.setdefault("initial", {"status": action.status})
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(Field("status"), Field("note"))
