"""The data the bench measures on: the staff user, the reviews and places to
measure, a review with many responses, and fresh respondents."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from partnerships.access import LOCAL_TRUST_STAFF
from partnerships.models import Area, Organisation
from reviews.models import Answer, Invitation, Response, Review, Statement
from reviews.responding.tokens import new_token

STAFF_USERNAME = "bench-staff"
BIG_REVIEW_TITLE = "Bench review with many responses"
# Statements that open or close a transaction, not work the page asked for.


def staff_client() -> Client:
    user, _ = get_user_model().objects.get_or_create(username=STAFF_USERNAME)
    group, _ = Group.objects.get_or_create(name=LOCAL_TRUST_STAFF)
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def ensure_big_review(responses: int, seed: int = 7) -> Review:
    """One closed review with many responses, for "flat however many answer"."""
    review = Review.objects.filter(title=BIG_REVIEW_TITLE).first()
    if review is not None:
        return review
    model = Review.objects.filter(status=Review.Status.CLOSED).order_by("pk").first()
    review = Review.objects.create(
        appointment=model.appointment,
        framework_version=model.framework_version,
        purpose=Review.Purpose.REGULAR,
        title=BIG_REVIEW_TITLE,
        opens=model.opens,
        closes=model.closes,
        status=Review.Status.CLOSED,
    )
    rng = random.Random(seed)
    made = Response.objects.bulk_create(
        Response(
            review=review,
            perspective=rng.choice(("member", "member", "member", "lto_staff")),
            status=Response.Status.SUBMITTED,
            submitted_at=timezone.now(),
        )
        for _ in range(responses)
    )
    statements = list(review.framework_version.statements.all())
    Answer.objects.bulk_create(
        (
            Answer(
                response_id=r.pk,
                statement_id=s.pk,
                then_rating=rng.randint(1, 10),
                now_rating=rng.randint(1, 10),
            )
            for r in made
            for s in statements
        ),
        batch_size=5000,
    )
    return review


class Respondents:
    """Fresh invitations on one open review, each opened in its own client."""

    def __init__(self, review: Review) -> None:
        self.review = review
        self.invitations: list[int] = []
        statements = review.framework_version.statements.all()
        self.answers = {}
        for i, statement in enumerate(statements):
            self.answers[f"then-{statement.key}"] = str(1 + i % 10)
            self.answers[f"now-{statement.key}"] = str(1 + (i + 3) % 10)
        self.answers["comments"] = "Measured by the bench."
        self.answers["action"] = "continue"

    def open(self) -> Client:
        token, digest = new_token()
        invitation = Invitation.objects.create(
            review=self.review,
            perspective="member",
            token_hash=digest,
            expires=timezone.now() + dt.timedelta(days=1),
        )
        self.invitations.append(invitation.pk)
        client = Client()
        reply = client.get(f"/r/{token}/", secure=True)
        assert reply.status_code == 302, reply.status_code
        return client

    def clean_up(self) -> None:
        Response.objects.filter(invitation_id__in=self.invitations).delete()
        Invitation.objects.filter(pk__in=self.invitations).delete()


def targets() -> dict:
    """The objects the pages are measured on; the same slugs at every size."""
    closed = (
        Review.objects.filter(status=Review.Status.CLOSED, title__startswith="Scale")
        .order_by("pk")
        .first()
    )
    open_review = (
        Review.objects.filter(status=Review.Status.OPEN, title__startswith="Scale")
        .order_by("pk")
        .first()
    )
    area = Area.objects.filter(slug__startswith="scale-").order_by("slug").first()
    organisation = (
        Organisation.objects.filter(slug__startswith="scale-").order_by("slug").first()
    )
    return {
        "closed": closed,
        "open": open_review,
        "area": area,
        "organisation": organisation,
    }


def _counts() -> dict[str, int]:
    return {
        "areas": Area.objects.count(),
        "reviews": Review.objects.count(),
        "responses": Response.objects.count(),
        "answers": Answer.objects.count(),
        "statements": Statement.objects.count(),
    }
