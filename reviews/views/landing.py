"""The public landing page: what the framework asks and how answers are shown."""

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from reviews.analysis.words import CAPITAL_HELP
from reviews.models import (
    Capital,
    FrameworkVersion,
    Review,
    StatementTranslation,
    VersionTranslation,
)

# The language of the framework's own words where a translation lacks them.
ENGLISH = "en-GB"


def home(request: HttpRequest) -> HttpResponse:
    language = translation.get_language()
    version = (
        FrameworkVersion.objects.filter(framework__slug="big-local")
        .order_by("-number")
        .prefetch_related(
            "statements",
            Prefetch(
                "statements__translations",
                StatementTranslation.objects.filter(language=language),
                to_attr="words_in_language",
            ),
            Prefetch(
                "translations",
                VersionTranslation.objects.filter(language=language),
                to_attr="version_words",
            ),
        )
        .first()
    )
    groups = []
    words: VersionTranslation | None = None
    if version is not None:
        words = next(iter(version.version_words), None)
        statements = [
            # django-stubs types the version's to_attr, not a nested one.
            (s.order, s.capital, *_text(s.text, s.words_in_language))  # type: ignore[attr-defined]
            for s in version.statements.all()
        ]
        groups = [
            (
                value,
                label,
                f"{label} capital",
                CAPITAL_HELP[value],
                [s for s in statements if s[1] == value],
            )
            for value, label in Capital.choices
        ]
    return render(
        request,
        "reviews/home.html",
        {
            "version": version,
            "instruction": words.instruction if words and words.instruction else "",
            "capital_groups": groups,
            "purposes": Review.Purpose.choices,
            "framework_translation_draft": words is not None and not words.is_checked,
        },
    )


def _text(english: str, translated: list[StatementTranslation]) -> tuple[str, str]:
    """A statement's text in the page's language, and the language it is
    actually in when that is English inside a translated page ("" otherwise)."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return english, ""
    if translated and translated[0].text.strip():
        return translated[0].text, ""
    return english, ENGLISH
