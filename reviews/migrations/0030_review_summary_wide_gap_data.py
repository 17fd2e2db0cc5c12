"""Fill `ReviewSummary.wide_gap` for summaries stored before it existed.

From what each closed review's statement summaries already hold (each
perspective's "now" average and how many rated it), by the rule of
`reviews.analysis.attention` as it stood when this was written: two perspectives,
each rated by two or more people, whose averages differ by a third of the
review's scale or more. New summaries compute it from the full analysis.
"""

from itertools import combinations

from django.db import migrations

GAP_SHARE = 1 / 3
MIN_PEOPLE = 2


def _wide(by_perspective: dict, span: int) -> bool:
    rated = [g["mean"] for g in by_perspective.values() if g.get("n", 0) >= MIN_PEOPLE]
    return any(
        round(abs(a - b), 9) >= round(GAP_SHARE * span, 9)
        for a, b in combinations(rated, 2)
    )


def forwards(apps, schema_editor):
    ReviewSummary = apps.get_model("reviews", "ReviewSummary")
    StatementSummary = apps.get_model("reviews", "StatementSummary")
    spans = {
        review_id: high - low
        for review_id, low, high in ReviewSummary.objects.values_list(
            "review_id",
            "review__framework_version__scale_min",
            "review__framework_version__scale_max",
        )
    }
    wide = {
        review_id
        for review_id, by_perspective in StatementSummary.objects.values_list(
            "review_id", "now_by_perspective"
        ).iterator(chunk_size=5000)
        if _wide(by_perspective or {}, spans.get(review_id, 9))
    }
    wide_ids = sorted(wide)
    # In chunks: SQLite bounds the number of parameters in one statement.
    for start in range(0, len(wide_ids), 500):
        chunk = wide_ids[start : start + 500]
        ReviewSummary.objects.filter(review_id__in=chunk).update(wide_gap=True)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0029_review_summary_wide_gap"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
