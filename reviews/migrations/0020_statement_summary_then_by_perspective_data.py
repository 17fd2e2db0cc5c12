"""Fill the "at first" means of statement summaries stored before they existed.

The same figures `reviews.summaries` now stores at close: per statement and
perspective, the count and mean of the "at first" ratings of the review's counted
responses (submitted, not set aside). "Don't know" and "not relevant" are not
ratings, and someone not involved at the start gives no "at first" rating. One
grouped query for every summarised review.
"""

from django.db import migrations
from django.db.models import Count, Sum


def forwards(apps, schema_editor):
    Answer = apps.get_model("reviews", "Answer")
    ReviewSummary = apps.get_model("reviews", "ReviewSummary")
    StatementSummary = apps.get_model("reviews", "StatementSummary")
    rows = (
        Answer.objects.filter(
            response__review_id__in=ReviewSummary.objects.values("review_id"),
            response__status="submitted",
            response__set_aside_at__isnull=True,
            response__not_involved_at_start=False,
            then_rating__isnull=False,
        )
        .values_list("response__review_id", "statement_id", "response__perspective")
        .annotate(n=Count("pk"), total=Sum("then_rating"))
        .order_by()
    )
    means: dict[tuple[int, int], dict[str, dict]] = {}
    for review_id, statement_id, perspective, n, total in rows:
        means.setdefault((review_id, statement_id), {})[perspective] = {
            "n": n,
            "mean": round(total / n, 3),
        }
    # Read in full before writing: SQLite does not isolate a write from a cursor
    # still reading the same table.
    stored = list(
        StatementSummary.objects.values_list("pk", "review_id", "statement_id")
    )
    changed = [
        StatementSummary(pk=pk, then_by_perspective=means.get((review, statement), {}))
        for pk, review, statement in stored
    ]
    StatementSummary.objects.bulk_update(
        changed, ["then_by_perspective"], batch_size=2000
    )


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0019_statement_summary_then_by_perspective"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
