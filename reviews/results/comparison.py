"""Reviews of one partnership side by side: "Compare with another review of this
partnership", and an exit interview's "Since the start of this relationship".

Figures come from the stored statement summaries (the "now" average per
perspective), so a comparison costs a fixed number of queries. Statements line
up across framework versions by their stable key; a statement only one review
asked shows a dash on the other side. Every average is put on the common
footing, its share of its own review's scale (`reviews.analysis.scale`), with
the average on its own scale beside it. Where the reviews concern different
LTOs, LTO staff are never compared across the two organisations. With
`protect`, each side hides a small group exactly as its released results would,
by its own k.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.dateformat import format as date_format
from django.utils.translation import gettext

from reviews.analysis import (
    FOOTING_WORDS,
    PERSPECTIVE_LABELS,
    PERSPECTIVES,
    is_suppressed,
    one_decimal,
    share_of_scale,
    signed_one_decimal,
)
from reviews.models import Review, StatementSummary
from reviews.results.page_charts import DASH
from reviews.results.pages import RELEASE_PROTECTED
from reviews.results.reading import scale_of
from reviews.results.vocabulary import statement_words, word

LTO_STAFF = "lto_staff"


@dataclass(frozen=True)
class Cell:
    """One perspective's "now" average at one review, or why there is none."""

    mean: float | None = None
    share: float | None = None
    hidden: bool = False

    @property
    def text(self) -> str:
        if self.hidden:
            return gettext("Not shown (too few answered)")
        if self.mean is None or self.share is None:
            return DASH
        return f"{one_decimal(self.share)}% ({one_decimal(self.mean)})"


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    cells: tuple[Cell, ...]
    change: str
    # The label has no translation in the page's language.
    in_english: bool = False


@dataclass(frozen=True)
class Side:
    """A review as a column heading: "Regular review, March 2026 (Org; scale
    1–10)", its parts in the page's language and the organisation's name apart,
    as a name in no language."""

    when: str
    organisation: str
    scale: str

    def __str__(self) -> str:
        return f"{self.when} ({self.organisation}; {self.scale})"


@dataclass(frozen=True)
class PerspectiveTable:
    perspective: str
    label: str
    rows: tuple[Row, ...]
    # LTO staff of two organisations are never compared.
    across_ltos: bool


@dataclass(frozen=True)
class Comparison:
    reviews: tuple[Review, ...]
    tables: tuple[PerspectiveTable, ...]

    @property
    def lto_changed(self) -> bool:
        first, last = self.reviews[0].appointment, self.reviews[-1].appointment
        return first.organisation_id != last.organisation_id

    @property
    def footing(self) -> str:
        return word(FOOTING_WORDS)

    @property
    def headings(self) -> list[Side]:
        return [side(r) for r in self.reviews]


def side(review: Review) -> Side:
    return Side(
        when=gettext("{purpose}, {month}").format(
            purpose=word(review.get_purpose_display()),
            month=date_format(review.opens, "F Y"),
        ),
        organisation=review.appointment.organisation.name,
        scale=gettext("scale {scale}").format(scale=scale_of(review).label),
    )


def _change(first: Cell, last: Cell) -> str:
    if first.share is None or last.share is None:
        return DASH
    change = signed_one_decimal(last.share - first.share)
    return gettext("{change} points").format(change=change)


def _labels_in_language(labels: dict[str, str], version_id: int) -> set[str]:
    """Put each statement's short label in the active language, from the newest
    review's version; the keys of those left in English."""
    words = statement_words(version_id)
    if words is None:
        return set()
    english = set()
    for key in labels:
        label = words.get(key, ("", ""))[0]
        if label:
            labels[key] = label
        else:
            english.add(key)
    return english


def compare(reviews: Sequence[Review], *, protect: bool) -> Comparison:
    """The given reviews, oldest first, side by side per perspective and
    statement, with the change from the first to the last: one query."""
    ordered = sorted(reviews, key=lambda r: (r.opens, r.pk))
    position = {r.pk: i for i, r in enumerate(ordered)}
    scales = [scale_of(r) for r in ordered]
    rows = (
        StatementSummary.objects.filter(review__in=[r.pk for r in ordered])
        .select_related("statement")
        .order_by("review__opens", "review_id", "statement__order")
    )
    labels: dict[str, str] = {}
    order: dict[str, int] = {}
    cells: dict[str, dict[str, list[Cell]]] = {}
    for row in rows:
        # Rows arrive oldest first: the newest wording names the statement.
        labels[row.key] = row.statement.short_label
        order.setdefault(row.key, row.statement.order)
        i = position[row.review_id]
        for p, figures in row.now_by_perspective.items():
            by_side = cells.setdefault(p, {}).setdefault(
                row.key, [Cell()] * len(ordered)
            )
            k = ordered[i].min_group_size
            if protect and p in RELEASE_PROTECTED and is_suppressed(figures["n"], k):
                by_side[i] = Cell(hidden=True)
            else:
                mean = figures["mean"]
                by_side[i] = Cell(mean, share_of_scale(mean, scales[i]))
    keys = sorted(labels, key=lambda key: (order[key], key))
    in_english = _labels_in_language(labels, ordered[-1].framework_version_id)
    comparison = Comparison(tuple(ordered), ())
    across = comparison.lto_changed
    tables = []
    for p in PERSPECTIVES:
        if p not in cells:
            continue
        compared = not (across and p == LTO_STAFF)
        table_rows = tuple(
            Row(
                key,
                labels[key],
                tuple(sides),
                _change(sides[0], sides[-1]) if compared else DASH,
                key in in_english,
            )
            for key in keys
            for sides in [cells[p].get(key, [Cell()] * len(ordered))]
        )
        tables.append(
            PerspectiveTable(p, word(PERSPECTIVE_LABELS[p]), table_rows, not compared)
        )
    return Comparison(tuple(ordered), tuple(tables))


def comparable(review: Review, reviews_visible) -> list[Review]:
    """Other closed, summarised reviews of the same partnership, newest first,
    from `reviews_visible` (the reviews this person may see)."""
    return list(
        reviews_visible.filter(
            appointment__partnership_id=review.appointment.partnership_id,
            summary__isnull=False,
        )
        .exclude(pk=review.pk)
        .with_context()
        .order_by("-opens", "-pk")
    )


def since_start(review: Review, reviews_visible) -> list[Review]:
    """For a closed exit interview: the appointment's first closed review (its
    inception review where there is one), the most recent closed review before
    the exit, and the exit itself; empty for any other review or when the
    appointment has no earlier closed review."""
    if review.purpose != Review.Purpose.EXIT or not review.is_closed:
        return []
    earlier = list(
        reviews_visible.filter(
            appointment_id=review.appointment_id,
            summary__isnull=False,
            opens__lt=review.opens,
        )
        .with_context()
        .order_by("opens", "pk")
    )
    if not earlier:
        return []
    inception = [r for r in earlier if r.purpose == Review.Purpose.INCEPTION]
    first = inception[0] if inception else earlier[0]
    sides = [first, earlier[-1], review]
    return list({r.pk: r for r in sides}.values())
