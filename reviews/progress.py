"""How far a review has got, by perspective: counts only, never answers.

The rep's review page and the results pages both show it; who has answered is
never shown next to what they answered.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from reviews.analysis import PERSPECTIVE_LABELS, PERSPECTIVES
from reviews.models import COUNTED, Response, Review


@dataclass(frozen=True)
class ProgressRow:
    perspective: str
    label: str
    invited: int
    drafts: int
    submitted: int


def progress_by_perspective(review: Review) -> list[ProgressRow]:
    """Invited, started and submitted per perspective: two aggregate queries."""
    invited = dict(
        review.invitations.live()
        .values_list("perspective")
        .annotate(n=Count("id"))
        .order_by()
    )
    responses = {
        perspective: (drafts, submitted)
        for perspective, drafts, submitted in review.responses.values_list(
            "perspective"
        )
        .annotate(
            drafts=Count("id", filter=Q(status=Response.Status.DRAFT)),
            submitted=Count("id", filter=COUNTED),
        )
        .order_by()
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
