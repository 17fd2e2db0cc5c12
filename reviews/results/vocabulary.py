"""The analysis package's fixed words in the reader's language.

`reviews.analysis` holds the product's words in English and imports nothing from
Django, so the results path translates them here, over the English value, with
`gettext`. The English values are listed, with every other fixed word pages
translate by value, in `reviews.responding.vocabulary` (`RESULT_WORDS`), so that
`makemessages` finds them: a word added to `reviews.analysis.words` is added
there too (a unit test checks). The framework's own words (statements, short labels)
are data, translated per version in `StatementTranslation`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from django.utils import translation
from django.utils.translation import get_language, gettext

from reviews.analysis import StatementInfo
from reviews.analysis.phrases import Phrase
from reviews.models import StatementTranslation
from reviews.responding.words import is_english


def word(english: str) -> str:
    """One of the analysis package's words in the active language."""
    return gettext(english)


def say(phrase: Phrase) -> str:
    """One of the analysis package's sentences in the active language."""
    return phrase.say(translation)


def statement_words(version_id: int) -> dict[str, tuple[str, str]] | None:
    """{statement key: (short label, text)} of a version's statements in the
    active language, blank where a word has no translation; None on an English
    page, which asks nothing of the database."""
    language = get_language()
    if not language or is_english(language):
        return None
    rows = StatementTranslation.objects.filter(
        statement__version=version_id, language=language
    ).values_list("statement__key", "short_label", "text")
    return {key: (label.strip(), text.strip()) for key, label, text in rows}


def statements_in_language(
    statements: Sequence[StatementInfo], version_id: int
) -> tuple[tuple[StatementInfo, ...], frozenset[str]]:
    """The statements with their short labels and texts in the active language,
    and the keys of those still in English (the page marks them `lang="en-GB"`)."""
    words = statement_words(version_id)
    if words is None:
        return tuple(statements), frozenset()
    translated, english = [], set()
    for s in statements:
        label, text = words.get(s.key, ("", ""))
        if not label:
            english.add(s.key)
        translated.append(replace(s, label=label or s.label, text=text or s.text))
    return tuple(translated), frozenset(english)


def translate_figure(figure: dict[str, Any]) -> dict[str, Any]:
    """The figure with its legend entries (perspectives, columns) translated,
    in their hover text too, and its axis titles; `charts` writes them in
    English."""
    layout = dict(figure.get("layout", {}))
    for key, axis in layout.items():
        title = axis.get("title") if key.startswith(("xaxis", "yaxis")) else None
        if isinstance(title, dict) and title.get("text"):
            layout[key] = {**axis, "title": {**title, "text": word(title["text"])}}
    data = []
    for trace in figure.get("data", ()):
        name = trace.get("name")
        if not name:
            data.append(trace)
            continue
        translated = word(name)
        changed = {**trace, "name": translated}
        hover = trace.get("hovertemplate")
        if isinstance(hover, str) and hover.startswith(f"{name}<br>"):
            changed["hovertemplate"] = translated + hover[len(name) :]
        data.append(changed)
    return {**figure, "data": data, "layout": layout}
