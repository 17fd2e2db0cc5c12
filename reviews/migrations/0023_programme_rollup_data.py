"""Fill the programme's rollup from the summaries stored before it existed.

The same figures `reviews.rollups.programme_figures` works out (this migration
keeps its own copy, as migrations import no app code): response counts by the
year a summarised review opened, divergence counts by statement key, and the
spread of "now" means at each area's latest summarised review, rounded half up
to tenths.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import migrations
from django.db.models import Count, F, Q, Sum, Window
from django.db.models.functions import RowNumber
from django.utils import timezone


def _tenths(mean):
    exact = Decimal(repr(round(mean, 6)))
    return int(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP).scaleb(1))


def _rates(ReviewSummary):
    rows = (
        ReviewSummary.objects.values_list("review__opens")
        .annotate(
            n=Count("pk"),
            invited=Sum("invited"),
            answered=Sum("invitations_answered"),
            code=Sum("through_code"),
            paper=Sum("on_paper"),
        )
        .order_by()
    )
    years = {}
    for day, *counts in rows:
        total = years.setdefault(day.year, [0] * len(counts))
        for i, count in enumerate(counts):
            total[i] += count
    return [[year, *counts] for year, counts in sorted(years.items())]


def _divergence(StatementSummary):
    rows = (
        StatementSummary.objects.values_list("key")
        .annotate(
            reviews=Count("pk"),
            gaps=Count("pk", filter=Q(gap_flagged=True)),
            disagreements=Count("pk", filter=Q(disagreement_flagged=True)),
        )
        .order_by("key")
    )
    return [list(row) for row in rows]


def _now(Review, StatementSummary):
    latest = (
        Review.objects.filter(summary__isnull=False)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("appointment__partnership__area"),
                order_by=(F("closes").desc(), F("pk").desc()),
            )
        )
        .filter(rank=1)
        .values("pk")
    )
    rows = StatementSummary.objects.filter(
        review__in=latest, now_mean__isnull=False
    ).values_list("key", "now_mean")
    counts = {}
    for key, mean in rows.iterator(chunk_size=5000):
        by_value = counts.setdefault(key, {})
        tenths = _tenths(mean)
        by_value[tenths] = by_value.get(tenths, 0) + 1
    return {
        key: [[tenths, n] for tenths, n in sorted(by_value.items())]
        for key, by_value in sorted(counts.items())
    }


def forwards(apps, schema_editor):
    Review = apps.get_model("reviews", "Review")
    ReviewSummary = apps.get_model("reviews", "ReviewSummary")
    StatementSummary = apps.get_model("reviews", "StatementSummary")
    ProgrammeRollup = apps.get_model("reviews", "ProgrammeRollup")
    figures = {
        "rates": _rates(ReviewSummary),
        "divergence": _divergence(StatementSummary),
        "now": _now(Review, StatementSummary),
    }
    ProgrammeRollup.objects.all().delete()
    ProgrammeRollup.objects.create(figures=figures, computed_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0022_programme_rollup"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
