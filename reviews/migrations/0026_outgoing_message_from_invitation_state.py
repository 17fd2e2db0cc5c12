"""Carry each invitation's last send state into an OutgoingMessage row, so a
message that could not be sent (or was still waiting) stays visible."""

from django.db import migrations
from django.utils import timezone

# The invitation's old states, mapped to the message's; a "sent" one needs no row.
STATES = {"queued": "queued", "retrying": "queued", "failed": "failed"}


def forwards(apps, schema_editor):
    Invitation = apps.get_model("reviews", "Invitation")
    OutgoingMessage = apps.get_model("reviews", "OutgoingMessage")
    now = timezone.now()
    rows = Invitation.objects.filter(send_status__in=list(STATES)).values_list(
        "pk", "review_id", "person_id", "send_kind", "send_status", "send_failures"
    )
    OutgoingMessage.objects.bulk_create(
        OutgoingMessage(
            kind=kind or "invitation",
            status=STATES[status],
            review_id=review_id,
            invitation_id=pk,
            person_id=person_id,
            attempts=failures,
            next_try_at=now,
        )
        for pk, review_id, person_id, kind, status, failures in rows.iterator()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0025_outgoing_message"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
