"""Remind people who have not answered open reviews closing soon (for cron, daily).

A review that sent reminders within the last `--every` days is left alone, so a
daily cron job never floods an inbox.
"""

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from reviews.actions import invitations
from reviews.models import Review


class Command(BaseCommand):
    help = "Email reminders to invited people who have not answered open reviews."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--within",
            type=int,
            default=3,
            help="Remind for reviews closing within this many days (default 3).",
        )
        parser.add_argument(
            "--every",
            type=int,
            default=7,
            help="Skip reviews that sent reminders in the last N days (default 7).",
        )

    def handle(self, *args, within: int, every: int, **options) -> None:
        today = timezone.localdate()
        recent = timezone.now() - dt.timedelta(days=every)
        due = (
            Review.objects.open()
            .filter(
                closes__gte=today,
                closes__lte=today + dt.timedelta(days=within),
            )
            .exclude(invitations__reminded_at__gte=recent)
        )
        total = 0
        for review in due.distinct():
            result = invitations.send_reminders(review=review, actor=None)
            total += len(result.sent)
        self.stdout.write(f"Sent {total} reminders.")
