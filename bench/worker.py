"""One measuring process: `python -m bench.worker --size small|full --out FILE`.

Runs with `bench.settings` on whichever database the environment names, migrates
it, builds the programme-scale data set at the given size unless it is already
there, measures, and writes the numbers as JSON for `bench.run`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import django

SIZES = {
    # The full programme: 150 areas, six years, two reviews a year, 15 answers.
    "full": {},
    # A fifth of the areas and a third of the years: enough to show growth.
    "small": {"areas": 30, "years": 2},
    # Ten times Big Local (a national fund's reuse): only the programme pages.
    "tenfold": {"areas": 1500},
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=sorted(SIZES), required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--counts-only", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()

    from django.core.management import call_command
    from django.db import connection

    from bench.measure import measure
    from bench.pages import PROGRAMME_PAGES
    from bench.timing import Settings
    from demo.scale import ScaleSize, build_scale_data, scale_present

    call_command("migrate", verbosity=0, interactive=False)
    if not scale_present():
        started = time.perf_counter()
        print(f"  building the {args.size} data set…", file=sys.stderr, flush=True)
        counts = build_scale_data(ScaleSize(**SIZES[args.size]))
        seconds = time.perf_counter() - started
        print(f"  built {counts} in {seconds:.0f} s", file=sys.stderr, flush=True)
    if connection.vendor == "postgresql":
        # Planner statistics as autovacuum keeps them in production; a data set
        # just built has none yet, and the plans chosen without them are not
        # the ones production would run (areas at 1,500: 170x /healthz without,
        # 90x with).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    settings = Settings(timed=not args.counts_only)
    if args.size != "full":
        settings.big_review = 0
    if args.size == "tenfold":
        settings.only = PROGRAMME_PAGES
    result = measure(settings)
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(result, out, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
