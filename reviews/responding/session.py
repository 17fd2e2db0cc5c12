"""Who a browser answers as: the respondent session, links and meeting codes.

Respondents have no account. Opening a personal link (or choosing a perspective
after a meeting code) puts the response's id in the Django session under
`respondent_responses`, keyed by review id; every respondent page asks
`current_response()` and nothing else.

A meeting code also leaves a signed cookie naming the browser's one response for
that code, so the same browser finds its answers again after its session has
gone, and cannot start a second response. A new browser (or a private window) is
a new browser: the code's cap and the rep's "set aside" cover that. Answers
posted after the session has gone are kept in a fresh session
(`keep_posted_answers`) and put back when the link or code is opened again.

After close, the same personal link (or a meeting-code respondent's results link,
whose secret is stored only as a hash) lets the browser read the review's
results under `respondent_results`, without changing any answer: the released
results once the rep releases them, for `RESULTS_LINK_LIFETIME` after release,
and until then only a page saying they will be shared.
"""

import datetime as dt
import math
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone

from partnerships.models import Person, RepAssignment
from reviews.models import Invitation, MeetingCodeAttempt, Response, Review
from reviews.responding.tokens import hash_token, new_token, normalise_meeting_code

SESSION_KEY = "respondent_responses"
KEPT_KEY = "respondent_kept_answers"
RESULTS_KEY = "respondent_results"

# Ten wrong codes per address in ten minutes: enough for a room's typos, since a
# right code is checked first and always works. Guessing is held back by the
# code itself (31**8 codes, open for days at most), not by this limit alone.
MEETING_CODE_MAX_FAILURES = 10
MEETING_CODE_WINDOW = dt.timedelta(minutes=10)

MEETING_COOKIE_SALT = "reviews.meeting-browser"
MEETING_COOKIE_AGE = dt.timedelta(days=120)


def remember_response(request: HttpRequest, response: Response) -> None:
    """Let this browser edit and see `response` from now on."""
    remembered = dict(request.session.get(SESSION_KEY, {}))
    remembered[str(response.review_id)] = response.pk
    request.session[SESSION_KEY] = remembered


def remembered_response_id(request: HttpRequest, review_id: int) -> int | None:
    """The id of the response this browser's session names for a review: only
    the session is read, so whether it may still change is for the caller."""
    return request.session.get(SESSION_KEY, {}).get(str(review_id))


def remembered_response_ids(request: HttpRequest) -> list[int]:
    """Every response this browser's session may edit or read, any review."""
    return list(request.session.get(SESSION_KEY, {}).values())


def current_response(request: HttpRequest, review: Review) -> Response | None:
    """The response this browser may edit or see for `review`, if any."""
    response_id = remembered_response_id(request, review.pk)
    if response_id is None:
        return None
    response = (
        Response.objects.filter(pk=response_id, review=review)
        .not_revoked()
        .select_related("invitation")
        # By primary key, not the model's default ordering, which joins the
        # review only to sort one row.
        .order_by("pk")
        .first()
    )
    if response is not None:
        response.review = review
    return response


def can_edit(response: Response) -> bool:
    """Answers change until the review closes, and while the link is still good."""
    invitation = response.invitation
    if invitation is not None and (
        invitation.revoked or invitation.expires <= timezone.now()
    ):
        return False
    return response.review.is_open


@dataclass(frozen=True)
class LinkProblem:
    """Why a personal link cannot be used, and the HTTP status that says so."""

    kind: str
    status: int
    review: Review | None = None


def results_link_expires(invitation: Invitation | None, review: Review):
    """When a respondent's own link stops opening this review's results.

    Never while the results wait for release (the page then says only that they
    will be shared); after release, `RESULTS_LINK_LIFETIME` from the release, or
    the invitation's own expiry if that is later.
    """
    if review.released_at is None:
        return None
    until = review.released_at + settings.RESULTS_LINK_LIFETIME
    return max(until, invitation.expires) if invitation is not None else until


def results_link_expired(invitation: Invitation | None, review: Review) -> bool:
    expires = results_link_expires(invitation, review)
    return expires is not None and expires <= timezone.now()


