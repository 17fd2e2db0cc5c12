"""How often a relationship is reviewed: the programme-wide cadence and the date
arithmetic behind every "next review" date.

A regular review falls due `REVIEW_CADENCE_MONTHS` (default 12) after the last
closed review of the appointment; an appointment never reviewed is due its
inception review `INCEPTION_REVIEW_MONTHS` (default 3) after it started. A rep's
override, with its reason, wins over both. Plain Python, so the rules are tested
without a database.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Cadence:
    regular_months: int = 12
    inception_months: int = 3


def programme_cadence() -> Cadence:
    """The cadence from the settings, with Big Local's defaults."""
    return Cadence(
        regular_months=getattr(settings, "REVIEW_CADENCE_MONTHS", 12),
        inception_months=getattr(settings, "INCEPTION_REVIEW_MONTHS", 3),
    )


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def next_review_date(
    *,
    started: dt.date,
    last_closed: dt.date | None,
    override: dt.date | None,
    cadence: Cadence,
) -> dt.date:
    if override is not None:
        return override
    if last_closed is None:
        return add_months(started, cadence.inception_months)
    return add_months(last_closed, cadence.regular_months)
