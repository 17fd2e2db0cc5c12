"""Restate the programme rollup's spread of "now" means as shares of each
review's own scale ("now_share"), so reviews on different scales never share a
summary as ratings (the same figure `reviews.rollups.now_spread` works out;
this migration keeps its own copy, as migrations import no app code).
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import migrations
from django.db.models import F, Window
from django.db.models.functions import RowNumber


def _tenths(share):
    exact = Decimal(repr(round(share, 6)))
    return int(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP).scaleb(1))


def _latest(Review):
    return (
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


def _now_share(Review, StatementSummary):
    latest = _latest(Review)
    rows = StatementSummary.objects.filter(
        review__in=latest, now_mean__isnull=False
    ).values_list(
        "key",
        "now_mean",
        "review__framework_version__scale_min",
        "review__framework_version__scale_max",
    )
    counts = {}
    for key, mean, low, high in rows.iterator(chunk_size=5000):
        by_value = counts.setdefault(key, {})
        tenths = _tenths((mean - low) * 100 / (high - low))
        by_value[tenths] = by_value.get(tenths, 0) + 1
    return {
        key: [[tenths, n] for tenths, n in sorted(by_value.items())]
        for key, by_value in sorted(counts.items())
    }


def _now_scales(Review, StatementSummary):
    latest = _latest(Review)
    rows = (
        StatementSummary.objects.filter(review__in=latest, now_mean__isnull=False)
        .values_list(
            "key",
            "review__framework_version__scale_min",
            "review__framework_version__scale_max",
        )
        .distinct()
        .order_by()
    )
    scales = {}
    for key, low, high in rows:
        scales.setdefault(key, set()).add((low, high))
    return {
        key: [f"{low}\u2013{high}" for low, high in sorted(found)]
        for key, found in sorted(scales.items())
    }


def forwards(apps, schema_editor):
    Review = apps.get_model("reviews", "Review")
    StatementSummary = apps.get_model("reviews", "StatementSummary")
    ProgrammeRollup = apps.get_model("reviews", "ProgrammeRollup")
    for rollup in ProgrammeRollup.objects.all():
        figures = dict(rollup.figures)
        figures.pop("now", None)
        figures["now_share"] = _now_share(Review, StatementSummary)
        figures["now_scales"] = _now_scales(Review, StatementSummary)
        rollup.figures = figures
        rollup.save(update_fields=["figures"])


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0027_remove_invitation_send_state"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
