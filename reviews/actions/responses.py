"""Writes for respondents: opening a response, autosaving a draft, saving
answers, submitting.

Every write of answers locks the response row first (`select_for_update`), so
two tabs, two devices or a double click are applied one after the other; the
database's one-response-per-invitation and one-answer-per-statement constraints
stand behind that. An autosave is one UPDATE of the response's draft, whose
WHERE clause carries the rules that let it change.
"""

import secrets
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from reviews.actions.audit import record_event
from reviews.models import Answer, AuditEvent, Invitation, Response, Review
from reviews.responding.drafts import Shape

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


class MeetingCodeRefused(ValueError):
    """The code cannot start a response: `reason` says why, for the page."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@transaction.atomic
def start_meeting_response(*, review: Review, perspective: str) -> Response:
    """A fresh response for one browser at a workshop, within the code's rules.

    The review row is locked so two phones at the cap cannot both get in.
    """
    locked = Review.objects.select_for_update().get(pk=review.pk)
    if not locked.meeting_code_live:
        raise MeetingCodeRefused("ended")
    if perspective not in locked.meeting_code_perspectives:
        raise MeetingCodeRefused("perspective")
    cap = locked.meeting_code_cap
    if cap is not None and locked.responses.holding_code_places().count() >= cap:
        raise MeetingCodeRefused("full")
    return Response.objects.create(
        review=locked,
        perspective=perspective,
        meeting_key=secrets.token_urlsafe(24),
        via_meeting_code=True,
    )


def set_response_aside(*, response: Response, actor: User, reason: str) -> Response:
    """Leave a response out of every result and export, with the rep's reason."""
    return _set_aside(response, actor, reason[:300])


def count_response_again(*, response: Response, actor: User) -> Response:
    """Undo a set-aside: the response counts in results and exports again."""
    return _set_aside(response, actor, None)


@transaction.atomic
def _set_aside(response: Response, actor: User, reason: str | None) -> Response:
    """Set aside (with a reason) or count again (None); audited, idempotent."""
    review = response.review
    if not review.can_set_aside:
        raise MeetingCodeRefused("released")
    locked = Response.objects.select_for_update().get(pk=response.pk)
    if locked.is_set_aside == (reason is not None):
        return locked
    locked.set_aside_at = timezone.now() if reason is not None else None
    locked.set_aside_by = actor if reason is not None else None
    locked.set_aside_reason = reason or ""
    # `updated` moves too, so cached results are read again.
    locked.save(
        update_fields=["set_aside_at", "set_aside_by", "set_aside_reason", "updated"]
    )
    record_event(
        review=review,
        actor=actor,
        action=AuditEvent.Action.SET_ASIDE
        if reason is not None
        else AuditEvent.Action.COUNTED_AGAIN,
        detail=f"{_describe(locked)}: {reason}" if reason else _describe(locked),
    )
    return locked


def _describe(response: Response) -> str:
    """A response as the audit names it: by perspective, never a person or a number
    that could be matched to a pseudonym."""
    return f"An answer through the meeting code ({response.get_perspective_display()})"


DRAFT_FIELDS = ["draft", "draft_saved_at"]
ANSWER_FIELDS = tuple(
    f"{column}_{part}"
    for column in ("then", "now", "like")
    for part in ("rating", "state")
)


def _answer_fields(cells: Mapping[str, str]) -> dict[str, object]:
    """Every rating and state field of one answer, unset ones empty."""
    fields: dict[str, object] = {
        name: None if name.endswith("_rating") else "" for name in ANSWER_FIELDS
    }
    for column, value in cells.items():
        if value.isdigit():
            fields[f"{column}_rating"] = int(value)
        else:
            fields[f"{column}_state"] = value
    return fields


