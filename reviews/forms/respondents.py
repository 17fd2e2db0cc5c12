"""Small respondent forms: a meeting code, a perspective, a paper entry, and the
rep's reason for setting a meeting-code answer aside."""

from collections.abc import Sequence
from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reviews.forms.questionnaire import QuestionnaireForm
from reviews.models import Perspective

# One person of a perspective, as the respondent's side names it in its language
# (the analysis package's PERSPECTIVE_SINGULAR, translated).
PERSPECTIVE_WORDS = {
    "member": pgettext_lazy("one person", "Partnership member"),
    "lto_staff": pgettext_lazy("one person", "LTO staff"),
    "worker": pgettext_lazy("one person", "Worker"),
    "rep": pgettext_lazy("one person", "Rep"),
    "lt_staff": pgettext_lazy("one person", "Local Trust staff"),
    "other": pgettext_lazy("one person", "Other respondent"),
}


class MeetingCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Meeting code"),
        max_length=20,
        help_text=_(
            "8 letters and numbers, from the screen or the person running the meeting."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters"}
        ),
    )


class PerspectiveForm(forms.Form):
    """The perspectives the rep opened the meeting code for, and no others."""

    perspective = forms.ChoiceField(
        label=_("Which of these best describes you?"),
        choices=Perspective.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the perspective you are answering from"),
            "invalid_choice": _(
                "This meeting code is not for that perspective. Choose one of "
                "those listed, or ask the person running the meeting for your "
                "own link."
            ),
        },
    )

    def __init__(self, *args, allowed: Sequence[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["perspective"])
        field.choices = [
            (v, PERSPECTIVE_WORDS[v]) for v in Perspective.values if v in allowed
        ]


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
