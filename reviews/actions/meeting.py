"""At the meeting: the rep's notes, saved as typed, and the screen being shown."""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from reviews.models import MeetingNote, Presentation, Review, Statement


@transaction.atomic
def save_note(
    *, review: Review, statement: Statement, text: str, actor: User
) -> MeetingNote:
    """The whole note as it now reads: each save replaces the last, so a save
    sent twice (a retry after a dropped connection) changes nothing."""
    note, _ = MeetingNote.objects.update_or_create(
        review=review,
        statement=statement,
        defaults={"text": text, "updated": timezone.now(), "updated_by": actor},
    )
    return note


@transaction.atomic
def move_to_screen(*, review: Review, screen: int) -> Presentation:
    presentation, _ = Presentation.objects.update_or_create(
        review=review, defaults={"screen": screen, "moved": timezone.now()}
    )
    return presentation
