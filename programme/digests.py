"""What reps and Local Trust staff are told by email, and only when it matters.

A rep's daily digest covers the areas they represent now, one line per thing to
act on, each with its link: answers since yesterday, reviews closing within
three days, reviews closed a fortnight or more and not released, messages that
could not be sent, agreed actions due within a week or overdue (named: what, for
which partnership, by when), and relationships due a review. Local Trust staff
get a weekly summary: how many relationships are due and overdue, reviews
unreleased and messages failed, the ten longest overdue with links, and one link
to the full overdue list. An empty digest is not sent, nor one to anyone who
turned digests off. Digests count and name reviews, places and agreed actions;
they never carry a score or a respondent's name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
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
from programme.schedule import dated, schedule, state_of
from reviews.models import (
    AgreedAction,
    OutgoingMessage,
    Response,
    Review,
    ReviewQuerySet,
    with_last_closed_review,
)

CLOSING_SOON_DAYS = 3
UNRELEASED_AFTER_DAYS = 14
ACTIONS_DUE_DAYS = 7
# The staff digest lists this many of the longest overdue, then links the rest.
MOST_OVERDUE = 10


def link(name: str, *args: object) -> str:
    return settings.SITE_URL + reverse(name, args=args)


@dataclass(frozen=True)
class Line:
    """One thing to act on, and where to act on it."""

    text: str
    url: str = ""


@dataclass
class Section:
    heading: str
    lines: list[Line] = field(default_factory=list)
    # After the lines: where to see them all, when they are a sample.
    more: Line | None = None


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
            "preferences": link("accounts:email-preferences"),
        }
        return EmailMessage(
            subject=self.subject,
            body=render_to_string("programme/email/digest.txt", context),
            to=[self.user.email],
        )


def _where(review: Review) -> str:
    appointment = review.appointment
    return f"{appointment.partnership} and {appointment.organisation}"


def _review_line(text: str, review: Review) -> Line:
    return Line(
        f"{text}: {_where(review)} ({review.title})",
        link("reviews:review-detail", review.pk),
    )


def _with_places(reviews: ReviewQuerySet) -> ReviewQuerySet:
    return reviews.select_related(
        "appointment__partnership", "appointment__organisation"
    )


def _reviews(areas: QuerySet[Area]) -> ReviewQuerySet:
    return Review.objects.filter(appointment__partnership__area__in=areas)


def new_answers(reviews: ReviewQuerySet, since: dt.datetime) -> list[Line]:
    counts = (
        Response.objects.counted()
        .filter(review__in=reviews, submitted_at__gte=since)
        .values("review")
        .annotate(n=Count("pk"))
    )
    by_review = {row["review"]: row["n"] for row in counts}
    rows = _with_places(reviews.filter(pk__in=by_review))
    return [
        _review_line(
            f"{by_review[r.pk]} new answer{'s' if by_review[r.pk] != 1 else ''}", r
        )
        for r in rows
    ]


def closing_soon(reviews: ReviewQuerySet, today: dt.date) -> list[Line]:
    soon = today + dt.timedelta(days=CLOSING_SOON_DAYS)
    rows = _with_places(
        reviews.open().filter(closes__gte=today, closes__lte=soon).order_by("closes")
    )
    return [_review_line(f"Closes {r.closes:%d %B}", r) for r in rows]


def unreleased(reviews: ReviewQuerySet, today: dt.date) -> ReviewQuerySet:
    """Closed a fortnight or more ago and not released."""
    long_ago = today - dt.timedelta(days=UNRELEASED_AFTER_DAYS)
    return reviews.closed().filter(closes__lte=long_ago).unreleased()


def waiting_release(reviews: ReviewQuerySet, today: dt.date) -> list[Line]:
    rows = _with_places(unreleased(reviews, today).order_by("closes"))
    return [_review_line(f"Closed {r.closes:%d %B %Y}, not released", r) for r in rows]


def failed_messages(reviews: ReviewQuerySet) -> list[Line]:
    """Reviews with messages that could not be sent: their page sends them again."""
    failed = (
        OutgoingMessage.objects.failed()
        .filter(review__in=reviews)
        .values("review")
        .annotate(n=Count("pk"))
    )
    by_review = {row["review"]: row["n"] for row in failed}
    rows = _with_places(reviews.filter(pk__in=by_review).order_by("pk"))
    return [
        _review_line(
            f"{by_review[r.pk]} message{'s' if by_review[r.pk] != 1 else ''} "
            "could not be sent",
            r,
        )
        for r in rows
    ]


def actions_due(reviews: ReviewQuerySet, today: dt.date) -> list[Line]:
    """Open agreed actions due within a week or overdue, each named."""
    soon = today + dt.timedelta(days=ACTIONS_DUE_DAYS)
    rows = (
        AgreedAction.objects.still_open()
        .filter(review__in=reviews, due__lte=soon)
        .select_related("review__appointment__partnership")
        .order_by("due", "pk")
    )
    lines = []
    for action in rows:
        when = "overdue since" if action.due < today else "due"
        partnership = action.review.appointment.partnership
        lines.append(
            Line(
                f"\u201c{action.what}\u201d for {partnership}, "
                f"{when} {action.due:%d %B %Y} (agreed in {action.review.title})",
                link("reviews:review-actions", action.review_id),
            )
        )
    return lines


def relationships_due(areas: QuerySet[Area], today: dt.date) -> list[Line]:
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
                Line(
                    f"{label} {row.due:%d %B %Y}: {a.partnership} and {a.organisation}",
                    link("reviews:review-open", a.pk),
                )
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
        Section("Messages that could not be sent", failed_messages(reviews)),
        Section("Agreed actions due this week or overdue", actions_due(reviews, today)),
        Section("Relationships due a review", relationships_due(areas, today)),
    ]
    return Digest(user, f"LTO Review: your areas on {today:%d %B}", sections)


def _counts(pairs: Iterable[tuple[int, str, str]]) -> list[Line]:
    """The summary's counts, as (n, noun, the rest); none at all when every
    count is nought."""
    pairs = list(pairs)
    if not any(n for n, _, _ in pairs):
        return []
    return [
        Line(f"{n} {noun}{'' if n == 1 else 's'} {rest}") for n, noun, rest in pairs
    ]


def staff_digest(user: User, today: dt.date) -> Digest:
    rows = dated(user)
    overdue = [r for r in rows if state_of(r.due, today) == "overdue"]
    due = [r for r in rows if state_of(r.due, today) == "due"]
    failed = (
        OutgoingMessage.objects.failed()
        .filter(review__isnull=False)
        .values("review")
        .distinct()
    )
    counts = _counts(
        [
            (len(overdue), "relationship", "overdue for review"),
            (len(due), "relationship", "due a review within a month"),
            (
                unreleased(Review.objects.all(), today).count(),
                "review",
                f"closed {UNRELEASED_AFTER_DAYS} days or more and not released",
            ),
            (failed.count(), "review", "with messages that could not be sent"),
        ]
    )
    most_overdue = [
        Line(
            f"Overdue since {r.due:%d %B %Y}: {r.area_name} and {r.organisation}",
            link("programme:area-detail", r.area_slug),
        )
        for r in overdue[:MOST_OVERDUE]
    ]
    sections = [
        Section("This week in numbers", counts),
        Section(
            f"The {len(most_overdue)} longest overdue",
            most_overdue,
            more=Line(
                f"All {len(overdue)} overdue relationships",
                link("programme:overdue"),
            )
            if len(overdue) > len(most_overdue)
            else None,
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
