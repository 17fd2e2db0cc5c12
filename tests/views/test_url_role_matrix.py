"""Every URL the site answers, requested by every role: deny by default, 404 for others.

The table below must name every URL pattern in the resolver. A new page without a
row fails `test_every_url_pattern_has_an_entry_in_the_role_table`, which says
which pattern to add: decide who may see it, and write that down here.
"""

import datetime as dt

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from reviews.models import AgreedAction, Review
from reviews.responding.tokens import hash_token
from tests.factories import (
    ResponseFactory,
    ReviewFactory,
    bulk_responses,
    two_partnerships,
)

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "member_a",
    "member_b",
    "lto_staff_a",
    "worker_a",
    "rep_a",
    "rep_b",
    "lt_staff",
    "superuser",
)
B_SIDE = ("member_b", "rep_b")
TOKEN_A = "personal-link-token-of-partnership-a-invitee"
CODE_A = "ABCDEFGH"

# Status of a GET, one column per role in ROLES order. Someone else's object is
# 404; anonymous visitors are sent to log in (302); POST-only actions answer
# 405 to a GET from those who may use them.
ALL_200 = (200,) * 9
LOGIN_200 = (302,) + (200,) * 8
MANAGER_ONLY = (302, 404, 404, 404, 404, 200, 404, 200, 200)
MANAGER_POST = (302, 404, 404, 404, 404, 405, 404, 405, 405)
NOT_RESPONDENT = (404,) * 9
A_SIDE_200 = (302, 200, 404, 200, 200, 200, 404, 200, 200)
#                                anon mA   mB   ltoA wA   repA repB lt   super
EXPECTED: dict[str, tuple[int, ...]] = {
    "healthz": ALL_200,
    "readyz": ALL_200,
    # The browser's own request for an icon: a permanent redirect to the static file.
    "favicon": (301,) * 9,
    "admin:index": (302, 302, 302, 302, 302, 302, 302, 302, 200),
    "login": ALL_200,
    "logout": (405,) * 9,
    "password_change": LOGIN_200,
    "password_change_done": LOGIN_200,
    "password_reset": ALL_200,
    "password_reset_done": ALL_200,
    "password_reset_confirm": ALL_200,
    "password_reset_complete": ALL_200,
    # The second sign-in step: anyone signed in may set up an app; with no app
    # yet, entering a code sends them to set one up; new backup codes are POST.
    "accounts:verify": (302,) * 9,
    # Anyone signed in sets their own email digests on or off.
    "accounts:email-preferences": LOGIN_200,
    "accounts:enrol": LOGIN_200,
    "accounts:backup-codes": (302,) + (405,) * 8,
    "reviews:home": ALL_200,
    # Help pages: public, like the landing page.
    "reviews:glossary": ALL_200,
    "reviews:privacy": ALL_200,
    "reviews:accessibility": ALL_200,
    # Choosing a language is a POST from any page.
    "reviews:choose-language": (405,) * 9,
    "reviews:javascript-catalog": ALL_200,
    # Respondents: a personal link works for whoever holds it; the other pages
    # need this browser's own response in the session, which none of these has.
    "reviews:respond-link": (302,) * 9,
    "reviews:respond": NOT_RESPONDENT,
    "reviews:respond-check": NOT_RESPONDENT,
    "reviews:respond-submit": (405,) * 9,
    "reviews:respond-thanks": NOT_RESPONDENT,
    "reviews:respond-autosave": (405,) * 9,
    # The questionnaire's service worker: the same script for everyone, no data.
    "reviews:respond-worker": ALL_200,
    # A respondent's results (or the wait for them) and a new results link need
    # this browser's own link too; an unknown results link is a 404 for all.
    "reviews:respond-results": NOT_RESPONDENT,
    "reviews:respond-new-results-link": (405,) * 9,
    "reviews:results-link": (404,) * 9,
    "reviews:meet": ALL_200,
    "reviews:meet-start": ALL_200,
    "reviews:paper-form": MANAGER_ONLY,
    "reviews:paper-entry": MANAGER_ONLY,
    # The rep's workflow.
    "reviews:my-areas": LOGIN_200,
    "reviews:review-detail": MANAGER_ONLY,
    "reviews:review-open": MANAGER_ONLY,
    "reviews:review-edit": MANAGER_ONLY,
    "reviews:review-audit": MANAGER_ONLY,
    "reviews:review-meeting-code": MANAGER_ONLY,
    # A meeting-code answer of review A: set aside asks first, counting again
    # is POST only.
    "reviews:response-set-aside": MANAGER_ONLY,
    "reviews:response-count-again": MANAGER_POST,
    "reviews:audit-log": (302, 404, 404, 404, 404, 404, 404, 200, 200),
    "reviews:failed-messages": (302, 404, 404, 404, 404, 404, 404, 200, 200),
    "reviews:review-invite": MANAGER_ONLY,
    "reviews:review-invitation-sheet": MANAGER_ONLY,
    "reviews:invitation-revoke": MANAGER_POST,
    "reviews:invitation-resend": MANAGER_POST,
    "reviews:review-remind": MANAGER_ONLY,
    "reviews:review-resend-failed": MANAGER_POST,
    # Closing, releasing and withdrawing ask first: a GET is the question.
    "reviews:review-close": MANAGER_ONLY,
    "reviews:review-reopen": MANAGER_POST,
    "reviews:review-release": MANAGER_ONLY,
    "reviews:review-withdraw": MANAGER_ONLY,
    # Results: unreleased, so only those who manage the review.
    "reviews:review-results": MANAGER_ONLY,
    "reviews:review-dots": MANAGER_ONLY,
    "reviews:review-individuals": MANAGER_ONLY,
    "reviews:review-pack": MANAGER_ONLY,
    # Compare: any review the person may see; review A is unreleased, so managers.
    "reviews:review-compare": MANAGER_ONLY,
    "reviews:review-export": MANAGER_ONLY,
    "reviews:review-released": MANAGER_ONLY[:5] + (404, 404, 404, 404),
    # Agreed actions: recorded and changed by the review's rep and staff only.
    "reviews:review-actions": MANAGER_ONLY,
    "reviews:action-edit": MANAGER_ONLY,
    "reviews:action-status": MANAGER_ONLY,
    # At the meeting: presenting a closed review, the presenter page and notes.
    "reviews:present-screen": MANAGER_ONLY,
    "reviews:present-state": MANAGER_ONLY,
    "reviews:presenter": MANAGER_ONLY,
    "reviews:presenter-note": MANAGER_POST,
    # Directory pages: lists filtered to what each person may see; A's own
    # area and organisation are 404 to B's people; the overview is for staff.
    "programme:area-list": LOGIN_200,
    "programme:area-export": LOGIN_200,
    "programme:area-detail": A_SIDE_200,
    "programme:organisation-detail": A_SIDE_200,
    "programme:overview": (302, 404, 404, 404, 404, 404, 404, 200, 200),
    # The overdue list is Local Trust staff's; the next review date the rep's.
    "programme:overdue": (302, 404, 404, 404, 404, 404, 404, 200, 200),
    "programme:review-date": MANAGER_ONLY,
    "programme:appointment-end": MANAGER_ONLY,
}

