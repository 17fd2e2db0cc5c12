"""Existing data under the new rules.

Each response gets its own random pseudonym key (adding the field gave every row
the same one); answers through a meeting code are marked as such; codes that were
on keep working for a day, for members, as a newly opened code would.
"""

import datetime as dt
import uuid

from django.db import migrations
from django.utils import timezone


def forwards(apps, schema_editor):
    Response = apps.get_model("reviews", "Response")
    Review = apps.get_model("reviews", "Review")
    for response in Response.objects.only("pk", "meeting_key").iterator():
        response.pseudonym_key = uuid.uuid4()
        response.via_meeting_code = bool(
            response.meeting_key
        ) and not response.meeting_key.startswith("paper:")
        response.save(update_fields=["pseudonym_key", "via_meeting_code"])
    Review.objects.filter(meeting_code_active=True).update(
        meeting_code_expires=timezone.now() + dt.timedelta(days=1),
        meeting_code_perspectives=["member"],
    )


class Migration(migrations.Migration):
    dependencies = [("reviews", "0009_meeting_code_rules_set_aside_pseudonym_key")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
