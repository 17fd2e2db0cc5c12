"""Load the programme-scale data set (150 areas, six years, ~27,000 responses)."""

from django.core.management.base import BaseCommand, CommandError

from demo.scale import ScaleDataExists, ScaleSize, build_scale_data


class Command(BaseCommand):
    help = "Build the programme-scale data set for benchmarks and query-count checks."

    def add_arguments(self, parser) -> None:
        defaults = ScaleSize()
        parser.add_argument("--areas", type=int, default=defaults.areas)
        parser.add_argument("--years", type=int, default=defaults.years)
        parser.add_argument(
            "--reviews-per-year", type=int, default=defaults.reviews_per_year
        )
        parser.add_argument("--responses", type=int, default=defaults.responses)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **options) -> None:
        size = ScaleSize(
            areas=options["areas"],
            years=options["years"],
            reviews_per_year=options["reviews_per_year"],
            responses=options["responses"],
        )

        def progress(stage: str, fraction: float) -> None:
            if options["verbosity"] > 1:
                self.stdout.write(f"{stage}: {fraction:.0%}")

        try:
            counts = build_scale_data(size, seed=options["seed"], progress=progress)
        except ScaleDataExists as error:
            raise CommandError(str(error)) from error
        summary = ", ".join(f"{value} {name}" for name, value in counts.items())
        self.stdout.write(f"Built the scale data set: {summary}.")
