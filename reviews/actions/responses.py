"""Writes for respondents: opening a response, saving answers, submitting.

Every write locks the response row first (`select_for_update`), so two tabs,
two devices or a double click are applied one after the other; the database's
one-response-per-invitation and one-answer-per-statement constraints stand
behind that.
"""

import secrets
from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.utils import timezone

from reviews.models import Answer, AuditEvent, Invitation, Response, Review

AnswerValues = Mapping[int, Mapping[str, str]]


def open_invited_response(*, invitation: Invitation) -> Response:
    """The invitation's one response, created on first use of its link."""
    try:
        with transaction.atomic():
            response, created = Response.objects.get_or_create(
                invitation=invitation,
                defaults={
                    "review": invitation.review,
                    "perspective": invitation.perspective,
                },
            )
    except IntegrityError:
        # Another request created it between our read and our insert.
        response = Response.objects.get(invitation=invitation)
    if invitation.first_used is None:
        Invitation.objects.filter(pk=invitation.pk, first_used__isnull=True).update(
            first_used=timezone.now()
        )
    return response


def start_meeting_response(*, review: Review, perspective: str) -> Response:
    """A fresh response for one browser at a workshop."""
    return Response.objects.create(
        review=review, perspective=perspective, meeting_key=secrets.token_urlsafe(24)
    )


def _write_answers(
    response: Response, answers: AnswerValues, not_involved: bool, comments: str
) -> None:
    response.answers.all().delete()
    rows = []
    for statement_id, cells in answers.items():
        fields: dict[str, object] = {}
        for column, value in cells.items():
            if value.isdigit():
                fields[f"{column}_rating"] = int(value)
            else:
                fields[f"{column}_state"] = value
        rows.append(Answer(response=response, statement_id=statement_id, **fields))
    Answer.objects.bulk_create(rows)
    response.not_involved_at_start = not_involved
    response.comments = comments


@transaction.atomic
def save_answers(
    *,
    response: Response,
    answers: AnswerValues,
    not_involved_at_start: bool,
    comments: str,
) -> Response:
    """Replace the response's answers with this snapshot of the form (a draft)."""
    locked = Response.objects.select_for_update().get(pk=response.pk)
    _write_answers(locked, answers, not_involved_at_start, comments)
    locked.save(update_fields=["not_involved_at_start", "comments", "updated"])
    return locked


@transaction.atomic
def submit_response(*, response: Response) -> Response:
    """Mark the response submitted; submitting again only touches `updated`."""
    locked = Response.objects.select_for_update().get(pk=response.pk)
    if not locked.is_submitted:
        locked.status = Response.Status.SUBMITTED
        locked.submitted_at = timezone.now()
    locked.save(update_fields=["status", "submitted_at", "updated"])
    return locked


@transaction.atomic
def enter_paper_response(
    *,
    review: Review,
    perspective: str,
    answers: AnswerValues,
    not_involved_at_start: bool,
    comments: str,
    entered_by,
    entry_key: str,
) -> tuple[Response, bool]:
    """Type in a paper form on someone's behalf; returns (response, created).

    `entry_key` comes from the entry form, so posting the same form twice (a
    double click, a refresh) finds the first response instead of adding one.
    """
    key = f"paper:{entry_key}"
    existing = Response.objects.filter(review=review, meeting_key=key).first()
    if existing is not None:
        return existing, False
    now = timezone.now()
    try:
        with transaction.atomic():
            response = Response.objects.create(
                review=review,
                perspective=perspective,
                meeting_key=key,
                entered_by=entered_by,
                entered_at=now,
                status=Response.Status.SUBMITTED,
                submitted_at=now,
            )
    except IntegrityError:
        return Response.objects.get(review=review, meeting_key=key), False
    _write_answers(response, answers, not_involved_at_start, comments)
    response.save(update_fields=["not_involved_at_start", "comments", "updated"])
    AuditEvent.objects.create(
        review=review,
        actor=entered_by,
        action=AuditEvent.Action.PAPER_ENTRY,
        detail=f"Paper response {response.pk} ({response.get_perspective_display()})",
    )
    return response, True
