"""Close every open review whose closing date has passed (for cron, daily)."""

from django.core.management.base import BaseCommand

from reviews.actions import workflow


class Command(BaseCommand):
    help = "Close open reviews whose closing date has passed."

    def handle(self, *args, **options) -> None:
        closed = workflow.close_due_reviews()
        for review in closed:
            self.stdout.write(f"Closed {review}")
        self.stdout.write(f"Closed {len(closed)} reviews.")
