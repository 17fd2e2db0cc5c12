"""Meeting codes: anyone at a workshop types the code, picks a perspective, answers.

Wrong codes are counted per address in the database (`MeetingCodeAttempt`), so
every server shares the limit.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from reviews.actions.responses import start_meeting_response
from reviews.forms.respondents import MeetingCodeForm, PerspectiveForm
from reviews.respondent import (
    client_address,
    current_response,
    find_meeting_review,
    meeting_code_locked,
    remember_response,
)
from reviews.views.respond import SHARED_AS, problem

WRONG_CODE = (
    "We don't recognise that code. Check it and try again: it has 8 letters "
    "and numbers."
)


@never_cache
def meet(request: HttpRequest) -> HttpResponse:
    address = client_address(request)
    form = MeetingCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if meeting_code_locked(address):
            return problem(request, "too_many_codes", 429)
        if form.is_valid():
            review = find_meeting_review(form.cleaned_data["code"], address)
            if review is not None:
                return redirect("reviews:meet-start", review.meeting_code)
            form.add_error("code", WRONG_CODE)
    return render(request, "reviews/respond/meet.html", {"form": form})


@never_cache
def meet_start(request: HttpRequest, code: str) -> HttpResponse:
    """Choose a perspective; each browser then gets a response of its own."""
    address = client_address(request)
    if meeting_code_locked(address):
        return problem(request, "too_many_codes", 429)
    review = find_meeting_review(code, address)
    if review is None:
        return problem(request, "bad_code", 404)
    if current_response(request, review) is not None:
        return redirect("reviews:respond", review.pk)
    form = PerspectiveForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        perspective = form.cleaned_data["perspective"]
        response = start_meeting_response(review=review, perspective=perspective)
        remember_response(request, response)
        return redirect("reviews:respond", review.pk)
    context = {"review": review, "form": form, "shared_as": SHARED_AS}
    return render(request, "reviews/respond/meet_start.html", context)
