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


class AppointmentEndForm(forms.ModelForm):
    """The rep records when an LTO appointment ends, and why; an exit
    interview then falls due before that date."""

    class Meta:
        model = Appointment
        fields = ["ended", "end_reason"]
        labels = {"ended": "The appointment ends on", "end_reason": "Why it ends"}
        widgets = {"ended": forms.DateInput(attrs={"type": "date"})}
        help_texts = {
            "ended": "An exit interview falls due before this date. Leave empty if "
            "no end is agreed yet."
        }

    def clean(self):
        data = super().clean() or {}
        ended = data.get("ended")
        # The database's own rule, checked here: `started` is not on the form,
        # so the model's constraint is not validated with it.
        if ended and ended < self.instance.started:
            self.add_error("ended", "The appointment ends before it starts.")
        if ended and not data.get("end_reason"):
            self.add_error("end_reason", "Say why the appointment ends.")
        if not data.get("ended"):
            data["end_reason"] = ""
        return data
