"""Small respondent forms: a meeting code, a perspective, a paper entry, and the
rep's reason for setting a meeting-code answer aside."""

from collections.abc import Sequence
from typing import cast

from django import forms

from reviews.forms.questionnaire import QuestionnaireForm
from reviews.models import Perspective


class MeetingCodeForm(forms.Form):
    code = forms.CharField(
        label="Meeting code",
        max_length=20,
        help_text="8 letters and numbers, from the screen or the person running "
        "the meeting.",
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters"}
        ),
    )


class PerspectiveForm(forms.Form):
    """The perspectives the rep opened the meeting code for, and no others."""

    perspective = forms.ChoiceField(
        label="Which of these best describes you?",
        choices=Perspective.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the perspective you are answering from",
            "invalid_choice": "This meeting code is not for that perspective. "
            "Choose one of those listed, or ask the person running the meeting "
            "for your own link.",
        },
    )

    def __init__(self, *args, allowed: Sequence[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["perspective"])
        field.choices = [(v, label) for v, label in Perspective.choices if v in allowed]


class SetAsideForm(forms.Form):
    reason = forms.CharField(
        label="Why are you setting this answer aside?",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in the audit trail. You can count the answer again later.",
        error_messages={"required": "Give a reason for setting this answer aside"},
    )


class PaperEntryForm(QuestionnaireForm):
    """A paper questionnaire typed in by its rep; blanks on paper stay blank."""

    perspective = forms.ChoiceField(
        label="Who filled in this form?",
        choices=Perspective.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the perspective ticked on the form"},
    )
    # Posting the same entry twice (double click, refresh) finds the first one.
    entry_key = forms.CharField(widget=forms.HiddenInput, max_length=40)

    field_order = ["perspective"]
