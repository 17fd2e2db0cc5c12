"""Agreed actions on the demo's released reviews, with their dated status notes
and audit entries, so the results, partnership and My areas pages show them.

The showcase review gets three open actions; about a third of the other released
reviews get one to three, older ones mostly done or dropped by now.
"""

import datetime as dt
import random

from demo.dates import aware
from demo.reviews import SHOWCASE_OPENS
from reviews.models import (
    AgreedAction,
    AgreedActionUpdate,
    AuditEvent,
    Review,
    Statement,
)

Lead = AgreedAction.Lead
Status = AgreedAction.Status

# What was agreed, who leads, and the statement orders it concerns.
IDEAS: list[tuple[str, str, str, tuple[int, ...]]] = [
    (
        "Send the partnership a plain-English finance summary each quarter",
        Lead.LTO,
        "",
        (3,),
    ),
    ("Agree in writing who approves spending under £500", Lead.PARTNERSHIP, "", (2, 3)),
    (
        "Invite the LTO's finance officer to one partnership meeting a term",
        Lead.LTO,
        "",
        (1,),
    ),
    (
        "Ask the council's community team about a hall for the youth project",
        Lead.OTHER,
        "The district council",
        (),
    ),
    ("Run a half-day session on roles: partnership, LTO and rep", Lead.REP, "", (1, 2)),
    (
        "Check the workers' supervision arrangements with the LTO",
        Lead.PARTNERSHIP,
        "",
        (6,),
    ),
    (
        "Share the legacy options paper before the next meeting",
        Lead.LOCAL_TRUST,
        "",
        (10,),
    ),
    ("Find a mentor for the new chair", Lead.OTHER, "The local CVS", ()),
    ("Put the review's discussion points on the next agenda", Lead.PARTNERSHIP, "", ()),
]
NOTES = {
    Status.IN_PROGRESS: "Started; first meeting held.",
    Status.DONE: "Done and reported to the partnership.",
    Status.DROPPED: "No longer needed after the plan changed.",
}


def write_agreed_actions(rng: random.Random) -> int:
    """Record actions on released demo reviews; return how many."""
    statements = {(s.version_id, s.order): s for s in Statement.objects.all()}
    released = list(Review.objects.released().order_by("pk"))
    showcase = next((r for r in released if r.opens == SHOWCASE_OPENS), None)
    chosen = [r for r in released if r is showcase or rng.random() < 0.33]
    actions: list[AgreedAction] = []
    links: list[tuple[AgreedAction, list[Statement]]] = []
    for review in chosen:
        assert review.released_at is not None  # chosen from released reviews
        met = review.released_at.date() - dt.timedelta(days=3)
        count = 3 if review is showcase else rng.randint(1, 3)
        for what, lead, other, orders in rng.sample(IDEAS, count):
            due = met + dt.timedelta(days=rng.choice((30, 60, 90, 180)))
            action = AgreedAction(
                review=review,
                what=what,
                lead=lead,
                lead_other=other,
                due=due,
                status=_status(rng, review is showcase, due),
                created=aware(met, 20),
                created_by=review.created_by,
            )
            actions.append(action)
            links.append(
                (action, [statements[(review.framework_version_id, o)] for o in orders])
            )
    AgreedAction.objects.bulk_create(actions)
    through = AgreedAction.statements.through
    through.objects.bulk_create(
        through(agreedaction_id=a.pk, statement_id=s.pk) for a, ss in links for s in ss
    )
    AgreedActionUpdate.objects.bulk_create(_updates(actions))
    AuditEvent.objects.bulk_create(
        AuditEvent(
            review=a.review,
            actor=a.created_by,
            action=AuditEvent.Action.ACTION_RECORDED,
            detail=f"Recorded: {a.what}",
            at=a.created,
        )
        for a in actions
    )
    return len(actions)


def _status(rng: random.Random, showcase: bool, due: dt.date) -> str:
    if showcase:
        return rng.choice((Status.AGREED, Status.IN_PROGRESS))
    if due > dt.date(2026, 1, 1):
        return rng.choice((Status.AGREED, Status.IN_PROGRESS, Status.DONE))
    return rng.choices((Status.DONE, Status.DROPPED, Status.IN_PROGRESS), (6, 2, 1))[0]


def _updates(actions: list[AgreedAction]) -> list[AgreedActionUpdate]:
    updates = []
    for action in actions:
        updates.append(
            AgreedActionUpdate(
                action=action,
                status=Status.AGREED,
                note="Agreed at the meeting.",
                at=action.created,
                by=action.created_by,
            )
        )
        if action.status != Status.AGREED:
            updates.append(
                AgreedActionUpdate(
                    action=action,
                    status=action.status,
                    note=NOTES[Status(action.status)],
                    at=aware(action.due - dt.timedelta(days=7), 12),
                    by=action.created_by,
                )
            )
    return updates