# Which of A's objects a URL's `pk` means; anything not listed is review A.
PK_OBJECT = {
    "reviews:review-open": "appointment_a",
    "programme:review-date": "appointment_a",
    "programme:appointment-end": "appointment_a",
    "reviews:action-edit": "action_a",
    "reviews:action-status": "action_a",
    "reviews:invitation-revoke": "invitation_a",
    "reviews:invitation-resend": "invitation_a",
    "reviews:response-set-aside": "code_response_a",
    "reviews:response-count-again": "code_response_a",
    # Only a closed review is presented.
    "reviews:present-screen": "closed_review_a",
    "reviews:presenter": "closed_review_a",
    "reviews:presenter-note": "closed_review_a",
}
# Which of A's objects a URL's `slug` means.
SLUG_OBJECT = {
    "programme:area-detail": "area_a",
    "programme:organisation-detail": "organisation_a",
}
# Capabilities rather than objects: whoever holds the link or the meeting code
# may use it, so they are left out of the B-side 404 check.
CAPABILITY_URLS = {
    "reviews:respond-link",
    "reviews:meet-start",
    "reviews:meet",
    "reviews:respond-worker",
}


def url_patterns(resolver=None, namespace: str = "", prefix: str = ""):
    """(name, route) for every pattern, recursively; admin only by its index."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else ""
            yield from url_patterns(pattern, inner or namespace, route)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            if route.startswith("admin/") and name != "admin:index":
                continue
            if route.startswith("static/"):
                continue
            yield name, route


def url_for(name: str, world: object | None) -> str:
    route = next(r for n, r in url_patterns() if n == name)
    kwargs = {}
    if "<int:pk>" in route:
        # No world: a pk that matches nothing.
        obj = getattr(world, PK_OBJECT.get(name, "review_a"), None)
        kwargs["pk"] = obj.pk if obj else 987654
    if "<slug:slug>" in route:
        obj = getattr(world, SLUG_OBJECT[name], None)
        kwargs["slug"] = obj.slug if obj else "no-such-thing"
    if "<str:token>" in route:
        kwargs["token"] = TOKEN_A
    if "<str:secret>" in route:
        kwargs["secret"] = "not-a-results-link-secret"
    if "<str:code>" in route:
        kwargs["code"] = CODE_A
    if "<int:screen>" in route:
        # The first agenda point: a screen with a statement, so with notes.
        kwargs["screen"] = 1
    if "<uidb64>" in route:
        kwargs |= {"uidb64": "MQ", "token": "set-password"}
    return reverse(name, kwargs=kwargs)


@pytest.fixture
def world():
    world = two_partnerships()
    Review.objects.filter(pk=world.review_a.pk).update(
        meeting_code=CODE_A,
        meeting_code_active=True,
        meeting_code_perspectives=["member"],
        meeting_code_expires=timezone.now() + dt.timedelta(days=1),
    )
    world.code_response_a = ResponseFactory(
        review=world.review_a, via_meeting_code=True, meeting_key="code-browser"
    )
    world.area_a = world.appointment_a.partnership.area
    world.action_a = AgreedAction.objects.create(
        review=world.review_a, what="Meet monthly", lead="lto", due=timezone.localdate()
    )
    world.organisation_a = world.appointment_a.organisation
    world.closed_review_a = ReviewFactory(
        appointment=world.appointment_a, status="closed"
    )
    bulk_responses(world.closed_review_a, "member", [[2] * 10, [3] * 10, [2] * 10])
    bulk_responses(world.closed_review_a, "lto_staff", [[9] * 10])
    invitation = world.invitation_a
    invitation.token_hash = hash_token(TOKEN_A)
    invitation.save(update_fields=["token_hash"])
    return world


def client_for(role: str, world) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(world.users[role])
    return client


def test_every_url_pattern_has_an_entry_in_the_role_table():
    missing = [
        f"{name or '(unnamed)'} at /{route}"
        for name, route in url_patterns()
        if name not in EXPECTED
    ]
    assert not missing, (
        "These URL patterns have no row in EXPECTED in "
        "tests/views/test_url_role_matrix.py: " + "; ".join(missing)
    )


@pytest.mark.slow
def test_every_role_gets_the_expected_status_on_every_url(world):
    names = [name for name, _ in url_patterns() if name in EXPECTED]
    wrong = []
    for name in names:
        url = url_for(name, world)
        for role, expected in zip(ROLES, EXPECTED[name], strict=True):
            # A fresh browser each time: following a personal link earlier must
            # not open the respondent pages for a later request.
            status = client_for(role, world).get(url).status_code
            if status != expected:
                wrong.append(f"{name} as {role}: {status}, expected {expected}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.slow
@pytest.mark.parametrize("role", B_SIDE)
def test_partnership_b_gets_404_for_every_object_of_partnership_a(world, role):
    client = client_for(role, world)
    leaks = []
    for name, route in url_patterns():
        if name in CAPABILITY_URLS or "<" not in route or "<uidb64>" in route:
            continue
        url = url_for(name, world)
        for method in ("get", "post"):
            status = getattr(client, method)(url).status_code
            # A POST-only endpoint may refuse every GET with 405 before any
            # lookup: allowed only if a missing object gets the same answer.
            missing = getattr(client, method)(url_for(name, None)).status_code
            if status != 404 and not (method == "get" and status == 405 == missing):
                leaks.append(f"{method.upper()} {name}: {status}")
    assert not leaks, "\n".join(leaks)
