"""Queue the reps' daily or Local Trust staff's weekly digests (run from cron)."""

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from programme import tasks


class Command(BaseCommand):
    help = "Queue email digests: `daily` for reps, `weekly` for Local Trust staff."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("which", choices=["daily", "weekly"])

    def handle(self, *args: object, **options: str) -> None:
        today = timezone.localdate().isoformat()
        task = (
            tasks.send_daily_digests
            if options["which"] == "daily"
            else tasks.send_weekly_digests
        )
        result = task.enqueue(today)
        self.stdout.write(f"Queued the {options['which']} digests ({result.id}).")
