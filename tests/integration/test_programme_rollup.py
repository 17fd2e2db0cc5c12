"""The programme's rolled-up figures: the overview shows what a straightforward
recomputation from the stored summaries gives, as reviews close, reopen and are
summarised again."""

import datetime as dt
import statistics
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from programme import schedule
from programme.overview import statement_labels
from reviews.actions.workflow import close_review, reopen_review
from reviews.analysis import Scale, half_up, share_of_scale
from reviews.models import ProgrammeRollup, Review, ReviewSummary, StatementSummary
from reviews.rollups import programme_figures, stored_figures
from tests.factories import (
    AppointmentFactory,
    ReviewFactory,
    bulk_responses,
    programme_staff_user,
)

pytestmark = pytest.mark.django_db
URL = reverse("programme:overview")
TODAY = timezone.localdate()


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def review(appointment, opened: int, closes: int, members, lto) -> Review:
    """An open review with answers: `members` and `lto` are rows of "now" cells."""
    made = ReviewFactory(
        appointment=appointment, opens=days_ago(opened), closes=days_ago(closes)
    )
    bulk_responses(made, "member", members)
    bulk_responses(made, "lto_staff", lto)
    return made


def programme() -> dict[str, Review]:
    """Three areas over three years: closed reviews, one open, means that round
    half up (5.25) and one area whose two reviews close the same day."""
    first, second, third = (AppointmentFactory() for _ in range(3))
    reviews = {
        "first-old": review(first, 800, 780, [[3] * 10] * 3, [[9] * 10]),
        "first-new": review(first, 60, 40, [[5] * 10] * 3 + [[6] * 10], [[7] * 10]),
        "second-old": review(second, 420, 400, [[8] * 10, [2] * 10, [9] * 10], []),
        "second-new": review(second, 30, 20, [[5] * 10] * 3 + [[6] * 10], []),
        "third-a": review(third, 30, 20, [[6] * 10] * 3, [[1] * 10]),
        "third-b": review(third, 30, 20, [[7] * 10] * 3, [[7] * 10]),
        "open": review(third, 5, -20, [[2] * 10] * 3, [[2] * 10]),
    }
    for name, made in reviews.items():
        if name != "open":
            close_review(review=made, actor=None)
    return reviews


def recomputed() -> dict:
    """The figures worked out plainly, row by row, from the stored summaries."""
    rates: dict[int, list[int]] = {}
    for s in ReviewSummary.objects.select_related("review"):
        counts = [1, s.invited, s.invitations_answered, s.through_code, s.on_paper]
        total = rates.setdefault(s.review.opens.year, [0] * 5)
        rates[s.review.opens.year] = [a + b for a, b in zip(total, counts, strict=True)]
    divergence: dict[str, list[int]] = {}
    for row in StatementSummary.objects.all():
        counts = divergence.setdefault(row.key, [0, 0, 0])
        counts[0] += 1
        counts[1] += row.gap_flagged
        counts[2] += row.disagreement_flagged
    latest: dict[int, Review] = {}
    for r in Review.objects.filter(summary__isnull=False).select_related(
        "appointment__partnership", "framework_version"
    ):
        area = r.appointment.partnership.area_id
        if area not in latest or (r.closes, r.pk) > (
            latest[area].closes,
            latest[area].pk,
        ):
            latest[area] = r
    now: dict[str, list[float]] = {}
    # Each as a share of its own review's scale, in percent.
    scales = {
        r.pk: Scale(r.framework_version.scale_min, r.framework_version.scale_max)
        for r in latest.values()
    }
    for row in StatementSummary.objects.filter(review__in=latest.values()):
        if row.now_mean is not None:
            share = share_of_scale(row.now_mean, scales[row.review_id])
            now.setdefault(row.key, []).append(float(half_up(share)))
    return {
        "rates": sorted((year, *counts) for year, counts in rates.items()),
        "divergence": sorted((key, *counts) for key, counts in divergence.items()),
        "now": {key: spread(values) for key, values in now.items()},
    }


def spread(values: list[float]) -> tuple:
    """How many values, and their lowest, quartiles and highest, worked out here."""
    ordered = sorted(values)
    if len(ordered) == 1:
        quartiles = ordered * 3
    else:
        quartiles = statistics.quantiles(ordered, n=4, method="inclusive")
    return (len(ordered), ordered[0], *quartiles, ordered[-1])


