"""A framework version's words in the language a page speaks: the version's own
(instruction, column questions, comments prompt) and its statements' (text,
short label, help), from its translations where they exist, else the English.

Each word shown in English inside a translated page is named in `english`, so
the template can mark that element `lang="en-GB"`. Answers are stored against
statements, never words: these are only ever read for showing.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation

from reviews.models import FrameworkVersion, Statement
from reviews.models.translations import (
    STATEMENT_WORDS,
    VERSION_WORDS,
    StatementTranslation,
    VersionTranslation,
)

ENGLISH = "en-GB"


@dataclass
class VersionWords:
    """The version's words a respondent reads, in one language."""

    instruction: str
    then_label: str
    now_label: str
    like_label: str
    comments_prompt: str
    # The names of the words above shown in English in a translated page.
    english: frozenset[str] = field(default_factory=frozenset)


def is_english(language: str) -> bool:
    return language.split("-")[0] == settings.LANGUAGE_CODE.split("-")[0]


def _pick(original: object, translated: object, names: tuple[str, ...]) -> dict:
    """Each word from `translated` where it has one, and which fell back."""
    words, english = {}, set()
    for name in names:
        own = getattr(translated, name, "").strip() if translated else ""
        words[name] = own or getattr(original, name)
        if not own:
            english.add(name)
    return {"words": words, "english": frozenset(english)}


def version_words(
    version: FrameworkVersion,
    statements: list[Statement],
    language: str | None = None,
) -> VersionWords:
    """The version's words in `language` (the active one by default), with
    `statements` given theirs in place: two queries, none in English.

    The statements are this page's own instances, read for it, so changing
    their words in memory changes nothing stored; each gets `english`, the
    names of its words that fell back."""
    language = language or translation.get_language() or ENGLISH
    if is_english(language):
        for statement in statements:
            setattr(statement, "english", frozenset())  # noqa: B010 (not a field)
        words = {name: getattr(version, name) for name in VERSION_WORDS}
        return VersionWords(**words)
    version_row = VersionTranslation.objects.filter(
        version=version, language=language
    ).first()
    rows = {
        row.statement_id: row
        for row in StatementTranslation.objects.filter(
            statement__in=[s.pk for s in statements], language=language
        )
    }
    for statement in statements:
        picked = _pick(statement, rows.get(statement.pk), STATEMENT_WORDS)
        for name, word in picked["words"].items():
            setattr(statement, name, word)
        setattr(statement, "english", picked["english"])  # noqa: B010
    picked = _pick(version, version_row, VERSION_WORDS)
    return VersionWords(**picked["words"], english=picked["english"])
