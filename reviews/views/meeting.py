"""Meeting codes: anyone at a workshop types the code, picks a perspective, answers.

A right code is checked first and always works; only wrong codes are counted, per
client address and per typed code, in the database (`MeetingCodeAttempt`), so
every server shares the limit and a room of typos never shuts the code off. The
rep's side is here too: the code on a screen, and setting an answer aside.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ltoreview.client_address import client_address
from partnerships.access import AuthenticatedRequest
from reviews.actions.responses import (
    MeetingCodeRefused,
    count_response_again,
    set_response_aside,
    start_meeting_response,
)
from reviews.forms.respondents import MeetingCodeForm, PerspectiveForm, SetAsideForm
from reviews.models import Response, Review
from reviews.responding.meeting_codes import code_is_full
from reviews.responding.session import (
    MeetingCode,
    check_meeting_code,
    current_response,
    meeting_browser_response,
    record_wrong_code,
    remember_meeting_browser,
    remember_response,
    remember_results_reader,
    response_for_results_secret,
    wrong_codes_wait,
)
from reviews.views.invitations import qr_data_uri
from reviews.views.lookup import managed_review
from reviews.views.respond import SHARED_AS, problem

WRONG_CODE = _(
    "We don't recognise that code. Check it and try again: it has 8 letters "
    "and numbers."
)
ENDED_CODE = _(
    "This meeting code has ended: it has expired, been switched off, or the "
    "review has closed. Ask the person running the meeting."
)
# Why a code refused to start a response: the problem page's kind and status.
REFUSALS = {"ended": ("code_ended", 410), "full": ("code_full", 403)}


def too_many_tries(minutes: int) -> str:
    return ngettext(
        "Too many tries from this connection: wait %(minutes)d minute or ask the rep.",
        "Too many tries from this connection: wait %(minutes)d minutes or ask the rep.",
        minutes,
    ) % {"minutes": minutes}


def _wrong_code(request: HttpRequest, typed: str) -> int | None:
    """Count a wrong code; once this address or code is over the limit, the
    minutes to wait instead (and the try is not counted)."""
    address = client_address(request)
    wait = wrong_codes_wait(address, typed)
    if wait is None:
        record_wrong_code(address, typed)
    return wait


@never_cache
def meet(request: HttpRequest) -> HttpResponse:
    form = MeetingCodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        typed = form.cleaned_data["code"]
        found = check_meeting_code(typed)
        if isinstance(found, Review):
            return redirect("reviews:meet-start", found.meeting_code)
        if found == MeetingCode.ENDED:
            form.add_error("code", ENDED_CODE)
        else:
            wait = _wrong_code(request, typed)
            form.add_error("code", WRONG_CODE if wait is None else too_many_tries(wait))
            if wait is not None:
                context = {"form": form}
                return render(request, "reviews/respond/meet.html", context, status=429)
    return render(request, "reviews/respond/meet.html", {"form": form})


@never_cache
def meet_start(request: HttpRequest, code: str) -> HttpResponse:
    """Choose a perspective; each browser then gets one response of its own."""
    found = check_meeting_code(code)
    if found == MeetingCode.ENDED:
        return problem(request, "code_ended", 410)
    if not isinstance(found, Review):
        wait = _wrong_code(request, code)
        if wait is not None:
            return problem(request, "too_many_codes", 429, wait_minutes=wait)
        return problem(request, "bad_code", 404)
    review = found
    existing = current_response(request, review) or meeting_browser_response(
        request, review
    )
    if existing is not None:
        remember_response(request, existing)
        return redirect("reviews:respond", review.pk)
    if code_is_full(review):
        return problem(request, "code_full", 403, review)
    allowed = review.meeting_code_perspectives
    form = PerspectiveForm(
        request.POST if request.method == "POST" else None, allowed=allowed
    )
    if form.is_valid():
        perspective = form.cleaned_data["perspective"]
        try:
            response = start_meeting_response(review=review, perspective=perspective)
        except MeetingCodeRefused as refused:
            kind, status = REFUSALS[refused.reason]
            return problem(request, kind, status, review)
        remember_response(request, response)
        reply = redirect("reviews:respond", review.pk)
        remember_meeting_browser(reply, review, response)
        return reply
    shared_as = {key: str(view) for key, view in SHARED_AS.items()}
    context = {"review": review, "form": form, "shared_as": shared_as}
    return render(request, "reviews/respond/meet_start.html", context)


@never_cache
def results_link(request: HttpRequest, secret: str) -> HttpResponse:
    """A meeting-code respondent's own results link, from the thank-you page.

    Swapped for a session like a personal link, then the secret leaves the URL;
    before release the page it leads to only says the results will be shared.
    """
    response = response_for_results_secret(secret)
    if response is None:
        reply = problem(request, "unknown", 404)
    else:
        remember_results_reader(request, response.review, response)
        reply = redirect("reviews:respond-results", response.review_id)
    reply["Referrer-Policy"] = "no-referrer"
    return reply


@login_required
def review_meeting_code(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The code, its address and a QR code, large enough to project in a room."""
    review = managed_review(request, pk)
    context: dict[str, object] = {"review": review}
    # A review that never had a code has no address to show: the page says so.
    if review.meeting_code:
        link = settings.SITE_URL + reverse(
            "reviews:meet-start", args=[review.meeting_code]
        )
        context |= {
            "link": link,
            "meet_link": settings.SITE_URL + reverse("reviews:meet"),
            "qr": qr_data_uri(link) if review.meeting_code_live else None,
        }
    return render(request, "reviews/workflow/meeting_code_screen.html", context)


def _code_response(request: AuthenticatedRequest, pk: int) -> Response:
    """A meeting-code response of a review this person manages, or 404."""
    responses = Response.objects.through_code().filter(
        review__in=Review.objects.managed_by(request.user)
    )
    return get_object_or_404(responses.select_related("review"), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def response_set_aside(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    response = _code_response(request, pk)
    review = response.review
    form = SetAsideForm(request.POST or None)
    if form.is_valid():
        try:
            set_response_aside(
                response=response,
                actor=request.user,
                reason=form.cleaned_data["reason"],
            )
        except MeetingCodeRefused:
            messages.error(request, "Released results can no longer change.")
        else:
            messages.success(request, "The answer is set aside: no result counts it.")
        return redirect("reviews:review-detail", pk=review.pk)
    context = {"review": review, "response": response, "form": form}
    return render(request, "reviews/workflow/set_aside.html", context)


@login_required
def response_count_again(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    response = _code_response(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        count_response_again(response=response, actor=request.user)
    except MeetingCodeRefused:
        messages.error(request, "Released results can no longer change.")
    else:
        messages.success(request, "The answer counts again in every result.")
    return redirect("reviews:review-detail", pk=response.review_id)
