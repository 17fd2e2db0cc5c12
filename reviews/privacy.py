"""Data protection for one person: export everything held about them, or erase them.

Erasing keeps the programme's history honest without the person: their name and
contact details go, their login is unlinked, renamed and disabled, and their
responses stay only as a perspective, no longer tied to them through their
invitations, with the text of their comments replaced by REMOVED_COMMENT. The
audit trail names people by key, so every event about them, before or after the
erasure, now reads ERASED_NAME. What else held their name or login goes too: the
login's throttling records (django-axes) and second-factor devices, the admin's
history lines about them, finished task results that mention them, and rows of
any model that hangs off them or their invitations (`rows_that_go_with`).
"""

from collections.abc import Iterator
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django_otp.plugins.otp_static.models import (  # type: ignore[import-untyped]
    StaticDevice,
)
from django_otp.plugins.otp_totp.models import TOTPDevice  # type: ignore[import-untyped]
from django_tasks_db.models import DBTaskResult

from partnerships.models import Membership, Person, RepAssignment, StaffRole
from reviews.models import (
    ERASED_NAME,
    ERASED_USERNAME_PREFIX,
    Answer,
    AuditEvent,
    Invitation,
    Response,
)

REMOVED_COMMENT = "[removed at the person's request]"

# A person's dated roles stay when they are erased: they say who held a role
# when, and once the person is ERASED_NAME they name nobody.
KEPT_WITH_PERSON: tuple[type[models.Model], ...] = (
    Membership,
    StaffRole,
    RepAssignment,
)
# Rows that name a person, to delete when they are erased, beyond those found by
# their foreign key (below): (model label, lookup from that model to the Person).
# A password reset's outgoing message names the login, not the person.
ERASED_WITH_PERSON: list[tuple[str, str]] = [
    ("reviews.OutgoingMessage", "user__person")
]


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


def rows_that_go_with(person: Person) -> Iterator[models.QuerySet]:
    """Rows of any model that hang off the person or their invitations by a
    cascading foreign key (an outgoing message, say), or are listed in
    ERASED_WITH_PERSON: deleted when the person is erased. Dated roles stay."""
    invitations = Invitation.objects.filter(person=person)
    for model in apps.get_models():
        if model in KEPT_WITH_PERSON:
            continue
        for field in model._meta.concrete_fields:
            remote = field.remote_field
            if remote is None or getattr(remote, "on_delete", None) is not (
                models.CASCADE
            ):
                continue
            if field.related_model is Person:
                yield model._default_manager.filter(**{field.name: person})
            elif field.related_model is Invitation:
                yield model._default_manager.filter(
                    **{f"{field.name}__in": invitations}
                )
    for label, lookup in ERASED_WITH_PERSON:
        if apps.is_installed(label.split(".")[0]):
            model = apps.get_model(label)
            yield model._default_manager.filter(**{lookup: person})


def _forget_login(user: User) -> None:
    """The login's name, throttling records, devices and sign-in history go; the
    row stays as the actor of their audit events, under a name that is no one's."""
    names = {user.username, user.email} - {""}
    for record in (AccessAttempt, AccessLog, AccessFailureLog):
        record.objects.filter(username__in=names).delete()
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    user.username = f"{ERASED_USERNAME_PREFIX}{user.pk}"
    user.is_active = False
    user.email = ""
    user.first_name = user.last_name = ""
    user.set_unusable_password()
    user.save()


def _forget_in_task_results(words: set[str]) -> None:
    """Finished tasks whose result or error text mentions them (a mail server's
    refusal names the address) are deleted; queued work is left to run."""
    mentions = Q()
    for word in words:
        mentions |= Q(traceback__icontains=word) | Q(return_value__icontains=word)
    DBTaskResult.objects.filter(mentions, finished_at__isnull=False).delete()


def _rename_in_admin_history(objects: list[models.Model]) -> None:
    """The admin's history lines name each object as it was: name it as it is."""
    for obj in objects:
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
        ).update(object_repr=str(obj)[:200])


@transaction.atomic
def erase_person(*, person: Person) -> None:
    """Remove a person's identity; keep their answers only as a perspective."""
    words = {person.name, person.email} - {""}
    for rows in rows_that_go_with(person):
        rows.delete()
    responses = Response.objects.filter(invitation__person=person)
    # Drafts may hold a comment too; `updated` moves so no cached page keeps it.
    responses.exclude(comments="").update(
        comments=REMOVED_COMMENT, updated=timezone.now()
    )
    responses.update(invitation=None, draft=None, draft_saved_at=None)
    Invitation.objects.filter(person=person).update(person=None, revoked=True)
    user = person.user
    if user is not None:
        words |= {user.username, user.email} - {""}
        _forget_login(user)
    person.name = ERASED_NAME
    person.email = ""
    person.phone = ""
    person.user = None
    person.save()
    _forget_in_task_results(words)
    _rename_in_admin_history(
        [
            person,
            *([user] if user is not None else []),
            *person.memberships.all(),
            *person.staff_roles.all(),
            *person.rep_assignments.all(),
        ]
    )
