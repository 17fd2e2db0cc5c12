"""The demo programme's reviews, with their answers written in bulk; the
invitations, responses and audit trail come from `demo.responses`.

History runs from 2019 to mid-2026 against fixed dates: mostly closed, many released.
A handful of reviews are open (and two are drafts) relative to today. The demo rep's
first area has an open review; their second a released one carrying every signal,
and an exit interview of the LTO it had before. Reviews opened from
`SECOND_VERSION_FROM` use version 2 of the framework: a copy of version 1 with one
statement reworded, its key kept, so change over time runs across both.
"""

import datetime as dt
import random

from django.utils import timezone

from demo.answers import SIGNALS, choose_signals
from demo.dates import aware, date_between
from demo.plan import Programme, Segment, current_main_segment
from demo.responses import Plan, ResponseWriter
from demo.rows import Progress, answer
from partnerships.models import Area
from reviews.actions.frameworks import copy_last_version
from reviews.models import (
    Answer,
    AuditEvent,
    FrameworkVersion,
    Invitation,
    Response,
    Review,
)
from reviews.responding.tokens import MEETING_CODE_ALPHABET, MEETING_CODE_LENGTH

HISTORY_START = dt.date(2019, 1, 1)
HISTORY_END = dt.date(2026, 6, 30)
# The released review the demo rep, member and LTO logins all see.
SHOWCASE_OPENS = dt.date(2026, 3, 2)
SHOWCASE_CLOSES = dt.date(2026, 3, 27)
SHOWCASE_RELEASED = dt.date(2026, 4, 8)
OPEN_REVIEWS = 8
DRAFT_REVIEWS = 2
ANSWER_BATCH = 5000
SECOND_VERSION_FROM = dt.date(2025, 9, 1)
# Version 2's one reworded statement: (key, new text).
REWORDED = (
    "governance-risk",
    "Provided clear, effective governance and management of risk",
)
Purpose = Review.Purpose


def second_version(first: FrameworkVersion) -> FrameworkVersion:
    """Version 2 of the framework: made from version 1 by the product's own copy,
    with one statement reworded (or the one already there)."""
    existing = first.framework.versions.filter(number=first.number + 1).first()
    if existing is not None:
        return existing
    version = copy_last_version(framework=first.framework)
    key, text = REWORDED
    version.statements.filter(key=key).update(text=text)
    return version


def write_reviews(programme: Programme, report: Progress) -> dict[str, int]:
    """Write every review with its responses and audit trail; return counts."""
    version = FrameworkVersion.objects.get(framework__slug="big-local", number=1)
    newer = second_version(version)
    statement_ids = {
        v.pk: list(v.statements.order_by("order").values_list("pk", flat=True))
        for v in (version, newer)
    }
    report("reviews", 0.3)
    plans = _history(programme, version) + _current(programme, version)
    for plan in plans:
        if plan.review.opens >= SECOND_VERSION_FROM:
            plan.review.framework_version = newer
    Review.objects.bulk_create([plan.review for plan in plans])
    report("responses", 0.4)
    writer = ResponseWriter(programme)
    for plan in plans:
        if plan.review.status != Review.Status.DRAFT:
            writer.respond(plan)
    Invitation.objects.bulk_create(writer.invitations)
    Response.objects.bulk_create(writer.responses)
    AuditEvent.objects.bulk_create(writer.events)
    rows = [
        answer(
            response.pk, statement_ids[response.review.framework_version_id][s], *cell
        )
        for response, cells in writer.answers
        for s, cell in enumerate(cells)
    ]
    for start in range(0, len(rows), ANSWER_BATCH):
        report("answers", 0.55 + 0.4 * start / len(rows))
        Answer.objects.bulk_create(rows[start : start + ANSWER_BATCH])
    return {
        "reviews": len(plans),
        "invitations": len(writer.invitations),
        "responses": len(writer.responses),
        "answers": len(rows),
    }


def _review(
    programme: Programme,
    version: FrameworkVersion,
    index: int,
    segment: Segment,
    purpose: str,
    opens: dt.date,
    closes: dt.date,
    **fields,
) -> Review:
    rng = programme.rng
    label = Purpose(purpose).label
    fields.setdefault(
        "asks_would_like", rng.random() < (0.7 if purpose == "legacy" else 0.2)
    )
    return Review(
        appointment=segment.row,
        framework_version=version,
        purpose=purpose,
        title=f"{label}, {opens:%B %Y}",
        opens=opens,
        closes=closes,
        min_group_size=rng.choices((3, 4, 5), (8, 1, 1))[0],
        created_by=programme.users.get("rep")
        if index in programme.demo_areas
        else None,
        **fields,
    )


def _history(programme: Programme, version: FrameworkVersion) -> list[Plan]:
    rng = programme.rng
    plans = []
    showcase = programme.demo_areas[1]
    for index, segments in enumerate(programme.segments):
        years = [year for year in range(2019, 2027) if index != showcase or year < 2026]
        count = rng.choices((0, 1, 2, 3, 4), (10, 25, 35, 20, 10))[0]
        for year in sorted(rng.sample(years, count)):
            plan = _historic_review(programme, version, index, segments, year)
            if plan is not None:
                plans.append(plan)
    segment = current_main_segment(programme.segments[showcase])
    assert segment is not None  # the demo areas keep an LTO (programme.py)
    review = _review(
        programme,
        version,
        showcase,
        segment,
        Purpose.REGULAR,
        SHOWCASE_OPENS,
        SHOWCASE_CLOSES,
        status=Review.Status.CLOSED,
        released_at=aware(SHOWCASE_RELEASED, 10),
        asks_would_like=True,
    )
    plans.append(Plan(review, showcase, segment, signals=set(SIGNALS)))
    plans += _exit_interview(programme, version, showcase)
    return plans


