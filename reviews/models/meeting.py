"""At the meeting: the rep's notes per statement, and which screen is showing.

Both are private to the review's rep and Local Trust staff: views find them only
through `Review.objects.managed_by`.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from reviews.models.frameworks import Statement
from reviews.models.reviews import Review


class MeetingNote(models.Model):
    """What the room said about one statement, written down by the rep."""

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="meeting_notes"
    )
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="meeting_notes"
    )
    text = models.TextField(blank=True, max_length=10000)
    updated = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["review", "statement__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "statement"], name="meetingnote_one_per_statement"
            ),
        ]

    def __str__(self) -> str:
        return f"Notes on {self.statement.short_label}"


class Presentation(models.Model):
    """The screen a review's presentation is on, so that the rep's presenter page
    and the projected screen follow each other (each polls it)."""

    review = models.OneToOneField(
        Review, on_delete=models.CASCADE, related_name="presentation"
    )
    screen = models.PositiveSmallIntegerField(default=0)
    moved = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.review} on screen {self.screen}"
