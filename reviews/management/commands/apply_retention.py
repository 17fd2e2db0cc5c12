"""Remove what identifies people in reviews closed more than RETENTION_MONTHS ago
(for cron, daily): queues the retention task; --dry-run lists what it would remove
and removes nothing."""

from django.core.management.base import BaseCommand, CommandParser

from reviews import tasks
from reviews.actions.retention import remove_expired_identities


class Command(BaseCommand):
    help = (
        "Remove invitations, comments, message rows and people with no current "
        "role from reviews closed more than RETENTION_MONTHS ago; anonymous "
        "answers and summaries stay."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="list what would go; remove nothing"
        )

    def handle(self, *args, dry_run: bool, **options) -> None:
        if dry_run:
            for line in remove_expired_identities(dry_run=True).lines():
                self.stdout.write(line)
            return
        result = tasks.remove_expired_identities.enqueue()
        self.stdout.write(f"Queued the retention task ({result.id}).")
