"""`manage.py seed_demo`: load the fictional demo programme (demo/programme.py).

It ends with the demo logins whether it loaded anything or not, so `make run`
prints them once, on an empty database and on every run after.
"""

import sys
import time

from django.core.management.base import BaseCommand, CommandParser

from demo import programme
from demo.logins import print_logins
from partnerships.models import Area

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Load a fictional programme of areas, LTOs, people and reviews for demos."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seed",
            type=int,
            default=programme.DEFAULT_SEED,
            help="Random seed; the same seed always gives the same programme.",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Load only when the database has no areas at all (for `make run`).",
        )
        parser.add_argument(
            "--quiet", action="store_true", help="No progress bar or login table."
        )

    def handle(self, *args, seed: int, if_empty: bool, quiet: bool, **options) -> None:
        verbose = not quiet and options["verbosity"] > 0
        said = self.load(seed, if_empty, verbose)
        if verbose:
            self.stdout.write(said)
            print_logins(self.stdout)

    def load(self, seed: int, if_empty: bool, verbose: bool) -> str:
        """Load the demo unless there is data already; say what happened."""
        if if_empty and Area.objects.exists():
            return "Areas already exist; demo data not loaded."
        if programme.demo_present(seed):
            return "Demo data already present; nothing to do."
        started = time.monotonic()
        counts = programme.seed_demo(seed=seed, progress=self.bar if verbose else None)
        seconds = time.monotonic() - started
        made = ", ".join(f"{number:,} {name}" for name, number in counts.items())
        return self.style.SUCCESS(f"Demo data loaded in {seconds:.1f} s: {made}.")

    def bar(self, stage: str, fraction: float) -> None:
        filled = round(BAR_WIDTH * fraction)
        line = f"[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {fraction:4.0%} {stage}"
        # Redraw in place on a terminal; one line per stage in a log.
        if sys.stdout.isatty():
            self.stdout.write(f"\r{line:<60}", ending="\n" if fraction >= 1 else "")
        else:
            self.stdout.write(line)
        self.stdout.flush()
