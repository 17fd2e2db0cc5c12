"""The rep's writes: open a review, invite, remind, close, reopen and release.

Every change to a review leaves an AuditEvent. Only a token's hash is stored, so a
link can be sent (or printed) only when it is minted; resending, reminding and
printing therefore mint a fresh token, and the person's older link stops working.
Emails are queued as tasks (`reviews.tasks`) after the rows are committed: the
task mints each emailed link as it sends, so no page waits for the mail server
and a failed send is retried, then shown on the review page, never lost.
"""

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from partnerships.models import Appointment, Person
from reviews import tasks
from reviews.actions.audit import record_event
from reviews.models import (
    PEOPLE_PLACEHOLDER,
    AuditEvent,
    FrameworkVersion,
    Invitation,
    Perspective,
    Response,
    Review,
)
from reviews.summaries import forget_summary
from reviews.tokens import new_meeting_code, new_token

log = logging.getLogger(__name__)

# Links keep working after the closing date so respondents can see released
# results; reopening or moving the date moves this too.
LINK_LIFETIME_AFTER_CLOSE = dt.timedelta(days=90)
# A meeting code is for a workshop: a day by default, two weeks at most.
MEETING_CODE_MAX_DAYS = 14
REOPEN_EXTENSION = dt.timedelta(days=7)


class WorkflowError(ValueError):
    """A step that does not apply to the review in its current state."""


@dataclass(frozen=True)
class Invitee:
    """Someone to invite: a known person, or a new one by name and email."""

    perspective: str
    person: Person | None = None
    name: str = ""
    email: str = ""


@dataclass
class SendResult:
    """`sent`: emails handed to the task queue; `not_sent`: no address, or a
    send that has already failed for good (only when tasks run at once)."""

    sent: list[Invitation] = field(default_factory=list)
    not_sent: list[Invitation] = field(default_factory=list)


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


def _mint(invitation: Invitation) -> str:
    token, digest = new_token()
    invitation.token_hash = digest
    return token


def _send(invitations: Sequence[Invitation], *, kind: str) -> SendResult:
    """Queue one batch of emails (one task, one connection); call after commit."""
    failed = tasks.queue_messages([i.pk for i in invitations], kind)
    return SendResult(
        sent=[i for i in invitations if i.pk not in failed],
        not_sent=[i for i in invitations if i.pk in failed],
    )


def invite(*, review: Review, actor: User, invitees: Sequence[Invitee]) -> SendResult:
    """Invite people who hold no live invitation yet; email those with an address.

    People without an email address are invited too: their link comes from the
    printable invitation sheet.
    """
    if review.is_closed:
        raise WorkflowError("This review is closed: reopen it to invite people.")
    already = set(review.invitations.live().values_list("person_id", flat=True))
    # The person rides along, so nothing below reads the invitation's nullable FK.
    invited: list[tuple[Invitation, Person, str]] = []
    with transaction.atomic():
        for invitee in invitees:
            person = invitee.person or Person.objects.create(
                name=invitee.name, email=invitee.email
            )
            if person.pk in already:
                continue
            already.add(person.pk)
            invitation = Invitation(
                review=review,
                person=person,
                perspective=invitee.perspective,
                expires=link_expiry(review.closes),
            )
            token = _mint(invitation)
            invitation.save()
            invited.append((invitation, person, token))
        if invited:
            _record(
                review,
                actor,
                AuditEvent.Action.INVITED,
                f"Invited {len(invited)}: {PEOPLE_PLACEHOLDER}",
                people=[p for _, p, _ in invited],
            )
    # The token minted above is never sent: the task mints the emailed one.
    result = _send(
        [i for i, p, _ in invited if p.email], kind=Invitation.Message.INVITATION
    )
    result.not_sent += [i for i, p, _ in invited if not p.email]
    return result


