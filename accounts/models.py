"""A person's account settings beyond signing in: whether they get email digests.

Kept on a small row of its own in the accounts app, not on `partnerships.Person`:
digests go to people who sign in (reps and Local Trust staff), the choice is
theirs to make on their account page, and Person rows are programme data that
imports overwrite. No row means the default: digests on.
"""

from django.conf import settings
from django.db import models


class EmailPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="email_preference",
    )
    digests = models.BooleanField(
        "Email digests",
        default=True,
        help_text="A daily note for reps and a weekly one for Local Trust staff, "
        "only when there is something to do. Never any scores or names.",
    )

    def __str__(self) -> str:
        return f"Email preferences of {self.user}"


def wants_digests(user_ids: list[int]) -> set[int]:
    """Those of these users who have not turned digests off."""
    off = EmailPreference.objects.filter(user_id__in=user_ids, digests=False)
    return set(user_ids) - set(off.values_list("user_id", flat=True))
