"""The rep's writes to a review's life: open, edit, close, reopen and release.

Every change to a review leaves an AuditEvent. Inviting, reminding and printing
links live in `reviews.actions.invitations`.
"""

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from partnerships.models import Appointment, Person
from reviews import tasks
from reviews.actions.audit import record_event
from reviews.models import (
    AuditEvent,
    FrameworkVersion,
    Invitation,
    Perspective,
    Review,
)
from reviews.responding.tokens import new_meeting_code
from reviews.summaries import forget_summary

log = logging.getLogger(__name__)

# Links keep working after the closing date so respondents can see released
# results; reopening or moving the date moves this too.
LINK_LIFETIME_AFTER_CLOSE = dt.timedelta(days=90)
# A meeting code is for a workshop: a day by default, two weeks at most.
MEETING_CODE_MAX_DAYS = 14
REOPEN_EXTENSION = dt.timedelta(days=7)


class WorkflowError(ValueError):
    """A step that does not apply to the review in its current state."""


def link_expiry(closes: dt.date) -> dt.datetime:
    end_of_day = dt.datetime.combine(closes, dt.time.max)
    return timezone.make_aware(end_of_day) + LINK_LIFETIME_AFTER_CLOSE


def default_title(appointment: Appointment, purpose: str, opens: dt.date) -> str:
    label = Review.Purpose(purpose).label
    parties = f"{appointment.partnership} and {appointment.organisation}"
    return f"{label}: {parties}, {opens:%B %Y}"[:200]


def _record(
    review: Review,
    actor: User | None,
    action: str,
    detail: str = "",
    people: Iterable[Person | None] = (),
) -> None:
    record_event(
        review=review,
        actor=actor,
        action=action,
        detail=detail,
        people=[p for p in people if p is not None],
    )


def _assign_meeting_code(review: Review) -> None:
    """Give the review a fresh unique code; collisions are rare, so retry."""
    for _ in range(10):
        review.meeting_code = new_meeting_code()
        try:
            with transaction.atomic():
                review.save(update_fields=["meeting_code"])
            return
        except IntegrityError:
            continue
    raise WorkflowError("Could not make a unique meeting code; please try again.")


@dataclass(frozen=True)
class MeetingCodeSettings:
    """Who may answer through the code, for how long, and how many at most."""

    on: bool
    perspectives: Sequence[str] = (Perspective.MEMBER,)
    days: int = 1
    cap: int | None = None


def _set_meeting_code(review: Review, code: MeetingCodeSettings) -> bool:
    """Apply the code's settings; True if anything about the code changed.

    Saving with the code on restarts its clock: it works for `days` from now.
    """
    before = (
        review.meeting_code_active,
        list(review.meeting_code_perspectives),
        review.meeting_code_cap,
    )
    review.meeting_code_active = code.on
    if code.on:
        days = min(max(code.days, 1), MEETING_CODE_MAX_DAYS)
        review.meeting_code_perspectives = list(code.perspectives)
        review.meeting_code_cap = code.cap
        review.meeting_code_expires = timezone.now() + dt.timedelta(days=days)
    review.save(
        update_fields=[
            "meeting_code_active",
            "meeting_code_perspectives",
            "meeting_code_cap",
            "meeting_code_expires",
        ]
    )
    if code.on and not review.meeting_code:
        _assign_meeting_code(review)
    after = (code.on, list(review.meeting_code_perspectives), review.meeting_code_cap)
    return code.on or before != after


@transaction.atomic
def open_review(
    *,
    appointment: Appointment,
    actor: User,
    purpose: str,
    framework_version: FrameworkVersion,
    asks_would_like: bool,
    min_group_size: int,
    opens: dt.date,
    closes: dt.date,
    meeting_code_on: bool,
    meeting_code_perspectives: Sequence[str] = (Perspective.MEMBER,),
    meeting_code_days: int | None = None,
    meeting_code_cap: int | None = None,
    title: str = "",
) -> Review:
    review = Review.objects.create(
        appointment=appointment,
        framework_version=framework_version,
        purpose=purpose,
        title=title or default_title(appointment, purpose, opens),
        asks_would_like=asks_would_like,
        min_group_size=min_group_size,
        opens=opens,
        closes=closes,
        status=Review.Status.OPEN,
        created_by=actor,
    )
    code = MeetingCodeSettings(
        meeting_code_on,
        meeting_code_perspectives,
        meeting_code_days or 1,
        meeting_code_cap,
    )
    _set_meeting_code(review, code)
    _record(review, actor, AuditEvent.Action.OPENED, review.title)
    return review


