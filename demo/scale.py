"""The programme-scale data set, for query-count tests and benchmarks.

By default 150 areas, six years, two reviews per area per year and 15 responses
each: about 1,800 reviews, 27,000 responses and 270,000 answers. Tests pass
smaller sizes. Rows are written with `bulk_create` a chunk of reviews at a time,
so memory stays flat, and closed reviews get their stored summaries from the
answers generated in memory rather than by reading them back.

Everything is fictional and prefixed "Scale" so it never mixes with the demo
programme. Invitation tokens are random like real ones, and thrown away: nobody
can answer these reviews.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from demo.dates import aware
from demo.rows import Progress, answer, no_progress, rating
from partnerships.models import (
    Appointment,
    Area,
    Organisation,
    Partnership,
    Person,
    Region,
    RepAssignment,
)
from reviews.analysis import NOW, THEN, Cell, ResponseData, StatementInfo
from reviews.models import (
    Answer,
    FrameworkVersion,
    Invitation,
    Response,
    Review,
    Statement,
)
from reviews.responding.tokens import new_token
from reviews.results.reading import ReviewData, analyse_review
from reviews.rollups import refresh_programme_rollup
from reviews.summaries import ResponseCounts, store_summaries, summary_rows

PREFIX = "scale"
CHUNK = 60
# Who answers a review of 15: mostly members, a few from the LTO, a worker, the rep.
MIX = ("lto_staff", "lto_staff", "worker", "rep")
ORGANISATION_KINDS = [k for k in Organisation.Kind.values if k != "own_body"]


@dataclass(frozen=True)
class ScaleSize:
    areas: int = 150
    years: int = 6
    reviews_per_year: int = 2
    responses: int = 15
    # Invitations beyond the responses, so response rates are below 100%.
    unanswered: int = 3


class ScaleDataExists(Exception):
    pass


def scale_present() -> bool:
    return Area.objects.filter(slug__startswith=f"{PREFIX}-area-").exists()


@dataclass
class _Profile:
    """How one area's respondents tend to rate, so gaps and disagreement occur."""

    base: list[float]
    lto_lift: list[float]
    member_spread: list[float]


def _profile(rng: random.Random, n: int) -> _Profile:
    return _Profile(
        base=[rng.uniform(3.5, 8.0) for _ in range(n)],
        lto_lift=[rng.choice((0.0, 0.0, 0.5, 1.0, 1.5, 3.0)) for _ in range(n)],
        member_spread=[rng.choice((0.9, 1.1, 1.3, 3.0)) for _ in range(n)],
    )


def _cells(
    rng: random.Random, profile: _Profile, perspective: str, i: int, drift: float
) -> tuple[Cell, Cell]:
    if rng.random() < 0.01:
        return "dont_know", "dont_know"
    lift = profile.lto_lift[i] if perspective == "lto_staff" else 0.0
    spread = profile.member_spread[i] if perspective == "member" else 0.7
    now = rating(rng.gauss(profile.base[i] + lift + drift, spread))
    then = rating(now - rng.choice((-1, 0, 1, 1, 2)))
    return then, now


