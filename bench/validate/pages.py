"""The pages `make validate` checks, fetched as each role would with the demo data.

Each role signs in through the login form with the demo password (respondents
follow a fresh personal link instead), then asks for its pages with Django's
test client. Forms are posted where a page only exists after one: the
questionnaire with a missing answer, the check page, the thank-you page, a
failed sign-in. Needs Django set up on a database filled by `seed_demo`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, RequestFactory
from django.utils import timezone
from django.views import defaults

from demo.logins import DEMO_PASSWORD
from reviews.models import AgreedAction, Invitation, Review
from reviews.responding.tokens import new_token


@dataclass
class Page:
    name: str
    role: str
    path: str
    expected: int
    status: int
    html: str


class Visitor:
    """One browser: a role, its client, and the pages it has seen."""

    def __init__(self, role: str, client: Client | None = None) -> None:
        self.role = role
        self.client = client or Client()
        self.seen: list[Page] = []

    def get(self, name: str, path: str, expected: int = 200) -> None:
        """A page, and where it leads (after any redirect)."""
        reply = self.client.get(path, follow=True)
        self._keep(name, path, expected, reply)

    def post(self, name: str, path: str, data: dict, expected: int = 200) -> None:
        """A form posted, and the page it answers with (after any redirect)."""
        reply = self.client.post(path, data, follow=True)
        self._keep(name, path, expected, reply)

    def _keep(self, name: str, path: str, expected: int, reply) -> None:
        html = reply.content.decode() if "html" in reply.get("Content-Type", "") else ""
        self.seen.append(Page(name, self.role, path, expected, reply.status_code, html))


def signed_in(username: str) -> Visitor:
    visitor = Visitor(username)
    reply = visitor.client.post(
        "/accounts/login/", {"username": username, "password": DEMO_PASSWORD}
    )
    assert reply.status_code == 302, f"{username} could not sign in"
    return visitor


def respondent(review: Review, perspective: str = "member") -> tuple[Visitor, str]:
    """A fresh personal link on `review`, followed: the browser and where it led."""
    token, digest = new_token()
    Invitation.objects.create(
        review=review,
        perspective=perspective,
        token_hash=digest,
        expires=timezone.now() + dt.timedelta(days=1),
    )
    visitor = Visitor("respondent")
    reply = visitor.client.get(f"/r/{token}/")
    assert reply.status_code == 302, reply.status_code
    return visitor, reply["Location"]


def public_pages() -> list[Page]:
    anonymous = Visitor("anonymous")
    for name, path in [
        ("Landing", "/"),
        ("Glossary", "/glossary/"),
        ("Privacy", "/privacy/"),
        ("Accessibility statement", "/accessibility/"),
        ("Sign in", "/accounts/login/"),
        ("Admin sign in", "/admin/login/?next=/admin/"),
        ("Password reset", "/accounts/password_reset/"),
        ("Password reset sent", "/accounts/password_reset/done/"),
        ("Password reset, link not valid", "/accounts/reset/MQ/not-a-token/"),
        ("Password reset done", "/accounts/reset/done/"),
        ("Meeting code", "/meet/"),
    ]:
        anonymous.get(name, path)
    anonymous.post(
        "Sign in, wrong password",
        "/accounts/login/",
        {"username": "rep", "password": "not-the-password"},
    )
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        anonymous.client.post("/accounts/login/", {"username": "x", "password": "y"})
    anonymous.post(
        "Locked out", "/accounts/login/", {"username": "x", "password": "y"}, 429
    )
    anonymous.get("Unknown personal link", "/r/no-such-token/", 404)
    anonymous.get("Not found (404)", "/no-such-page/", 404)
    # A form posted without its CSRF token: the CSRF failure page.
    forbidden = Visitor("anonymous", Client(enforce_csrf_checks=True))
    forbidden.post("Forbidden (403, CSRF)", "/accounts/login/", {}, 403)
    return anonymous.seen + forbidden.seen + error_pages()


def error_pages() -> list[Page]:
    """The pages Django's error handlers render: no URL of ours raises them."""
    request = RequestFactory().get("/")
    shown = Visitor("anonymous")
    for name, reply in [
        ("Bad request (400)", defaults.bad_request(request, SuspiciousOperation())),
        ("Forbidden (403)", defaults.permission_denied(request, PermissionDenied())),
        ("Server error (500)", defaults.server_error(request)),
    ]:
        shown._keep(name, "(handler)", reply.status_code, reply)
    return shown.seen


def respondent_pages(open_review: Review, released: Review) -> list[Page]:
    visitor, questionnaire = respondent(open_review)
    pk = open_review.pk
    statements = list(open_review.framework_version.statements.all())
    answers = {"comments": "Checked by the validator.", "action": "continue"}
    for i, statement in enumerate(statements):
        answers[f"then-{statement.key}"] = str(1 + i % 10)
        answers[f"now-{statement.key}"] = str(1 + (i + 3) % 10)
    visitor.get("Questionnaire", questionnaire)
    missing = {k: v for k, v in answers.items() if k != f"now-{statements[0].key}"}
    visitor.post("Questionnaire, an answer missing", f"/respond/{pk}/", missing)
    visitor.post("Check", f"/respond/{pk}/", answers)
    visitor.post("Thanks", f"/respond/{pk}/submit/", {})
    visitor.get("Own results, not yet released", f"/respond/{pk}/results/")
    reader, results = respondent(released)
    reader.get("Released results, respondent's link", results)
    lto, lto_questionnaire = respondent(open_review, "lto_staff")
    lto.get("Questionnaire, LTO staff", lto_questionnaire)
    coded = Visitor("respondent")
    code = f"/meet/{open_review.meeting_code}/"
    coded.get("Meeting code, start", code)
    coded.post("Questionnaire, meeting code", code, {"perspective": "member"})
    return visitor.seen + reader.seen + lto.seen + coded.seen