@transaction.atomic
def update_review(
    *,
    review: Review,
    actor: User,
    meeting_code_on: bool,
    meeting_code_perspectives: Sequence[str] = (Perspective.MEMBER,),
    meeting_code_days: int | None = None,
    meeting_code_cap: int | None = None,
    **values: object,
) -> Review:
    """Change a review's settings; links follow a moved closing date."""
    if review.is_released:
        raise WorkflowError("Released reviews can no longer be changed.")
    changed = [name for name, value in values.items() if getattr(review, name) != value]
    for name in changed:
        setattr(review, name, values[name])
    review.save()
    if "closes" in changed:
        review.invitations.update(expires=link_expiry(review.closes))
    code = MeetingCodeSettings(
        meeting_code_on,
        meeting_code_perspectives,
        meeting_code_days or 1,
        meeting_code_cap,
    )
    if _set_meeting_code(review, code):
        changed.append("meeting code")
    if changed:
        labels = [name.replace("_", " ") for name in changed]
        _record(review, actor, AuditEvent.Action.EDITED, "Changed " + ", ".join(labels))
    return review


def close_review(
    *, review: Review, actor: User | None, detail: str = "Closed by hand"
) -> None:
    if not review.can_close:
        raise WorkflowError("This review is already closed.")
    with transaction.atomic():
        review.status = Review.Status.CLOSED
        review.save(update_fields=["status"])
        _record(review, actor, AuditEvent.Action.CLOSED, detail)
    # Stored once, off the request, so the directory and programme pages never
    # re-analyse; `summarise_reviews` fills in any the queue has not reached.
    tasks.summarise.enqueue(review.pk)


@transaction.atomic
def reopen_review(*, review: Review, actor: User) -> None:
    """Open a closed review again; a past closing date moves a week ahead."""
    if not review.is_closed:
        raise WorkflowError("Only a closed review can be reopened.")
    if not review.can_reopen:
        raise WorkflowError("Released results cannot be reopened.")
    review.status = Review.Status.OPEN
    detail = "Reopened"
    today = timezone.localdate()
    if review.closes < today:
        review.closes = today + REOPEN_EXTENSION
        review.invitations.update(expires=link_expiry(review.closes))
        detail = f"Reopened until {review.closes:%d %B %Y}"
    review.save(update_fields=["status", "closes"])
    forget_summary(review)
    _record(review, actor, AuditEvent.Action.REOPENED, detail)


def release_review(
    *, review: Review, actor: User, tell_not_answered: bool = False
) -> None:
    """Release the results and tell the people who answered, once each.

    People invited who never answered hear nothing unless the rep chose to send
    them their own, different message (`tell_not_answered`).
    """
    if not review.is_closed:
        raise WorkflowError("Close the review before releasing its results.")
    now = timezone.now()
    with transaction.atomic():
        # A conditional update, so of two clicks at once only one releases.
        released = (
            Review.objects.closed()
            .unreleased()
            .filter(pk=review.pk)
            .update(released_at=now)
        )
        if not released:
            raise WorkflowError("These results are already released.")
        review.released_at = now
        _record(review, actor, AuditEvent.Action.RELEASED)
    untold = review.invitations.release_untold()
    # One batch per message, queued after commit, as `invitations` sends its emails.
    tasks.queue_messages(list(untold.answered()), Invitation.Message.RELEASE)
    if tell_not_answered:
        tasks.queue_messages(
            list(untold.not_answered()), Invitation.Message.RELEASE_NOT_ANSWERED
        )


@transaction.atomic
def withdraw_release(*, review: Review, actor: User) -> None:
    """Hide released results again until the rep releases them once more."""
    if not review.can_withdraw:
        raise WorkflowError("These results are not released.")
    review.released_at = None
    review.save(update_fields=["released_at"])
    _record(review, actor, AuditEvent.Action.WITHDRAWN)


def close_due_reviews(*, today: dt.date | None = None) -> list[Review]:
    """Close every open review whose closing date has passed (run daily by cron)."""
    today = today or timezone.localdate()
    due = list(Review.objects.open().filter(closes__lt=today))
    for review in due:
        close_review(
            review=review, actor=None, detail="Closed automatically at the closing date"
        )
    return due
