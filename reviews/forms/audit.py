"""Filters for Local Trust staff's audit page: by review, person and kind."""

from django import forms

from partnerships.models import Person
from reviews.models import AuditEvent, AuditEventQuerySet, Review


class AuditFilterForm(forms.Form):
    review = forms.ModelChoiceField(
        queryset=Review.objects.order_by("-opens", "title"),
        required=False,
        empty_label="All reviews",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    kind = forms.ChoiceField(
        choices=[("", "Every kind"), *AuditEvent.Action.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    # Chosen by following a name in the table rather than from a list of everyone.
    person = forms.ModelChoiceField(
        queryset=Person.objects.all(), required=False, widget=forms.HiddenInput
    )

    def filter(self, events: AuditEventQuerySet) -> AuditEventQuerySet:
        if not self.is_valid():
            return events.none()
        data = self.cleaned_data
        if data["review"]:
            events = events.filter(review=data["review"])
        if data["kind"]:
            events = events.filter(action=data["kind"])
        if data["person"]:
            events = events.about(data["person"])
        return events
