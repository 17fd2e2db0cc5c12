"""Fill the new response counts of summaries stored before they existed.

Grouped counts per summarised review (live invitations answered, meeting-code
responses, paper responses), as `reviews.summaries` now stores them at close.
"""

from django.db import migrations
from django.db.models import Count, Q

COUNTED = Q(status="submitted", set_aside_at__isnull=True)


def forwards(apps, schema_editor):
    ReviewSummary = apps.get_model("reviews", "ReviewSummary")
    Response = apps.get_model("reviews", "Response")
    summarised = ReviewSummary.objects.values("review_id")
    rows = (
        Response.objects.filter(COUNTED, review_id__in=summarised)
        .values_list("review_id")
        .annotate(
            answered=Count(
                "invitation",
                distinct=True,
                filter=Q(invitation__isnull=False, invitation__revoked=False),
            ),
            code=Count("pk", filter=Q(invitation__isnull=True, via_meeting_code=True)),
            paper=Count(
                "pk", filter=Q(invitation__isnull=True, entered_at__isnull=False)
            ),
        )
        .order_by()
    )
    counts = {review_id: rest for review_id, *rest in rows}
    changed = []
    for summary in ReviewSummary.objects.only("pk", "review_id").iterator():
        answered, code, paper = counts.get(summary.review_id, (0, 0, 0))
        summary.invitations_answered = answered
        summary.through_code = code
        summary.on_paper = paper
        changed.append(summary)
    ReviewSummary.objects.bulk_update(
        changed, ["invitations_answered", "through_code", "on_paper"], batch_size=2000
    )


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0015_summary_response_counts"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
