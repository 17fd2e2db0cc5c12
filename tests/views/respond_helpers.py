"""Shared arrangements for the respondent tests: links, sessions, full answers."""

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

from reviews.models import Response, Review
from reviews.responding.tokens import hash_token, new_token
from tests.factories import InvitationFactory, ReviewFactory


def invite(review: Review | None = None, **kwargs):
    """An invitation and the token of its personal link."""
    token, _ = new_token()
    kwargs.setdefault("expires", timezone.now() + dt.timedelta(days=30))
    invitation = InvitationFactory(
        review=review or ReviewFactory(), token_hash=hash_token(token), **kwargs
    )
    return invitation, token


def start(client, review: Review | None = None, **kwargs):
    """Open a personal link in `client`; return the invitation's review."""
    invitation, token = invite(review, **kwargs)
    reply = client.get(reverse("reviews:respond-link", args=[token]))
    assert reply.status_code == 302
    return invitation.review


def answers(review: Review, then="5", now="7", like="8", **extra) -> dict:
    """POST data answering every statement in every column the review asks."""
    data = {}
    for statement in review.framework_version.statements.all():
        data[f"then-{statement.key}"] = then
        data[f"now-{statement.key}"] = now
        if review.asks_would_like:
            data[f"like-{statement.key}"] = like
    data.update(extra)
    return {k: v for k, v in data.items() if v is not None}


def url(name: str, review: Review) -> str:
    return reverse(f"reviews:{name}", args=[review.pk])


def stored(review: Review) -> Response:
    """The review's one response."""
    return Response.objects.get(review=review)


def is_checked(body: str, input_id: str) -> bool:
    return bool(re.search(rf'id="{input_id}" value="[^"]*" checked', body))
