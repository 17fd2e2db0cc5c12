"""Forms for the rep's workflow: review settings, inviting people, printing links."""

import datetime as dt
from dataclasses import dataclass
from typing import cast

from django import forms
from django.utils import timezone

from partnerships.models import Membership, Person, RepAssignment, StaffRole
from reviews.actions.workflow import MEETING_CODE_MAX_DAYS, Invitee
from reviews.models import (
    ERASED_NAME,
    FrameworkVersion,
    Invitation,
    Perspective,
    Review,
)


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
        help_text="Optional: about the number of people in the room. Every "
        "answer started through the code counts, including any you set aside.",
    )

    def __init__(self, *args, review: Review | None = None, **kwargs) -> None:
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


@dataclass(frozen=True)
class Candidate:
    person: Person
    perspective: str
    role: str

    @property
    def value(self) -> str:
        return f"{self.person.pk}:{self.perspective}"


def candidates(review: Review) -> list[Candidate]:
    """People around the appointment who could be invited and are not yet."""
    appointment = review.appointment
    invited = review.invitations.live().values("person_id")
    found: list[Candidate] = []
    for membership in (
        Membership.objects.current()
        .filter(partnership=appointment.partnership)
        .exclude(person__in=invited)
        .select_related("person")
    ):
        is_worker = membership.role == Membership.Role.WORKER
        found.append(
            Candidate(
                membership.person,
                Perspective.WORKER if is_worker else Perspective.MEMBER,
                membership.get_role_display(),
            )
        )
    for role in (
        StaffRole.objects.current()
        .filter(organisation=appointment.organisation)
        .exclude(person__in=invited)
        .select_related("person")
    ):
        found.append(
            Candidate(role.person, Perspective.LTO_STAFF, role.job_title or "LTO staff")
        )
    for assignment in (
        RepAssignment.objects.current()
        .filter(area=appointment.partnership.area_id)
        .exclude(person__in=invited)
        .select_related("person")
    ):
        found.append(Candidate(assignment.person, Perspective.REP, "Rep"))
    return found


class InviteForm(forms.Form):
    """Pick people from the records, or add one person by name and email."""

    people = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple
    )
    name = forms.CharField(label="Name", max_length=200, required=False)
    email = forms.EmailField(
        label="Email address",
        required=False,
        help_text="Leave blank to print their link on the invitation sheet instead.",
    )
    perspective = forms.ChoiceField(
        label="They answer as",
        choices=[("", "Choose a perspective")] + Perspective.choices,
        required=False,
    )

    def __init__(self, *args, review: Review, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.candidates = {c.value: c for c in candidates(review)}
        people = cast(forms.MultipleChoiceField, self.fields["people"])
        people.choices = [
            (c.value, f"{c.person.name} ({c.role})") for c in self.candidates.values()
        ]

    def clean(self) -> dict:
        data = super().clean()
        assert data is not None  # Form.clean returns cleaned_data
        adding = data.get("name") or data.get("email")
        if adding and not data.get("name"):
            self.add_error("name", "Give the name of the person to add.")
        if adding and not data.get("perspective"):
            self.add_error("perspective", "Choose how this person will answer.")
        if not data.get("people") and not adding and not self.errors:
            raise forms.ValidationError("Choose at least one person, or add someone.")
        return data

    def invitees(self) -> list[Invitee]:
        chosen = [self.candidates[value] for value in self.cleaned_data["people"]]
        found = [Invitee(c.perspective, person=c.person) for c in chosen]
        if self.cleaned_data.get("name"):
            found.append(
                Invitee(
                    self.cleaned_data["perspective"],
                    name=self.cleaned_data["name"],
                    email=self.cleaned_data["email"],
                )
            )
        return found


class InvitationChoiceField(forms.ModelMultipleChoiceField):
    """Invitations labelled with their person and perspective."""

    def label_from_instance(self, obj: Invitation) -> str:
        # A person deleted before the admin refused it leaves an invitation without one.
        name = obj.person.name if obj.person else ERASED_NAME
        return f"{name} ({obj.get_perspective_display()})"


class InvitationSheetForm(forms.Form):
    """Whose links to print: printing mints new links for them."""

    invitations = InvitationChoiceField(
        queryset=Invitation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="People to print a link for",
    )

    def __init__(self, *args, awaiting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = cast(InvitationChoiceField, self.fields["invitations"])
        field.queryset = awaiting
