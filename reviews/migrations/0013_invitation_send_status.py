from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0012_agreed_actions"),
    ]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="send_kind",
            field=models.CharField(
                blank=True,
                choices=[
                    ("invitation", "Invitation"),
                    ("reminder", "Reminder"),
                    ("release", "Results released"),
                ],
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="invitation",
            name="send_status",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "Not emailed"),
                    ("queued", "Waiting to be sent"),
                    ("sent", "Sent"),
                    ("retrying", "Not sent yet: trying again"),
                    ("failed", "Could not be sent"),
                ],
                default="",
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="invitation",
            name="send_failures",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="invitation",
            name="release_sent_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
