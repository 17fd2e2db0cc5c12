"""The rep's notes on a statement at the meeting."""

from django import forms

NOTE_MAX = 10000


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Notes on this statement",
        required=False,
        max_length=NOTE_MAX,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Saved as you type. Only you and Local Trust staff see them.",
    )
