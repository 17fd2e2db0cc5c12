"""What the rep sees of answers through a meeting code: counts by perspective,
and each submitted answer by its pseudonym, to set aside or count again.

Answers are never shown here, and no time: only the pseudonym the results pages
already use, so nothing on the review page links a name to a row of ratings.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from partnerships.models import Partnership
from reviews import analysis
from reviews.analysis import PERSPECTIVE_LABELS, PERSPECTIVES
from reviews.models import COUNTED, SET_ASIDE, Response, Review
from reviews.results.reading import read_review

# Places proposed beyond the partnership's members when a code is switched on:
# a workshop brings a few people not yet on the list.
CAP_MARGIN = 5


@dataclass(frozen=True)
class CodeCount:
    label: str
    started: int
    counted: int
    set_aside: int


@dataclass(frozen=True)
class CodeAnswer:
    response: Response
    label: str


def code_is_full(review: Review) -> bool:
    """The cap counts submitted answers and drafts being written, nothing else."""
    cap = review.meeting_code_cap
    return cap is not None and review.responses.holding_code_places().count() >= cap


def proposed_cap(partnership: Partnership) -> int:
    """The cap a rep is offered: the partnership's current members and a margin."""
    return partnership.memberships.current().count() + CAP_MARGIN


def code_counts(review: Review) -> list[CodeCount]:
    """Answers through the code by perspective, in one query."""
    rows = {
        perspective: (drafts, counted, aside)
        for perspective, drafts, counted, aside in review.responses.through_code()
        .values_list("perspective")
        .annotate(
            drafts=Count("id", filter=Q(status=Response.Status.DRAFT)),
            counted=Count("id", filter=COUNTED),
            aside=Count("id", filter=SET_ASIDE),
        )
        .order_by()
    }
    return [
        CodeCount(PERSPECTIVE_LABELS[p], *rows[p]) for p in PERSPECTIVES if p in rows
    ]


def code_answers(review: Review) -> tuple[list[CodeAnswer], list[CodeAnswer]]:
    """(counted, set aside) submitted answers through the code, by pseudonym.

    Counted answers carry the results pages' pseudonyms, in their order; a
    set-aside answer has none, so it is named by its perspective only.
    """
    data, _ = read_review(review)
    pseudonyms = analysis.individual_labels(data.responses)
    order = {
        r.id: (PERSPECTIVES.index(r.perspective), place)
        for place, r in enumerate(data.responses)
    }
    through = list(
        review.responses.through_code()
        .filter(COUNTED | SET_ASIDE)
        .order_by("pseudonym_key")
    )
    # The results pages name exactly the counted responses.
    counted = sorted(
        (CodeAnswer(r, pseudonyms[r.pk]) for r in through if r.pk in pseudonyms),
        key=lambda answer: order[answer.response.pk],
    )
    aside = [
        CodeAnswer(r, PERSPECTIVE_LABELS[r.perspective])
        for r in through
        if r.is_set_aside
    ]
    return counted, aside
