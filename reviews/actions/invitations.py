"""The rep's invitations: invite, resend, revoke, print links and remind.

Only a token's hash is stored, so a link can be sent (or printed) only when it is
minted; resending, reminding and printing therefore mint a fresh token, and the
person's older link stops working. Emails are queued as tasks (`reviews.tasks`)
after the rows are committed, each an `OutgoingMessage`: the task mints each
emailed link as it sends, so no page waits for the mail server and a failed send
is retried, then shown on the review page, never lost. Every change leaves an
AuditEvent.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from partnerships.models import Person
from reviews import outbox, tasks
from reviews.actions.workflow import WorkflowError, _record, link_expiry
from reviews.models import (
    PEOPLE_PLACEHOLDER,
    AuditEvent,
    Invitation,
    OutgoingMessage,
    Review,
)
from reviews.responding.tokens import new_token


@dataclass(frozen=True)
class Invitee:
    """Someone to invite: a known person, or a new one by name and email."""

    perspective: str
    person: Person | None = None
    name: str = ""
    email: str = ""
    # A new person's preferred language (a code from settings.LANGUAGES).
    language: str = ""


@dataclass
class SendResult:
    """`sent`: emails handed to the task queue; `not_sent`: no address, or a
    send that has already failed for good (only when tasks run at once);
    `skipped`: reminded within `REMINDER_MIN_HOURS`, so not reminded again."""

    sent: list[Invitation] = field(default_factory=list)
    not_sent: list[Invitation] = field(default_factory=list)
    skipped: list[Invitation] = field(default_factory=list)


def _mint(invitation: Invitation) -> str:
    token, digest = new_token()
    invitation.token_hash = digest
    return token


def _send(invitations: Sequence[Invitation], *, kind: str) -> SendResult:
    """Queue one batch of emails (one task, one connection); call after commit."""
    failed = tasks.queue_messages(invitations, kind)
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
                name=invitee.name,
                email=invitee.email,
                preferred_language=invitee.language,
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
    """Queue again every message of this review that could not be sent; a
    second click finds none left to send."""
    failed = outbox.send_again(OutgoingMessage.objects.of_live_invitations(review))
    if not failed:
        return SendResult()
    _record(
        review,
        actor,
        AuditEvent.Action.INVITED,
        f"Sent again {len(failed)} messages that could not be sent: "
        f"{PEOPLE_PLACEHOLDER}",
        people=[m.person for m in failed],
    )
    tasks.send_queued(failed)
    still = set(
        OutgoingMessage.objects.failed()
        .filter(pk__in=[m.pk for m in failed])
        .values_list("pk", flat=True)
    )
    return SendResult(
        sent=[m.invitation for m in failed if m.invitation and m.pk not in still],
        not_sent=[m.invitation for m in failed if m.invitation and m.pk in still],
    )


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
    return review.invitations.live().not_answered().select_related("person", "review")


def to_remind(review: Review) -> tuple[list[Invitation], list[Invitation]]:
    """Who a reminder would go to now, and who is skipped as reminded recently."""
    waiting = awaiting_reply(review).emailable().order_by("person__name", "pk")
    recent = {i.pk for i in waiting.reminded_recently()}
    rows = list(waiting)
    return (
        [i for i in rows if i.pk not in recent],
        [i for i in rows if i.pk in recent],
    )


def _claim_reminder(invitation: Invitation, now: dt.datetime) -> bool:
    """Stamp the reminder before it is queued, by a conditional UPDATE: of two
    clicks (or a click and cron) at once, only one claims each person."""
    claimed = (
        Invitation.objects.filter(pk=invitation.pk)
        .remindable(now)
        .update(reminded_at=now)
    )
    return bool(claimed)


def send_reminders(*, review: Review, actor: User | None) -> SendResult:
    """Remind everyone with an email address who has not submitted an answer and
    has not been reminded within `REMINDER_MIN_HOURS`."""
    if not review.is_open:
        raise WorkflowError("Reminders go only to open reviews.")
    candidates, skipped = to_remind(review)
    now = timezone.now()
    with transaction.atomic():
        claimed = [i for i in candidates if _claim_reminder(i, now)]
        skipped += [i for i in candidates if i not in claimed]
        _record(
            review,
            actor,
            AuditEvent.Action.REMINDED,
            f"Reminded {len(claimed)}: {PEOPLE_PLACEHOLDER}"
            if claimed
            else "Reminded 0",
            people=[i.person for i in claimed],
        )
    result = _send(claimed, kind=Invitation.Message.REMINDER)
    result.skipped = skipped
    return result
