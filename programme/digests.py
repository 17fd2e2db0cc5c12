"""What reps and Local Trust staff are told by email, and only when it matters.

A rep's daily digest covers the areas they represent now: answers since
yesterday, reviews closing within three days, reviews closed a fortnight or more
and not released, agreed actions due within a week or overdue, and relationships
due a review. Local Trust staff get a weekly digest of overdue relationships and
unreleased reviews across the programme. An empty digest is not sent, nor one to
anyone who turned digests off. Digests count and name reviews and places; they
never carry a score or a respondent's name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMessage
from django.db.models import Count, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import wants_digests
from partnerships.access import LOCAL_TRUST_STAFF
from partnerships.models import Appointment, Area, RepAssignment
from programme.schedule import schedule, state_of
from reviews.models import (
    AgreedAction,
    Response,
    Review,
    ReviewQuerySet,
    with_last_closed_review,
)

CLOSING_SOON_DAYS = 3
UNRELEASED_AFTER_DAYS = 14
ACTIONS_DUE_DAYS = 7


@dataclass
class Section:
    heading: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Digest:
    user: User
    subject: str
    sections: list[Section]

    @property
    def is_empty(self) -> bool:
        return not any(s.lines for s in self.sections)

    def message(self) -> EmailMessage:
        context = {
            "sections": [s for s in self.sections if s.lines],
            "site": settings.SITE_URL,
            "preferences": settings.SITE_URL + reverse("accounts:email-preferences"),
        }
        return EmailMessage(
            subject=self.subject,
            body=render_to_string("programme/email/digest.txt", context),
            to=[self.user.email],
        )


def _where(review: Review) -> str:
    appointment = review.appointment
    return f"{appointment.partnership} and {appointment.organisation}"


def _reviews(areas: QuerySet[Area]) -> ReviewQuerySet:
    return Review.objects.filter(appointment__partnership__area__in=areas)


def new_answers(reviews: ReviewQuerySet, since: dt.datetime) -> list[str]:
    counts = (
        Response.objects.counted()
        .filter(review__in=reviews, submitted_at__gte=since)
        .values("review")
        .annotate(n=Count("pk"))
    )
    by_review = {row["review"]: row["n"] for row in counts}
    rows = reviews.filter(pk__in=by_review).select_related(
        "appointment__partnership", "appointment__organisation"
    )
    return [
        f"{by_review[r.pk]} new answer{'s' if by_review[r.pk] != 1 else ''}: "
        f"{_where(r)} ({r.title})"
        for r in rows
    ]


def closing_soon(reviews: ReviewQuerySet, today: dt.date) -> list[str]:
    soon = today + dt.timedelta(days=CLOSING_SOON_DAYS)
    rows = (
        reviews.open()
        .filter(closes__gte=today, closes__lte=soon)
        .select_related("appointment__partnership", "appointment__organisation")
        .order_by("closes")
    )
    return [f"Closes {r.closes:%d %B}: {_where(r)} ({r.title})" for r in rows]


def waiting_release(reviews: ReviewQuerySet, today: dt.date) -> list[str]:
    long_ago = today - dt.timedelta(days=UNRELEASED_AFTER_DAYS)
    rows = (
        reviews.closed()
        .unreleased()
        .filter(closes__lte=long_ago)
        .select_related("appointment__partnership", "appointment__organisation")
        .order_by("closes")
    )
    return [
        f"Closed {r.closes:%d %B %Y}, not released: {_where(r)} ({r.title})"
        for r in rows
    ]


def actions_due(reviews: ReviewQuerySet, today: dt.date) -> list[str]:
    """Open agreed actions due within a week or overdue."""
    soon = today + dt.timedelta(days=ACTIONS_DUE_DAYS)
    rows = (
        AgreedAction.objects.still_open()
        .filter(review__in=reviews, due__lte=soon)
        .select_related(
            "review__appointment__partnership", "review__appointment__organisation"
        )
        .order_by("due", "pk")
    )
    lines = []
    for action in rows:
        when = "Overdue since" if action.due < today else "Due"
        lines.append(
            f"{when} {action.due:%d %B}: {_where(action.review)}, "
            f"agreed in {action.review.title}"
        )
    return lines


def relationships_due(areas: QuerySet[Area], today: dt.date) -> list[str]:
    appointments = with_last_closed_review(
        Appointment.objects.scheduled()
        .filter(partnership__area__in=areas)
        .select_related("partnership__area", "organisation")
    )
    lines = []
    for row in schedule(appointments):
        state = state_of(row.due, today)
        if state:
            label = "Overdue since" if state == "overdue" else "Review due"
            a = row.appointment
            lines.append(
                f"{label} {row.due:%d %B %Y}: {a.partnership} and {a.organisation}"
            )
    return lines


def rep_digest(user: User, today: dt.date) -> Digest:
    areas = Area.objects.filter(
        pk__in=RepAssignment.objects.current().of(user).values("area_id")
    )
    reviews = _reviews(areas)
    since = timezone.now() - dt.timedelta(days=1)
    sections = [
        Section("Answers since yesterday", new_answers(reviews, since)),
        Section("Closing within three days", closing_soon(reviews, today)),
        Section(
            "Closed two weeks or more, not released", waiting_release(reviews, today)
        ),
        Section("Agreed actions due this week or overdue", actions_due(reviews, today)),
        Section("Relationships due a review", relationships_due(areas, today)),
    ]
    return Digest(user, f"LTO Review: your areas on {today:%d %B}", sections)


def staff_digest(user: User, today: dt.date) -> Digest:
    areas = Area.objects.all()
    overdue = [
        line for line in relationships_due(areas, today) if line.startswith("Overdue")
    ]
    unreleased = (
        Review.objects.closed()
        .unreleased()
        .select_related("appointment__partnership", "appointment__organisation")
        .order_by("closes")
    )
    sections = [
        Section("Overdue relationships", overdue),
        Section(
            "Closed reviews not released",
            [
                f"Closed {r.closes:%d %B %Y}: {_where(r)} ({r.title})"
                for r in unreleased
            ],
        ),
    ]
    return Digest(user, f"LTO Review: the programme, week of {today:%d %B}", sections)


def _with_email(users: QuerySet[User]) -> list[User]:
    rows = list(users.filter(is_active=True).exclude(email="").distinct())
    wanted = wants_digests([u.pk for u in rows])
    return [u for u in rows if u.pk in wanted]


def daily_recipients() -> list[User]:
    """Reps with a current assignment, an address and digests on."""
    reps = RepAssignment.objects.current().values("person__user_id")
    return _with_email(User.objects.filter(pk__in=reps))


def weekly_recipients() -> list[User]:
    """Members of the Local Trust staff group, with an address and digests on."""
    return _with_email(User.objects.filter(Q(groups__name=LOCAL_TRUST_STAFF)))


def daily_digests(today: dt.date) -> list[Digest]:
    digests = (rep_digest(user, today) for user in daily_recipients())
    return [d for d in digests if not d.is_empty]


def weekly_digests(today: dt.date) -> list[Digest]:
    digests = (staff_digest(user, today) for user in weekly_recipients())
    return [d for d in digests if not d.is_empty]
