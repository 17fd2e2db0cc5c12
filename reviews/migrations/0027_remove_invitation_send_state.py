from django.db import migrations


class Migration(migrations.Migration):
    """The invitation's own send state gave way to OutgoingMessage rows."""

    dependencies = [
        ("reviews", "0026_outgoing_message_from_invitation_state"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="invitation",
            name="send_failures",
        ),
        migrations.RemoveField(
            model_name="invitation",
            name="send_kind",
        ),
        migrations.RemoveField(
            model_name="invitation",
            name="send_status",
        ),
    ]