def shown(client) -> dict:
    """The same figures as the overview shows them."""
    context = client.get(URL).context
    chart = context["distribution"]
    now: dict[str, tuple] = {}
    labels = {label: key for key, (_, label) in statement_labels().items()}
    if chart is not None:
        trace = chart.figure["data"][0]
        areas = {label: int(cells[0]) for label, cells in chart.table.rows}
        fields = ("lowerfence", "q1", "median", "q3", "upperfence")
        for i, label in enumerate(trace["y"]):
            drawn = tuple(trace[field][i] for field in fields)
            now[labels[label]] = (areas[label], *drawn)
        # The table says what the chart draws, to one decimal place.
        for label, (_, scales, *figures) in chart.table.rows:
            assert scales == "1–10"  # the scale each figure was asked on
            drawn = now[labels[label]][1:]
            assert figures == [f"{half_up(v):.1f}%" for v in drawn]
    return {
        "rates": [
            (
                r.year,
                r.reviews,
                r.invited.whole,
                r.invited.part,
                r.through_code,
                r.on_paper,
            )
            for r in context["rates"]
        ],
        "divergence": sorted(
            (d.key, d.reviews, d.gaps.part, d.disagreements.part)
            for d in context["divergence"]
        ),
        "now": now,
    }


@pytest.fixture
def staff_client(client):
    client.force_login(programme_staff_user())
    return client


def test_the_overview_shows_the_recomputed_figures_once_reviews_close(staff_client):
    programme()

    expected = recomputed()

    assert shown(staff_client) == expected
    assert len(expected["rates"]) == 3
    assert expected["now"]["confidence-voice"][0] == 3  # areas
    # The second area's latest review: members at 5, 5, 5 and 6 give 5.25,
    # 47.2% of the way from 1 to 10 (4.25 / 9).
    assert 47.2 in expected["now"]["confidence-voice"]


def test_a_review_closing_later_moves_its_area_on_in_the_figures(staff_client):
    reviews = programme()
    before = shown(staff_client)
    late = review(reviews["first-new"].appointment, 10, 1, [[10] * 10] * 3, [[2] * 10])

    close_review(review=late, actor=None)

    after = shown(staff_client)
    assert after == recomputed()
    assert after != before
    assert 77.8 in after["now"]["confidence-voice"]  # (3 x 10 + 2) / 4 = 8.0


def test_reopening_and_summarising_again_keep_the_figures_true(staff_client):
    reviews = programme()
    latest = reviews["second-new"]
    rep = programme_staff_user()

    reopen_review(review=latest, actor=rep)

    assert shown(staff_client) == recomputed()
    # The area falls back to its earlier review: 8, 2 and 9 give 6.3, 59.3%.
    assert 59.3 in shown(staff_client)["now"]["confidence-voice"]

    latest.refresh_from_db()
    bulk_responses(latest, "member", [[1] * 10] * 2)
    close_review(review=latest, actor=None)

    assert shown(staff_client) == recomputed()
    assert 31.5 in shown(staff_client)["now"]["confidence-voice"]  # 23 / 6


def test_the_summarise_command_puts_lost_figures_back(staff_client):
    programme()
    expected = recomputed()
    ProgrammeRollup.objects.all().delete()
    assert shown(staff_client)["rates"] == []

    call_command("summarise_reviews")

    assert shown(staff_client) == expected


def test_the_data_migration_fills_the_rollup_from_summaries_stored_before(
    staff_client,
):
    programme()
    expected = programme_figures()
    ProgrammeRollup.objects.all().delete()
    for name in (
        "0023_programme_rollup_data",
        "0028_programme_rollup_now_as_share_of_scale",
    ):
        import_module(f"reviews.migrations.{name}").forwards(django_apps, None)

    assert stored_figures() == expected
    assert ProgrammeRollup.objects.count() == 1


def test_due_and_overdue_counts_agree_with_each_relationships_date(staff_client):
    reviews = programme()
    overridden = reviews["first-new"].appointment
    overridden.next_review_override = TODAY + dt.timedelta(days=10)
    overridden.next_review_reason = "The LTO asked to wait for its new worker."
    overridden.save()
    AppointmentFactory()  # never reviewed: due three months after it started
    user = programme_staff_user()
    states = [schedule.state_of(r.due, TODAY) for r in schedule.dated(user)]

    counts = schedule.counts_by_region(user, TODAY)

    assert sum(r.due for r in counts) == states.count("due") == 1
    assert sum(r.overdue for r in counts) == states.count("overdue") == 1