def rep_pages(open_review: Review, released: Review, unreleased: Review) -> list[Page]:
    rep = signed_in("rep")
    appointment = released.appointment
    action = AgreedAction.objects.filter(review=released).order_by("pk").first()
    assert action is not None, "seed_demo gives the released review its actions"
    o, r, u = open_review.pk, released.pk, unreleased.pk
    for name, path in [
        ("My areas", "/my/"),
        ("Review page, open", f"/reviews/{o}/"),
        ("Review page, released", f"/reviews/{r}/"),
        ("Invitations", f"/reviews/{o}/invite/"),
        ("Invitation sheet", f"/reviews/{o}/invitations/print/"),
        ("Meeting code screen", f"/reviews/{o}/meeting-code/"),
        ("Edit review", f"/reviews/{o}/edit/"),
        ("Open a review", f"/appointments/{appointment.pk}/reviews/new/"),
        ("Close, confirm", f"/reviews/{o}/close/"),
        ("Paper form", f"/reviews/{o}/paper/"),
        ("Paper entry", f"/reviews/{o}/paper/enter/"),
        ("Results and agenda", f"/reviews/{r}/results/"),
        ("Results, unreleased", f"/reviews/{u}/results/"),
        ("Individual responses", f"/reviews/{r}/individuals/"),
        ("Meeting pack", f"/reviews/{r}/pack/"),
        ("Agreed actions", f"/reviews/{r}/actions/"),
        ("Agreed action, edit", f"/actions/{action.pk}/edit/"),
        ("Agreed action, status", f"/actions/{action.pk}/status/"),
        ("Release, confirm", f"/reviews/{u}/release/"),
        ("Withdraw, confirm", f"/reviews/{r}/withdraw/"),
        ("Review audit", f"/reviews/{r}/audit/"),
        ("Schedule: next review date", f"/appointments/{appointment.pk}/next-review/"),
        ("Area directory", "/areas/"),
        ("Partnership page", f"/areas/{appointment.partnership.area.slug}/"),
        ("Organisation page", f"/organisations/{appointment.organisation.slug}/"),
        ("Email preferences", "/accounts/email/"),
        ("Two-factor set-up", "/accounts/two-factor/set-up/"),
        ("Password change", "/accounts/password_change/"),
    ]:
        rep.get(name, path)
    pasted = "Jo Smith, jo@example.org, partnership member\nNo perspective, , nobody"
    rep.post("Invitations, a pasted list", f"/reviews/{o}/invite/", {"pasted": pasted})
    invitee = {"pasted": pasted.splitlines()[0], "preview": "1"}
    rep.post("Invitations, preview", f"/reviews/{o}/invite/", invitee)
    rep.get("Password changed", "/accounts/password_change/done/")
    rep.post("Signed out", "/accounts/logout/", {})
    return rep.seen


def would_like_pages() -> list[Page]:
    """A review asking the third column: the questionnaire and the results."""
    asking = Review.objects.filter(asks_would_like=True).order_by("pk")
    open_review = asking.filter(status=Review.Status.OPEN).first()
    released = asking.released().first()
    assert open_review and released, "seed_demo asks 'would like' in some reviews"
    visitor, questionnaire = respondent(open_review)
    visitor.get("Questionnaire, with 'would like'", questionnaire)
    staff = signed_in("staff")
    staff.get("Results, with 'would like'", f"/reviews/{released.pk}/results/")
    staff.get("Meeting pack, with 'would like'", f"/reviews/{released.pk}/pack/")
    return visitor.seen + staff.seen


def other_pages(released: Review) -> list[Page]:
    member, lto = signed_in("member"), signed_in("lto")
    staff, admin = signed_in("staff"), signed_in("admin")
    member.get("My areas", "/my/")
    member.get("Released results", f"/reviews/{released.pk}/released/")
    lto.get("Released results", f"/reviews/{released.pk}/released/")
    for name, path in [
        ("Programme overview", "/programme/"),
        ("Overdue list", "/programme/overdue/"),
        ("Area directory, overdue", "/areas/?due=overdue"),
        ("Audit log", "/audit/"),
    ]:
        staff.get(name, path)
    partnership = released.appointment.partnership_id
    for name, path in [
        ("Admin home", "/admin/"),
        ("Admin: areas", "/admin/partnerships/area/"),
        ("Admin: import areas", "/admin/partnerships/area/import/"),
        ("Admin: a partnership", f"/admin/partnerships/partnership/{partnership}/"),
        ("Admin: a review", f"/admin/reviews/review/{released.pk}/change/"),
    ]:
        admin.get(name, path)
    return member.seen + lto.seen + staff.seen + admin.seen


def pages() -> list[Page]:
    rep = get_user_model().objects.get(username="rep")
    mine = Review.objects.visible_to(rep).order_by("pk")
    open_review = mine.filter(status=Review.Status.OPEN).first()
    released = mine.released().filter(agreed_actions__isnull=False).distinct().last()
    unreleased = mine.filter(status=Review.Status.CLOSED, released_at=None).last()
    assert open_review and released and unreleased, "run seed_demo first"
    return (
        public_pages()
        + respondent_pages(open_review, released)
        + rep_pages(open_review, released, unreleased)
        + would_like_pages()
        + other_pages(released)
    )
