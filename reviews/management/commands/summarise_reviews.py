"""Compute stored summaries for every closed review that lacks one."""

from django.core.management.base import BaseCommand

from reviews.summaries import summarise_reviews


class Command(BaseCommand):
    help = "Summarise closed reviews that have no stored summary yet."

    def handle(self, *args, **options) -> None:
        count = summarise_reviews()
        self.stdout.write(f"Summarised {count} reviews.")
