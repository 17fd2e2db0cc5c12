"""Forms for the rep's workflow: a review's settings.

Inviting people and printing links: `reviews.forms.invitations`.
"""

import datetime as dt

from django import forms
from django.utils import timezone

from reviews.actions.workflow import MEETING_CODE_MAX_DAYS
from reviews.models import FrameworkVersion, Perspective, Review
from reviews.responding.meeting_codes import CAP_MARGIN


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class ReviewForm(forms.Form):
    """Purpose, framework version, optional third column, k, dates, meeting code."""

    purpose = forms.ChoiceField(choices=Review.Purpose.choices)
    title = forms.CharField(
        max_length=200,
        required=False,
        help_text="Leave blank for a title made from the purpose and the date.",
    )
    framework_version = forms.ModelChoiceField(
        queryset=FrameworkVersion.objects.select_related("framework").order_by(
            "framework__name", "-number"
        ),
        empty_label=None,
    )
    asks_would_like = forms.BooleanField(
        label="Also ask where people would like the relationship to be",
        required=False,
    )
    min_group_size = forms.IntegerField(
        label="Minimum group size (k)",
        min_value=1,
        max_value=50,
        initial=3,
        help_text="Partnership members' results are shown to respondents only when "
        "at least this many members answered.",
    )
    opens = forms.DateField(label="Opening date", widget=DateInput())
    closes = forms.DateField(label="Closing date", widget=DateInput())
    meeting_code_on = forms.BooleanField(
        label="Use a meeting code, so people at a meeting can answer on their phones",
        required=False,
    )
    meeting_code_perspectives = forms.MultipleChoiceField(
        label="Who may answer through the code",
        choices=Perspective.choices,
        initial=[Perspective.MEMBER],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Normally partnership members only. Nobody can answer as a "
        "perspective you leave unticked.",
    )
    meeting_code_days = forms.IntegerField(
        label="The code works for (days)",
        min_value=1,
        max_value=MEETING_CODE_MAX_DAYS,
        initial=1,
        required=False,
        help_text=f"From when you save: 1 to {MEETING_CODE_MAX_DAYS} days.",
    )
    meeting_code_cap = forms.IntegerField(
        label="Most answers through the code",
        min_value=1,
        required=False,
        help_text="About the number of people in the room. Submitted answers "
        "count, and answers being written; an answer you set aside frees its "
        "place. Clear it for no limit.",
    )

    def __init__(
        self,
        *args,
        review: Review | None = None,
        proposed_cap: int | None = None,
        **kwargs,
    ) -> None:
        if review is not None:
            kwargs.setdefault("initial", {})
            kwargs["initial"] |= {
                name: getattr(review, name)
                for name in (
                    "purpose",
                    "title",
                    "framework_version",
                    "asks_would_like",
                    "min_group_size",
                    "opens",
                    "closes",
                )
            } | {
                "meeting_code_on": review.meeting_code_active,
                "meeting_code_perspectives": review.meeting_code_perspectives
                or [Perspective.MEMBER],
                "meeting_code_cap": review.meeting_code_cap,
            }
        else:
            today = timezone.localdate()
            kwargs.setdefault(
                "initial", {"opens": today, "closes": today + dt.timedelta(days=21)}
            )
        super().__init__(*args, **kwargs)
        # A code not yet switched on proposes a cap; one the rep cleared stays clear.
        if proposed_cap is not None and not (review and review.meeting_code_active):
            field = self.fields["meeting_code_cap"]
            field.initial = self.initial["meeting_code_cap"] = proposed_cap
            field.help_text = (
                f"We suggest {proposed_cap}: the partnership's members and "
                f"{CAP_MARGIN} more. {field.help_text}"
            )
        # Answers are stored against one version's statements: it cannot change
        # once anyone has answered.
        if review is not None and review.responses.exists():
            self.fields["framework_version"].disabled = True

    def clean(self) -> dict:
        data = super().clean()
        assert data is not None  # Form.clean returns cleaned_data
        opens, closes = data.get("opens"), data.get("closes")
        if opens and closes and closes < opens:
            self.add_error("closes", "The closing date must be on or after opening.")
        # Members by default: other perspectives only when the rep ticks them.
        if not data.get("meeting_code_perspectives"):
            data["meeting_code_perspectives"] = [Perspective.MEMBER]
        data["meeting_code_days"] = data.get("meeting_code_days") or 1
        return data


class CompareForm(forms.Form):
    """Which other review of the partnership to set beside this one."""

    other = forms.TypedChoiceField(
        label="Compare with",
        coerce=int,
        error_messages={
            "invalid_choice": "Choose one of the closed reviews of this partnership."
        },
    )

    def __init__(self, *args, reviews: list[Review], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        other = self.fields["other"]
        assert isinstance(other, forms.TypedChoiceField)
        other.choices = [
            (r.pk, f"{r.title} ({r.appointment.organisation.name})") for r in reviews
        ]
