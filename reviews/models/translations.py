"""A framework version's words in other languages: the version's own words and
each statement's, stored with the version and copied with it.

English is the version itself; a translation may be incomplete, and whatever it
lacks is shown in English. Answers are stored against statements, never words,
so a language never changes a result.
"""

from django.conf import settings
from django.db import models

from reviews.models.frameworks import FrameworkVersion, Statement

# The words of a version that a respondent reads, translated alongside it.
VERSION_WORDS = (
    "instruction",
    "then_label",
    "now_label",
    "like_label",
    "comments_prompt",
)
STATEMENT_WORDS = ("text", "short_label", "help_text")
# What staff see of a translation nobody fluent has checked yet.
DRAFT_TRANSLATION = "draft: not yet checked by a fluent speaker"


class VersionTranslation(models.Model):
    """One language of a framework version: its words, and whether a fluent
    speaker has checked them (until then it is shown as a draft)."""

    version = models.ForeignKey(
        FrameworkVersion, on_delete=models.CASCADE, related_name="translations"
    )
    # A code from settings.LANGUAGES other than the default (English).
    language = models.CharField(max_length=10)
    instruction = models.TextField(blank=True)
    then_label = models.CharField(max_length=200, blank=True)
    now_label = models.CharField(max_length=200, blank=True)
    like_label = models.CharField(max_length=200, blank=True)
    comments_prompt = models.CharField(max_length=200, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["version", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "language"], name="versiontranslation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.version} ({self.language})"

    @property
    def is_checked(self) -> bool:
        return self.checked_at is not None

    @property
    def is_complete(self) -> bool:
        """Every word of the version and of each of its statements translated."""
        if not all(getattr(self, name).strip() for name in VERSION_WORDS):
            return False
        translated = {
            row.statement_id: row
            for row in StatementTranslation.objects.filter(
                statement__version=self.version, language=self.language
            )
        }
        for statement in self.version.statements.all():
            row = translated.get(statement.pk)
            if row is None or not row.covers(statement):
                return False
        return True


class StatementTranslation(models.Model):
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(max_length=10)
    text = models.TextField(blank=True)
    short_label = models.CharField(max_length=60, blank=True)
    help_text = models.TextField(blank=True)

    class Meta:
        ordering = ["statement", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "language"], name="statementtranslation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.statement} ({self.language})"

    def covers(self, statement: Statement) -> bool:
        """Translates every word the English statement has (help may be blank)."""
        return all(
            getattr(self, name).strip() or not getattr(statement, name).strip()
            for name in STATEMENT_WORDS
        )
