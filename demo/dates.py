"""Dates for generated data: a seeded day in a range, and an aware time on a day."""

import datetime as dt
import random

from django.utils import timezone


def date_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A day from start to end inclusive; start itself when the range is empty."""
    if end <= start:
        return start
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def aware(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    """That day at that time in the site's time zone."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))
