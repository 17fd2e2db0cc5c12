"""How far a review has got, by perspective: counts only, never answers.

The rep's review page and the results pages both show it; who has answered is
never shown next to what they answered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from reviews.analysis import PERSPECTIVE_LABELS, PERSPECTIVES
from reviews.models import COUNTED, Invitation, OutgoingMessage, Response, Review


@dataclass(frozen=True)
class ProgressRow:
    perspective: str
    label: str
    invited: int
    drafts: int
    submitted: int


def _invited(review_id: int) -> QuerySet[Invitation, tuple[Any, ...]]:
    return (
        Invitation.objects.live()
        .filter(review_id=review_id)
        .values_list("perspective")
        .annotate(n=Count("id"))
        .order_by()
    )


def _answered(review_id: int) -> QuerySet[Response, tuple[Any, ...]]:
    return (
        Response.objects.filter(review_id=review_id)
        .values_list("perspective")
        .annotate(
            drafts=Count("id", filter=Q(status=Response.Status.DRAFT)),
            submitted=Count("id", filter=COUNTED),
        )
        .order_by()
    )


def progress_by_perspective(review: Review) -> list[ProgressRow]:
    """Invited, started and submitted per perspective: two aggregate queries."""
    invited = dict(_invited(review.pk))
    responses = {
        perspective: (drafts, submitted)
        for perspective, drafts, submitted in _answered(review.pk)
    }
    return [
        ProgressRow(
            perspective=p,
            label=PERSPECTIVE_LABELS[p],
            invited=invited.get(p, 0),
            drafts=responses.get(p, (0, 0))[0],
            submitted=responses.get(p, (0, 0))[1],
        )
        for p in PERSPECTIVES
        if p in invited or p in responses
    ]


@dataclass(frozen=True)
class MessageRow:
    label: str
    queued: int
    sent: int
    failed: int


def messages_by_perspective(review: Review) -> list[MessageRow]:
    """Emails to people still invited, per perspective: one aggregate query."""
    counts = OutgoingMessage.objects.of_live_invitations(review).counts_by_perspective()
    return [
        MessageRow(label=PERSPECTIVE_LABELS[p], **counts[p])
        for p in PERSPECTIVES
        if p in counts
    ]