def _exit_interview(
    programme: Programme, version: FrameworkVersion, index: int
) -> list[Plan]:
    """The showcase area's first LTO: two regular reviews, then its exit
    interview a month before that appointment ended (programme.py ends it with
    a change of LTO), so its results open with the relationship since the start."""
    ended = programme.segments[index][0]
    assert ended.end is not None  # the showcase area always changed LTO
    plans = []
    for months_before, purpose in (
        (29, Purpose.REGULAR),
        (14, Purpose.REGULAR),
        (1, Purpose.EXIT),
    ):
        closes = ended.end - dt.timedelta(days=30 * months_before)
        review = _review(
            programme,
            version,
            index,
            ended,
            purpose,
            closes - dt.timedelta(days=28),
            closes,
            status=Review.Status.CLOSED,
            released_at=aware(closes + dt.timedelta(days=10), 10),
        )
        signals = choose_signals(programme.rng, purpose)
        plans.append(Plan(review, index, ended, signals=signals))
    return plans


def _historic_review(
    programme: Programme,
    version: FrameworkVersion,
    index: int,
    segments: list[Segment],
    year: int,
) -> Plan | None:
    rng = programme.rng
    first = max(dt.date(year, 1, 1), HISTORY_START)
    last = min(dt.date(year, 12, 31), HISTORY_END)
    duration = rng.randint(21, 42)

    def room(segment: Segment) -> int:
        return (min(last, segment.end or last) - max(first, segment.start)).days

    options = [s for s in segments if room(s) >= duration + 14]
    if not options:
        return None
    # Most reviews look at the fund holder rather than a second, employing LTO.
    main = [s for s in options if "fund_holding" in s.functions]
    segment = rng.choice(main if main and rng.random() < 0.85 else options)
    opens = date_between(
        rng,
        max(first, segment.start),
        min(last, segment.end or last) - dt.timedelta(days=duration),
    )
    closes = opens + dt.timedelta(days=duration)
    purpose = _purpose(rng, programme.areas[index], segment, opens)
    released = None
    if rng.random() < 0.6:
        released = aware(closes + dt.timedelta(days=rng.randint(5, 30)), 10)
    review = _review(
        programme,
        version,
        index,
        segment,
        purpose,
        opens,
        closes,
        status=Review.Status.CLOSED,
        released_at=released,
    )
    return Plan(
        review,
        index,
        segment,
        signals=choose_signals(rng, purpose),
        by_link=rng.random() < 0.65,
    )


def _purpose(rng: random.Random, area: Area, segment: Segment, opens: dt.date) -> str:
    if (opens - segment.start).days < 365 and rng.random() < 0.6:
        return Purpose.INCEPTION
    if (
        segment.end_reason in ("changed_lto", "own_lto")
        and segment.end is not None  # an end reason comes with an end date
        and (segment.end - opens).days < 400
    ):
        return rng.choice((Purpose.CHANGE_LTO, Purpose.CHANGE_LTO, Purpose.EXIT))
    late = area.phase in (Area.Phase.SPENDING_OUT, Area.Phase.COMPLETED)
    if late and opens.year >= 2024 and rng.random() < 0.4:
        return Purpose.LEGACY
    purposes = (
        Purpose.REGULAR,
        Purpose.FINANCE,
        Purpose.COMMUNICATION,
        Purpose.WORKERS,
        Purpose.MEDIATION,
    )
    return rng.choices(purposes, (50, 12, 10, 10, 10))[0]


def _current(programme: Programme, version: FrameworkVersion) -> list[Plan]:
    """Open and draft reviews, dated against today so they are always current."""
    rng = programme.rng
    today = programme.today
    open_area, showcase = programme.demo_areas[:2]
    candidates = [
        index
        for index, area in enumerate(programme.areas)
        if index not in (open_area, showcase)
        and area.phase != Area.Phase.COMPLETED
        and current_main_segment(programme.segments[index]) is not None
    ]
    chosen = rng.sample(candidates, OPEN_REVIEWS - 1 + DRAFT_REVIEWS)
    plans = []
    for position, index in enumerate([open_area, *chosen]):
        segment = current_main_segment(programme.segments[index])
        assert segment is not None  # chosen above, or a demo area that keeps an LTO
        purpose = rng.choice(
            (Purpose.REGULAR, Purpose.REGULAR, Purpose.LEGACY, Purpose.MEDIATION)
        )
        if position < OPEN_REVIEWS:
            opens = today - dt.timedelta(days=rng.randint(3, 20))
            fields: dict[str, object] = {"status": Review.Status.OPEN}
            if position == 0:
                code = "".join(
                    rng.choice(MEETING_CODE_ALPHABET)
                    for _ in range(MEETING_CODE_LENGTH)
                )
                fields.update(
                    meeting_code=code,
                    meeting_code_active=True,
                    meeting_code_perspectives=["member"],
                    meeting_code_expires=timezone.now() + dt.timedelta(days=1),
                )
        else:
            opens = today + dt.timedelta(days=rng.randint(7, 21))
            fields = {"status": Review.Status.DRAFT}
        closes = opens + dt.timedelta(days=rng.randint(21, 42))
        review = _review(
            programme, version, index, segment, purpose, opens, closes, **fields
        )
        signals = choose_signals(rng, purpose)
        plans.append(Plan(review, index, segment, signals=signals))
    return plans
