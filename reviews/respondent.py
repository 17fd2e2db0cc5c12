"""Who a browser answers as: the respondent session, links and meeting codes.

Respondents have no account. Opening a personal link (or choosing a perspective
after a meeting code) puts the response's id in the Django session under
`respondent_responses`, keyed by review id; every respondent page asks
`current_response()` and nothing else.
"""

import datetime as dt
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils import timezone

from partnerships.models import Person, RepAssignment
from reviews.models import Invitation, MeetingCodeAttempt, Response, Review
from reviews.tokens import hash_token, normalise_meeting_code

SESSION_KEY = "respondent_responses"

# Ten wrong codes per address in ten minutes: enough for typos in a workshop,
# far too few to guess one code among 31**8.
MEETING_CODE_MAX_FAILURES = 10
MEETING_CODE_WINDOW = dt.timedelta(minutes=10)


def remember_response(request: HttpRequest, response: Response) -> None:
    """Let this browser edit and see `response` from now on."""
    remembered = dict(request.session.get(SESSION_KEY, {}))
    remembered[str(response.review_id)] = response.pk
    request.session[SESSION_KEY] = remembered


def current_response(request: HttpRequest, review: Review) -> Response | None:
    """The response this browser may edit or see for `review`, if any."""
    response_id = request.session.get(SESSION_KEY, {}).get(str(review.pk))
    if response_id is None:
        return None
    response = (
        Response.objects.filter(pk=response_id, review=review)
        .exclude(invitation__revoked=True)
        .select_related("invitation")
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


def check_link(token: str) -> Invitation | LinkProblem:
    """The invitation a personal link stands for, or what is wrong with it."""
    invitation = (
        Invitation.objects.filter(token_hash=hash_token(token))
        .select_related("review__appointment__partnership")
        .first()
    )
    if invitation is None:
        # Unknown and tampered tokens look the same: say nothing about reviews.
        return LinkProblem("unknown", 404)
    review = invitation.review
    if invitation.revoked:
        return LinkProblem("revoked", 410, review)
    if invitation.expires <= timezone.now():
        return LinkProblem("expired", 410, review)
    if review.is_closed:
        return LinkProblem("closed", 403, review)
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


def client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"


def meeting_code_locked(address: str) -> bool:
    since = timezone.now() - MEETING_CODE_WINDOW
    failures = MeetingCodeAttempt.objects.filter(
        address=address, at__gte=since, succeeded=False
    ).count()
    return failures >= MEETING_CODE_MAX_FAILURES


def find_meeting_review(typed: str, address: str) -> Review | None:
    """The open review whose active code was typed; records a failed try."""
    code = normalise_meeting_code(typed)
    review = None
    if code:
        review = (
            Review.objects.open()
            .filter(meeting_code=code, meeting_code_active=True)
            .first()
        )
    if review is None:
        MeetingCodeAttempt.objects.create(address=address, succeeded=False)
    return review