@transaction.atomic
def revoke_invitation(*, invitation: Invitation, actor: User) -> None:
    invitation.revoked = True
    invitation.save(update_fields=["revoked"])
    _record(
        invitation.review,
        actor,
        AuditEvent.Action.REVOKED,
        f"Revoked the link for {PEOPLE_PLACEHOLDER}",
        people=[invitation.person],
    )


def resend_invitation(*, invitation: Invitation, actor: User) -> bool:
    """Email a fresh link; the old one stops working. False if it could not go."""
    if invitation.revoked or not invitation.person or not invitation.person.email:
        raise WorkflowError("Only live invitations with an email address can be sent.")
    _record(
        invitation.review,
        actor,
        AuditEvent.Action.INVITED,
        f"Sent a new link to {PEOPLE_PLACEHOLDER}",
        people=[invitation.person],
    )
    return bool(_send([invitation], kind=Invitation.Message.INVITATION).sent)


def resend_failed(*, review: Review, actor: User) -> SendResult:
    """Queue again every message of this review that could not be sent."""
    failed = list(
        review.invitations.live()
        .could_not_send()
        .exclude(person__email="")
        .select_related("person")
    )
    if not failed:
        return SendResult()
    _record(
        review,
        actor,
        AuditEvent.Action.INVITED,
        f"Sent again {len(failed)} messages that could not be sent: "
        f"{PEOPLE_PLACEHOLDER}",
        people=[i.person for i in failed],
    )
    result = SendResult()
    for kind in Invitation.Message.values:
        batch = [
            i for i in failed if (i.send_kind or Invitation.Message.INVITATION) == kind
        ]
        if batch:
            again = _send(batch, kind=kind)
            result.sent += again.sent
            result.not_sent += again.not_sent
    return result


def print_invitations(
    *, review: Review, actor: User, invitations: Sequence[Invitation]
) -> list[tuple[Invitation, str]]:
    """Fresh links for a printed sheet; each person's earlier link stops working."""
    pairs = []
    with transaction.atomic():
        for invitation in invitations:
            token = _mint(invitation)
            invitation.save(update_fields=["token_hash"])
            pairs.append((invitation, token))
        if pairs:
            _record(
                review,
                actor,
                AuditEvent.Action.INVITED,
                f"Printed new links for {len(pairs)}: {PEOPLE_PLACEHOLDER}",
                people=[i.person for i, _ in pairs],
            )
    return pairs


def awaiting_reply(review: Review):
    """Live invitations with no submitted response: the people to chase."""
    submitted = Response.objects.submitted().filter(invitation=OuterRef("pk"))
    return (
        review.invitations.live()
        .exclude(Exists(submitted))
        .select_related("person", "review")
    )


def send_reminders(*, review: Review, actor: User | None) -> SendResult:
    """Remind everyone with an email address who has not submitted an answer."""
    if not review.is_open:
        raise WorkflowError("Reminders go only to open reviews.")
    waiting = list(awaiting_reply(review).exclude(person__email=""))
    _record(
        review,
        actor,
        AuditEvent.Action.REMINDED,
        f"Reminded {len(waiting)}: {PEOPLE_PLACEHOLDER}" if waiting else "Reminded 0",
        people=[i.person for i in waiting],
    )
    return _send(waiting, kind=Invitation.Message.REMINDER)


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


def release_review(*, review: Review, actor: User) -> None:
    """Release the results and tell each invited person with an address, once."""
    if not review.is_closed:
        raise WorkflowError("Close the review before releasing its results.")
    now = timezone.now()
    with transaction.atomic():
        # A conditional update, so of two clicks at once only one releases.
        released = Review.objects.filter(
            pk=review.pk, status=Review.Status.CLOSED, released_at__isnull=True
        ).update(released_at=now)
        if not released:
            raise WorkflowError("These results are already released.")
        review.released_at = now
        _record(review, actor, AuditEvent.Action.RELEASED)
    to_tell = (
        review.invitations.live()
        .filter(release_sent_at__isnull=True)
        .exclude(person__email="")
        .exclude(person__isnull=True)
    )
    _send(list(to_tell), kind=Invitation.Message.RELEASE)


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