def check_link(token: str) -> Invitation | LinkProblem:
    """The invitation a personal link stands for, or what is wrong with it.

    After close the link leads to the results (or to the wait for them), so it
    is judged by the results link's lifetime rather than the invitation's.
    """
    digest = hash_token(token)
    invitation = (
        Invitation.objects.filter(Q(token_hash=digest) | Q(results_token_hash=digest))
        .select_related("review__appointment__partnership")
        .first()
    )
    if invitation is None:
        # Unknown and tampered tokens look the same: say nothing about reviews.
        return LinkProblem("unknown", 404)
    review = invitation.review
    if invitation.revoked:
        return LinkProblem("revoked", 410, review)
    if review.is_closed:
        if results_link_expired(invitation, review):
            return LinkProblem("expired", 410, review)
        return invitation
    if invitation.expires <= timezone.now():
        return LinkProblem("expired", 410, review)
    if not review.is_open:
        return LinkProblem("not_open", 403, review)
    return invitation


def review_rep(review: Review) -> Person | None:
    """The area's current rep, whom a respondent with a problem should contact."""
    assignment = (
        RepAssignment.objects.current()
        .filter(area__partnership__appointments__reviews=review)
        .select_related("person")
        .order_by("started")
        .last()
    )
    return assignment.person if assignment else None


class MeetingCode:
    """What a typed code stands for: a review now taking answers, or why not."""

    UNKNOWN = "unknown"
    ENDED = "ended"


def check_meeting_code(typed: str) -> Review | str:
    """The review whose live code was typed, or `MeetingCode.UNKNOWN`/`ENDED`.

    A code that was real but is switched off, expired or on a closed review says
    "ended", so people in the room learn why rather than retyping it.
    """
    code = normalise_meeting_code(typed)
    if not code:
        return MeetingCode.UNKNOWN
    review = Review.objects.filter(meeting_code=code).first()
    if review is None:
        return MeetingCode.UNKNOWN
    return review if review.meeting_code_live else MeetingCode.ENDED


def record_wrong_code(address: str, typed: str) -> None:
    """Count a wrong code, and forget tries older than the window while here."""
    now = timezone.now()
    MeetingCodeAttempt.objects.filter(at__lt=now - MEETING_CODE_WINDOW).delete()
    MeetingCodeAttempt.objects.create(
        address=address, code=normalise_meeting_code(typed)[:20], at=now
    )


def wrong_codes_wait(address: str, typed: str) -> int | None:
    """Whole minutes until tries are checked again, when there have been too many
    wrong codes from this address, or of this code from anywhere; else None."""
    now = timezone.now()
    recent = MeetingCodeAttempt.objects.filter(
        at__gte=now - MEETING_CODE_WINDOW, succeeded=False
    )
    code = normalise_meeting_code(typed)
    limits = [recent.filter(address=address)]
    if code:
        limits.append(recent.filter(code=code))
    waits = []
    for tries in limits:
        # The limit lifts when the tenth most recent try leaves the window.
        tenth = tries.order_by("-at").values_list("at", flat=True)[
            MEETING_CODE_MAX_FAILURES - 1 : MEETING_CODE_MAX_FAILURES
        ]
        for at in tenth:
            left = (at + MEETING_CODE_WINDOW - now).total_seconds()
            waits.append(max(1, math.ceil(left / 60)))
    return max(waits, default=None)


def _meeting_cookie_name(review: Review) -> str:
    return f"meeting-{review.pk}"


