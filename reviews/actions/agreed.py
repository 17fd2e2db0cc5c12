"""Recording agreed actions and following them up: each change is audited.

An action's status changes only with a dated note (an `AgreedActionUpdate`), so
the next review can say what happened and when, not only where things stand.
"""

import datetime as dt
import uuid
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from reviews.actions.audit import record_event
from reviews.models import (
    AgreedAction,
    AgreedActionUpdate,
    AuditEvent,
    Review,
    Statement,
)

# How much of an action's wording the audit trail repeats.
AUDIT_WORDS = 120
# What the audit trail calls each part of an action.
FIELD_NAMES = {
    "what": "what was agreed",
    "lead": "who leads",
    "lead_other": "the other organisation",
    "due": "by when",
    "statements": "statements",
}


def _audit(action: AgreedAction, actor: User, kind: str, detail: str) -> None:
    record_event(
        review=action.review,
        actor=actor,
        action=kind,
        detail=f"{detail}: {action.what[:AUDIT_WORDS]}",
    )


@transaction.atomic
def record_action(
    *,
    review: Review,
    actor: User,
    what: str,
    lead: str,
    due: dt.date,
    lead_other: str = "",
    statements: Iterable[Statement] = (),
    note: str = "",
    form_key: uuid.UUID | None = None,
) -> AgreedAction:
    """Record an action agreed at the meeting. The same form sent twice (a
    double click, a resend after a lost reply) carries the same `form_key` and
    returns the action it recorded the first time."""
    if form_key is not None:
        recorded = AgreedAction.objects.filter(review=review, form_key=form_key)
        if first := recorded.first():
            return first
    try:
        with transaction.atomic():
            action = AgreedAction.objects.create(
                review=review,
                what=what,
                lead=lead,
                lead_other=lead_other if lead == AgreedAction.Lead.OTHER else "",
                due=due,
                created_by=actor,
                form_key=form_key,
            )
    except IntegrityError:
        # The other click of the pair got there first, between our look and
        # our insert.
        return AgreedAction.objects.get(review=review, form_key=form_key)
    action.statements.set(list(statements))
    AgreedActionUpdate.objects.create(
        action=action,
        status=action.status,
        note=note or "Agreed at the meeting.",
        by=actor,
    )
    _audit(action, actor, AuditEvent.Action.ACTION_RECORDED, "Recorded")
    return action


@transaction.atomic
def edit_action(
    *,
    action: AgreedAction,
    actor: User,
    what: str,
    lead: str,
    due: dt.date,
    lead_other: str = "",
    statements: Iterable[Statement] = (),
) -> list[str]:
    """Change what, who or when; returns the names of what changed (audited)."""
    values = {
        "what": what,
        "lead": lead,
        "lead_other": lead_other if lead == AgreedAction.Lead.OTHER else "",
        "due": due,
    }
    changed = [name for name, value in values.items() if getattr(action, name) != value]
    for name in changed:
        setattr(action, name, values[name])
    if changed:
        action.save(update_fields=changed)
    chosen = {s.pk for s in statements}
    if chosen != {s.pk for s in action.statements.all()}:
        action.statements.set(list(chosen))
        changed.append("statements")
    if changed:
        labels = ", ".join(FIELD_NAMES[n] for n in changed)
        _audit(action, actor, AuditEvent.Action.ACTION_EDITED, f"Changed {labels}")
    return changed


@transaction.atomic
def change_status(
    *, action: AgreedAction, actor: User, status: str, note: str
) -> AgreedActionUpdate:
    """Move an action on (or back), with a dated note saying why."""
    before = action.get_status_display()
    action.status = status
    action.save(update_fields=["status"])
    update = AgreedActionUpdate.objects.create(
        action=action, status=status, note=note, by=actor
    )
    after = action.get_status_display()
    _audit(action, actor, AuditEvent.Action.ACTION_STATUS, f"{before} to {after}")
    return update