def build_scale_data(
    size: ScaleSize = ScaleSize(),
    *,
    seed: int = 1,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write the data set; refuses to run twice. Returns counts of rows made."""
    if scale_present():
        raise ScaleDataExists("The scale data set is already loaded.")
    report = progress or no_progress
    rng = random.Random(seed)
    today = today or timezone.localdate()
    version = FrameworkVersion.objects.filter(framework__slug="big-local").latest(
        "number"
    )
    statements = list(Statement.objects.filter(version=version).order_by("order"))
    with transaction.atomic():
        report("areas", 0.0)
        appointments_by_area = _write_programme(rng, size, today)
        plans = _plan_reviews(rng, size, today, appointments_by_area, version)
        Review.objects.bulk_create(plans, batch_size=1000)
        counts = {"areas": size.areas, "reviews": len(plans)}
        counts.update(responses=0, answers=0)
        profiles = {
            area: _profile(rng, len(statements)) for area in appointments_by_area
        }
        for start in range(0, len(plans), CHUNK):
            report("responses", start / len(plans))
            chunk = plans[start : start + CHUNK]
            made = _write_chunk(rng, size, chunk, statements, profiles, today)
            counts["responses"] += made[0]
            counts["answers"] += made[1]
        refresh_programme_rollup()
    report("done", 1.0)
    return counts


def _write_programme(
    rng: random.Random, size: ScaleSize, today: dt.date
) -> dict[int, list[Appointment]]:
    """Areas, partnerships, organisations, reps and appointments."""
    regions = Region.values
    phases = Area.Phase.values
    areas = Area.objects.bulk_create(
        Area(
            name=f"Scale area {i:03d}",
            slug=f"{PREFIX}-area-{i:03d}",
            region=regions[i % len(regions)],
            local_authority=f"Scale borough {i % 40:02d}",
            phase=rng.choice(phases),
        )
        for i in range(1, size.areas + 1)
    )
    partnerships = Partnership.objects.bulk_create(
        Partnership(area=a, name=f"{a.name} partnership", formed=dt.date(2012, 6, 1))
        for a in areas
    )
    # About 130 organisations for 150 areas, as in the programme.
    org_count = max(2, round(size.areas * 0.87))
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Scale organisation {i:03d}",
            slug=f"{PREFIX}-organisation-{i:03d}",
            kind=ORGANISATION_KINDS[i % len(ORGANISATION_KINDS)],
        )
        for i in range(1, org_count + 1)
    )
    reps = Person.objects.bulk_create(
        Person(name=f"Scale rep {i:02d}") for i in range(1, size.areas // 5 + 2)
    )
    RepAssignment.objects.bulk_create(
        RepAssignment(person=reps[i // 5], area=a, started=dt.date(2014, 1, 1))
        for i, a in enumerate(areas)
    )
    start = today - dt.timedelta(days=365 * size.years + 60)
    middle = start + dt.timedelta(days=365 * size.years // 2)
    rows = []
    for i, p in enumerate(partnerships):
        first = Appointment(
            partnership=p,
            organisation=organisations[i % len(organisations)],
            functions=["fund_holding", "employing"],
            started=start,
        )
        rows.append(first)
        # Every fourth area changed LTO halfway through.
        if i % 4 == 0:
            first.ended, first.end_reason = middle, "changed_lto"
            rows.append(
                Appointment(
                    partnership=p,
                    organisation=organisations[(i + 7) % len(organisations)],
                    functions=["fund_holding"],
                    started=middle + dt.timedelta(days=1),
                )
            )
    Appointment.objects.bulk_create(rows)
    by_area: dict[int, list[Appointment]] = {}
    for appointment in rows:
        by_area.setdefault(appointment.partnership.area_id, []).append(appointment)
    return by_area


def _plan_reviews(
    rng: random.Random,
    size: ScaleSize,
    today: dt.date,
    appointments_by_area: dict[int, list[Appointment]],
    version: FrameworkVersion,
) -> list[Review]:
    plans = []
    step = 365 // size.reviews_per_year
    first = today - dt.timedelta(days=365 * size.years)
    for n, (area_id, appointments) in enumerate(appointments_by_area.items()):
        total = size.years * size.reviews_per_year
        for r in range(total):
            opens = first + dt.timedelta(days=r * step + rng.randint(0, 30))
            closes = opens + dt.timedelta(days=28)
            status, released = Review.Status.CLOSED, None
            if r == total - 1 and n % 5 == 0:
                # Some areas have a review under way now.
                opens, closes = today - dt.timedelta(days=20), today + dt.timedelta(14)
                status = Review.Status.OPEN
            elif closes >= today:
                closes = today - dt.timedelta(days=1)
                opens = min(opens, closes)
            if status == Review.Status.CLOSED and r % 3 != 2:
                released = aware(closes + dt.timedelta(days=7), 10)
            current = [a for a in appointments if a.started <= opens] or appointments
            plans.append(
                Review(
                    appointment=current[-1],
                    framework_version=version,
                    purpose=Review.Purpose.REGULAR if r else Review.Purpose.INCEPTION,
                    title=f"Scale review {area_id}-{r + 1}",
                    opens=opens,
                    closes=closes,
                    status=status,
                    released_at=released,
                )
            )
    return plans


def _write_chunk(
    rng: random.Random,
    size: ScaleSize,
    reviews: list[Review],
    statements: list[Statement],
    profiles: dict[int, _Profile],
    today: dt.date,
) -> tuple[int, int]:
    """Invitations, responses, answers and summaries for a few reviews."""
    now = timezone.now()
    expires = now + dt.timedelta(days=30)
    invitations, responses, answers = [], [], []
    cells: list[list[tuple[Cell, Cell]]] = []
    for review in reviews:
        answered = size.responses
        if review.status == Review.Status.OPEN:
            answered = max(1, size.responses // 5)
        perspectives = [
            MIX[i] if i < len(MIX) else "member"
            for i in range(answered + size.unanswered)
        ]
        mine = [
            Invitation(
                review=review, perspective=p, token_hash=new_token()[1], expires=expires
            )
            for p in perspectives
        ]
        invitations.extend(mine)
        profile = profiles[review.appointment.partnership.area_id]
        # A gentle drift upwards over the years, so change over time has a shape.
        years_in = size.years - (today - review.opens).days / 365
        for invitation in mine[:answered]:
            responses.append(
                Response(
                    review=review,
                    perspective=invitation.perspective,
                    invitation=invitation,
                    status=Response.Status.SUBMITTED,
                    submitted_at=now,
                )
            )
            cells.append(
                [
                    _cells(rng, profile, invitation.perspective, i, 0.1 * years_in)
                    for i in range(len(statements))
                ]
            )
    Invitation.objects.bulk_create(invitations, batch_size=2000)
    for response in responses:
        assert response.invitation is not None  # each was built from one above
        response.invitation_id = response.invitation.pk
    Response.objects.bulk_create(responses, batch_size=2000)
    for response, row in zip(responses, cells, strict=True):
        for statement, (then, now_cell) in zip(statements, row, strict=True):
            answers.append(answer(response.pk, statement.pk, then, now_cell))
    Answer.objects.bulk_create(answers, batch_size=5000)
    _summarise_chunk(reviews, statements, responses, cells, invitations)
    return len(responses), len(answers)


def _summarise_chunk(
    reviews: list[Review],
    statements: list[Statement],
    responses: list[Response],
    cells: list[list[tuple[Cell, Cell]]],
    invitations: list[Invitation],
) -> None:
    """What `summarise_review` would store at closing, from the data in hand."""
    infos = tuple(
        StatementInfo(s.key, s.short_label, s.text, s.capital, s.order)
        for s in statements
    )
    ids = {s.key: s.pk for s in statements}
    data: dict[int, list[ResponseData]] = {}
    for response, row in zip(responses, cells, strict=True):
        answers = {
            s.key: {THEN: then, NOW: now}
            for s, (then, now) in zip(statements, row, strict=True)
        }
        data.setdefault(response.review.pk, []).append(
            ResponseData(response.pk, response.perspective, answers)
        )
    invited: dict[int, int] = {}
    for invitation in invitations:
        invited[invitation.review.pk] = invited.get(invitation.review.pk, 0) + 1
    # Every scale response answers its own live invitation: none by code or paper.
    answered: dict[int, int] = {}
    for response in responses:
        answered[response.review.pk] = answered.get(response.review.pk, 0) + 1
    pairs = []
    for review in reviews:
        if review.status != Review.Status.CLOSED:
            continue
        review_data = ReviewData(
            infos, tuple(data.get(review.pk, ())), {}, frozenset(), frozenset()
        )
        result = analyse_review(review, review_data)
        pairs.append(
            summary_rows(
                review,
                result,
                counts=ResponseCounts(
                    invited=invited.get(review.pk, 0),
                    answered=answered.get(review.pk, 0),
                ),
                statement_ids=ids,
            )
        )
    # The programme's figures are refreshed once, after the last chunk.
    store_summaries(pairs, refresh=False)
