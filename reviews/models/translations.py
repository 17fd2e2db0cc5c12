"""A framework version's words in other languages: the version's own words, each
statement's and each question to open with, stored with the version and copied
with it.

English is the version itself; a translation may be incomplete, and whatever it
lacks is shown in English. Answers are stored against statements, never words,
so a language never changes a result.
"""

from django.conf import settings
from django.db import models

from reviews.models.frameworks import FrameworkVersion, OpeningQuestion, Statement

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
        """Every word of the version, of each of its statements and of each of
        its questions to open with translated."""
        return not self.untranslated()

    def untranslated(self) -> list[str]:
        """What of the version is still only in English, named for staff."""
        missing = [
            name.replace("_", " ")
            for name in VERSION_WORDS
            if not getattr(self, name).strip()
        ]
        translated = {
            row.statement_id: row
            for row in StatementTranslation.objects.filter(
                statement__version=self.version, language=self.language
            )
        }
        for statement in self.version.statements.all():
            row = translated.get(statement.pk)
            if row is None or not row.covers(statement):
                missing.append(f"statement {statement}")
        # A blank translation is no more a translation than none: both show
        # the English.
        questions = {
            row.question_id
            for row in OpeningQuestionTranslation.objects.filter(
                question__statement__version=self.version, language=self.language
            )
            if row.text.strip()
        }
        missing.extend(
            f"question to open with: {question.text}"
            for question in OpeningQuestion.objects.filter(
                statement__version=self.version
            ).order_by("statement__order", "kind", "order")
            if question.pk not in questions
        )
        return missing


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


class OpeningQuestionTranslation(models.Model):
    """A question to open with in one language; a question without one (or
    with a blank one) is shown in English."""

    question = models.ForeignKey(
        OpeningQuestion, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(max_length=10)
    text = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["question", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "language"],
                name="openingquestiontranslation_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.question} ({self.language})"


class InterfaceLanguage(models.Model):
    """The interface's own words in one language (the catalogues in `locale/`),
    and whether a fluent speaker has checked them. Until a Local Trust staff
    member marks it checked, every page in it invites corrections."""

    # A code from settings.LANGUAGES other than the default (English).
    language = models.CharField(max_length=10, unique=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["language"]

    def __str__(self) -> str:
        return dict(settings.LANGUAGES).get(self.language, self.language)

    @property
    def is_checked(self) -> bool:
        return self.checked_at is not None