def _write_answers(
    response: Response,
    answers: AnswerValues,
    not_involved: bool,
    comments: str,
    *,
    stored: bool = True,
) -> bool:
    """Make the stored answers this snapshot, writing only the rows that differ
    (an autosave usually changes one answer, or none); whether anything changed.
    `stored=False` for a new response, which has no answers to read."""
    wanted = {statement_id: _answer_fields(c) for statement_id, c in answers.items()}
    existing = {a.statement_id: a for a in response.answers.all()} if stored else {}
    stale = [a.pk for statement_id, a in existing.items() if statement_id not in wanted]
    changed = []
    for statement_id, answer in existing.items():
        fields = wanted.get(statement_id)
        if fields is None or all(getattr(answer, k) == v for k, v in fields.items()):
            continue
        for name, value in fields.items():
            setattr(answer, name, value)
        changed.append(answer)
    new = [
        Answer(response=response, statement_id=statement_id, **fields)
        for statement_id, fields in wanted.items()
        if statement_id not in existing
    ]
    if stale:
        Answer.objects.filter(pk__in=stale).delete()
    if changed:
        Answer.objects.bulk_update(changed, ANSWER_FIELDS)
    if new:
        Answer.objects.bulk_create(new)
    touched = bool(stale or changed or new)
    if (response.not_involved_at_start, response.comments) != (not_involved, comments):
        response.not_involved_at_start = not_involved
        response.comments = comments
        touched = True
    return touched


def save_draft(*, response_id: int, shape: Shape, draft: dict[str, object]) -> bool:
    """Store the questionnaire as last posted, if the response may still change;
    whether it was stored. One UPDATE and no lock: a later autosave simply
    replaces an earlier one, and `updated` (the results cache's key) stays.

    The filter is `can_edit`'s rule (review open; the link, if any, neither
    revoked nor expired) and the shape's review, so the check and the write are
    one statement."""
    now = timezone.now()
    stored = (
        Response.objects.filter(
            pk=response_id,
            review_id=shape.review_id,
            review__status=Review.Status.OPEN,
            review__created=shape.review_created,
            review__framework_version_id=shape.version_id,
        )
        .filter(
            Q(invitation__isnull=True)
            | Q(invitation__revoked=False, invitation__expires__gt=now)
        )
        .update(draft=draft, draft_saved_at=now)
    )
    return stored == 1


@transaction.atomic
def save_answers(
    *,
    response: Response,
    answers: AnswerValues,
    not_involved_at_start: bool,
    comments: str,
) -> Response:
    """Make the response's answers this snapshot of the form, and drop the
    autosaved draft, which the snapshot replaces.

    A snapshot identical to what is stored writes no answer, so `updated` (the
    results cache's key) moves only when an answer or comment changes.
    """
    locked = Response.objects.select_for_update().get(pk=response.pk)
    fields = DRAFT_FIELDS if locked.draft is not None else []
    _clear_draft(locked)
    if _write_answers(locked, answers, not_involved_at_start, comments):
        fields = [*fields, "not_involved_at_start", "comments", "updated"]
    if fields:
        locked.save(update_fields=fields)
    return locked


def _clear_draft(response: Response) -> None:
    response.draft = None
    response.draft_saved_at = None


def _check_code_place(response: Response) -> None:
    """A first submission through a meeting code is refused once the code's cap
    of counted answers is reached: starting holds no place, so many browsers may
    have started. The review row is locked, as when a response starts."""
    review = Review.objects.select_for_update().get(pk=response.review_id)
    cap = review.meeting_code_cap
    if cap is not None and review.responses.through_code().counted().count() >= cap:
        raise MeetingCodeRefused("full")


@transaction.atomic
def submit_response(*, response: Response) -> Response:
    """Mark the response submitted, as its stored answers stand; submitting again
    only touches `updated`. Through a meeting code whose cap is reached, raise
    MeetingCodeRefused("full") and leave the response a draft. A draft autosaved
    after the last Continue goes: what is submitted is what the person checked."""
    locked = Response.objects.select_for_update().get(pk=response.pk)
    if locked.via_meeting_code and not locked.is_submitted:
        _check_code_place(locked)
    if not locked.is_submitted:
        locked.status = Response.Status.SUBMITTED
        locked.submitted_at = timezone.now()
    _clear_draft(locked)
    locked.save(update_fields=["status", "submitted_at", "updated", *DRAFT_FIELDS])
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
    _write_answers(response, answers, not_involved_at_start, comments, stored=False)
    response.save(update_fields=["not_involved_at_start", "comments", "updated"])
    AuditEvent.objects.create(
        review=review,
        actor=entered_by,
        action=AuditEvent.Action.PAPER_ENTRY,
        detail=f"Paper response {response.pk} ({response.get_perspective_display()})",
    )
    return response, True