def remember_meeting_browser(
    reply: HttpResponse, review: Review, response: Response
) -> None:
    """Mark this browser as having answered through the review's code."""
    reply.set_signed_cookie(
        _meeting_cookie_name(review),
        f"{review.meeting_code}:{response.meeting_key}",
        salt=MEETING_COOKIE_SALT,
        max_age=int(MEETING_COOKIE_AGE.total_seconds()),
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def meeting_browser_response(request: HttpRequest, review: Review) -> Response | None:
    """This browser's response through the review's code, from its signed cookie."""
    try:
        value = request.get_signed_cookie(
            _meeting_cookie_name(review), salt=MEETING_COOKIE_SALT
        )
    except (KeyError, signing.BadSignature):
        return None
    code, _, key = (value or "").partition(":")
    if not key or code != review.meeting_code:
        return None
    response = Response.objects.filter(
        review=review, via_meeting_code=True, meeting_key=key
    ).first()
    if response is not None:
        response.review = review
    return response


def remember_results_reader(
    request: HttpRequest, review: Review, response: Response | None
) -> None:
    """Let this browser read `review`'s results (and `response`'s answers) but
    not change any answer: a link opened after close, or a results link."""
    readers = dict(request.session.get(RESULTS_KEY, {}))
    readers[str(review.pk)] = response.pk if response is not None else None
    request.session[RESULTS_KEY] = readers


def own_response(request: HttpRequest, review: Review) -> Response | None:
    """The response this browser gave to `review`: by link, code or results link."""
    response = current_response(request, review) or meeting_browser_response(
        request, review
    )
    read_only = request.session.get(RESULTS_KEY, {}).get(str(review.pk))
    if response is None and read_only is not None:
        response = (
            Response.objects.filter(pk=read_only, review=review)
            .not_revoked()
            .select_related("invitation")
            .first()
        )
    return response


def may_read_results(request: HttpRequest, review: Review) -> bool:
    """Whether this browser came by a respondent's own link for `review`."""
    return (
        str(review.pk) in request.session.get(RESULTS_KEY, {})
        or own_response(request, review) is not None
    )


def issue_results_secret(response: Response) -> str:
    """A new results link secret for a meeting-code response; the hash is kept.

    Any earlier secret stops working: the link is shown once, so a lost one is
    replaced rather than shown again.
    """
    secret, secret_hash = new_token()
    Response.objects.filter(pk=response.pk).update(results_secret_hash=secret_hash)
    response.results_secret_hash = secret_hash
    return secret


def response_for_results_secret(secret: str) -> Response | None:
    """The meeting-code response a results link stands for, if any."""
    if not secret:
        return None
    return (
        Response.objects.filter(results_secret_hash=hash_token(secret))
        .select_related("review")
        .first()
    )


KEPT_SALT = "reviews.kept-answers"
# Fields that are not answers: the form's own housekeeping.
NOT_ANSWERS = {"csrfmiddlewaretoken", "action", "answers_for"}


def answers_marker(response: Response) -> str:
    """A signed note of whose answers a questionnaire page holds (a hidden field),
    so answers kept after the session went go back into that response only."""
    return signing.dumps(response.pk, salt=KEPT_SALT)


def posted_answers(request: HttpRequest) -> bool:
    """Whether a POST carries questionnaire answers worth keeping."""
    return request.method == "POST" and "answers_for" in request.POST


def keep_posted_answers(request: HttpRequest, review_pk: int) -> bool:
    """Hold answers posted without a session, in a new one, for this browser.

    Kept only with a good marker, and put back only into the response it names,
    so on a shared computer nobody else's link picks them up.
    """
    try:
        response_pk = signing.loads(request.POST["answers_for"], salt=KEPT_SALT)
    except (KeyError, signing.BadSignature):
        return False
    data = {
        name: values for name, values in request.POST.lists() if name not in NOT_ANSWERS
    }
    kept = dict(request.session.get(KEPT_KEY, {}))
    kept[str(review_pk)] = {"response": response_pk, "data": data}
    request.session[KEPT_KEY] = kept
    return True


def take_kept_answers(request: HttpRequest, response: Response) -> QueryDict | None:
    """Answers kept for this response in this browser, removed from the session."""
    kept = dict(request.session.get(KEPT_KEY, {}))
    entry = kept.get(str(response.review_id))
    if entry is None or entry.get("response") != response.pk:
        return None
    del kept[str(response.review_id)]
    request.session[KEPT_KEY] = kept
    posted = QueryDict(mutable=True)
    for name, values in entry["data"].items():
        posted.setlist(name, values)
    return posted
