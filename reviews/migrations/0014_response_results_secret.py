from django.db import migrations, models
from django.db.models import Q


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0013_invitation_send_status"),
    ]

    operations = [
        migrations.AddField(
            model_name="response",
            name="results_secret_hash",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddConstraint(
            model_name="response",
            constraint=models.UniqueConstraint(
                condition=~Q(results_secret_hash=""),
                fields=("results_secret_hash",),
                name="response_unique_results_secret",
            ),
        ),
    ]
