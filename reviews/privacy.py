"""Data protection for one person: export everything held about them, or erase them.

Erasing keeps the programme's history honest without the person: their name and
contact details go, their login is unlinked, renamed and disabled, and their
responses stay only as a perspective, no longer tied to them through their
invitations. The audit trail names people by key, so every event about them,
before or after the erasure, now reads ERASED_NAME.
"""

from typing import Any

from django.db import transaction

from partnerships.models import Person
from reviews.models import (
    ERASED_NAME,
    ERASED_USERNAME_PREFIX,
    Answer,
    AuditEvent,
    Invitation,
    Response,
)


def _answer_row(answer: Answer) -> dict[str, Any]:
    return {
        "statement": answer.statement.key,
        **{
            column: answer.cell(column)
            for column in Answer.COLUMNS
            if answer.cell(column) is not None
        },
    }


def _dates(role: Any) -> dict[str, str | None]:
    return {
        "started": role.started.isoformat(),
        "ended": role.ended.isoformat() if role.ended else None,
    }


def _audit_rows(person: Person) -> list[dict[str, Any]]:
    events = AuditEvent.objects.about(person).for_display().order_by("at", "pk")
    return [
        {
            "at": e.at.isoformat(),
            "review": e.review.title,
            "action": e.get_action_display(),
            "detail": e.description,
            "by": e.actor_label,
            "by_this_person": person.user_id is not None
            and e.actor_id == person.user_id,
        }
        for e in events
    ]


def export_person(person: Person) -> dict[str, Any]:
    """Everything held about one person, as JSON-ready data (a subject access copy)."""
    invitations = (
        Invitation.objects.filter(person=person)
        .select_related("review")
        .order_by("created")
    )
    responses = (
        Response.objects.filter(invitation__person=person)
        .prefetch_related("answers__statement")
        .order_by("created")
    )
    return {
        "person": {
            "id": person.pk,
            "name": person.name,
            "email": person.email,
            "phone": person.phone,
            "username": person.user.get_username() if person.user else None,
        },
        "memberships": [
            {
                "partnership": m.partnership.name,
                "role": m.role,
                **_dates(m),
            }
            for m in person.memberships.select_related("partnership")
        ],
        "staff_roles": [
            {
                "organisation": s.organisation.name,
                "job_title": s.job_title,
                **_dates(s),
            }
            for s in person.staff_roles.select_related("organisation")
        ],
        "rep_assignments": [
            {
                "area": r.area.name,
                **_dates(r),
            }
            for r in person.rep_assignments.select_related("area")
        ],
        "invitations": [
            {
                "review": i.review.title,
                "perspective": i.perspective,
                "created": i.created.isoformat(),
                "expires": i.expires.isoformat(),
                "revoked": i.revoked,
                "first_used": i.first_used.isoformat() if i.first_used else None,
            }
            for i in invitations
        ],
        "responses": [
            {
                "review_id": r.review_id,
                "perspective": r.perspective,
                "status": r.status,
                "not_involved_at_start": r.not_involved_at_start,
                "comments": r.comments,
                "answers": [_answer_row(a) for a in r.answers.all()],
                # What the questionnaire autosaved and not yet continued with.
                "unsaved_draft": r.draft,
                "draft_saved_at": (
                    r.draft_saved_at.isoformat() if r.draft_saved_at else None
                ),
            }
            for r in responses
        ],
        "audit_events": _audit_rows(person),
    }


@transaction.atomic
def erase_person(*, person: Person) -> None:
    """Remove a person's identity; keep their answers only as a perspective."""
    Response.objects.filter(invitation__person=person).update(invitation=None)
    Invitation.objects.filter(person=person).update(person=None, revoked=True)
    user = person.user
    if user is not None:
        # The login stays as the actor of their audit events, so its name goes too.
        user.username = f"{ERASED_USERNAME_PREFIX}{user.pk}"
        user.is_active = False
        user.email = ""
        user.first_name = user.last_name = ""
        user.set_unusable_password()
        user.save()
    person.name = ERASED_NAME
    person.email = ""
    person.phone = ""
    person.user = None
    person.save()
