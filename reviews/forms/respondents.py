"""Small respondent forms: a meeting code, a perspective, a paper entry."""

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
    perspective = forms.ChoiceField(
        label="Which of these best describes you?",
        choices=Perspective.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the perspective you are answering from"},
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
