"""The area directory's filter form: a GET form, so filtered views can be shared."""

from django import forms

from partnerships.models import Appointment, Area, Organisation, Region
from programme.directory import SORTS, DirectoryFilters
from programme.schedule import STATES

ANY = [("", "Any")]


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(
        label="Search by name", required=False, max_length=100, strip=True
    )
    region = forms.ChoiceField(
        label="Region", choices=ANY + Region.choices, required=False
    )
    phase = forms.ChoiceField(
        label="Phase", choices=ANY + Area.Phase.choices, required=False
    )
    kind = forms.ChoiceField(
        label="Current LTO kind",
        choices=ANY + Organisation.Kind.choices,
        required=False,
    )
    attention = forms.BooleanField(label="Needs attention only", required=False)
    due = forms.ChoiceField(
        label="Next review",
        choices=ANY + list(STATES.items()),
        required=False,
    )
    # Name and region only: the directory is never ordered by any score.
    sort = forms.ChoiceField(
        label="Sort by",
        choices=[(key, key.capitalize()) for key in SORTS],
        required=False,
    )

    def filters(self, *, attention_allowed: bool = True) -> DirectoryFilters:
        """The cleaned filters; invalid input falls back to no filter."""
        data = self.cleaned_data if self.is_valid() else {}
        return DirectoryFilters(
            q=data.get("q", ""),
            region=data.get("region", ""),
            phase=data.get("phase", ""),
            kind=data.get("kind", ""),
            attention=attention_allowed and bool(data.get("attention")),
            schedule=data.get("due", "") if attention_allowed else "",
            sort=data.get("sort") or "name",
        )


class ReviewDateForm(forms.ModelForm):
    """A rep's own date for the next review, with the reason; empty clears it."""

    class Meta:
        model = Appointment
        fields = ["next_review_override", "next_review_reason"]
        widgets = {
            "next_review_override": forms.DateInput(attrs={"type": "date"}),
            "next_review_reason": forms.TextInput(),
        }
        help_texts = {
            "next_review_override": "Leave empty to use the programme's cadence.",
        }

    def clean(self):
        data = super().clean() or {}
        if data.get("next_review_override") and not data.get("next_review_reason"):
            self.add_error("next_review_reason", "Say why the review is on this date.")
        if not data.get("next_review_override"):
            data["next_review_reason"] = ""
        return data
