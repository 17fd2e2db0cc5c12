"""A pseudo-language for finding words that are not marked for translation.

Every translation is the English wrapped in ⟦ ⟧, so any English word a page
shows outside the markers was never marked. `install` switches it on for the
whole process (the test client's requests and pytest-django's live server, a
thread of the same process), the JavaScript catalogue included; `unmarked`
reads the texts a test collected from a page. What is data rather than
interface may stay outside: names and numbers, and words whose lang is not the
page's (the test collecting them leaves those out).
"""

import gettext as gettext_module
import re
from pathlib import Path

from django.conf.locale import LANG_INFO
from django.utils.translation import trans_real
from django.views import i18n

from reviews.models import FrameworkVersion, StatementTranslation, VersionTranslation
from reviews.models.translations import STATEMENT_WORDS, VERSION_WORDS

PSEUDO = "xx"
OPEN, CLOSE = "\u27e6", "\u27e7"
# Text that is data, not interface: the fixtures' names and the product's own.
NAMES = {
    "Pseudo",
    "LTO",
    "Review",
    "Big",
    "Local",
    "Trust",
    "QR",
    "PDF",
    "CSV",
    "XLSX",
    "r_wg",
}
# The scripts' messages: `make messages` gathers every msgid they use into the
# Polish catalogue; one it missed stays English in the walk, and is reported.
SCRIPT_MESSAGES = (
    Path(__file__).resolve().parent.parent / "locale/pl/LC_MESSAGES/djangojs.mo"
)


def marked(message: str) -> str:
    return f"{OPEN}{message}{CLOSE}"


def script_catalogue() -> dict[str | tuple[str, int], str]:
    """The JavaScript catalogue in the pseudo-language: every message the
    scripts have, keyed as Django's JavaScriptCatalog reads `_catalog`."""
    with SCRIPT_MESSAGES.open("rb") as file:
        polish = gettext_module.GNUTranslations(file)
    catalogue: dict[str | tuple[str, int], str] = {}
    for key in polish._catalog:
        if key == "":
            continue
        # A plural's key is (singular, form); the .mo keeps no plural msgid,
        # so each form is the singular, marked: still English inside markers.
        message = key[0] if isinstance(key, tuple) else key
        catalogue[key] = marked(message.split("\x04")[-1])
    return catalogue


class PseudoTranslation(gettext_module.NullTranslations):
    """Django's active translation, answering every message wrapped in markers;
    its `_catalog` is what /jsi18n/ serves the scripts."""

    def __init__(self) -> None:
        super().__init__()
        self._catalog = script_catalogue()

    def gettext(self, message: str) -> str:
        # pgettext asks for "context\x04message" and falls back to the bare
        # message when the separator comes back: answer the message, marked.
        return marked(message.split(chr(4))[-1])

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)

    def to_language(self) -> str:
        return PSEUDO


def install(settings, monkeypatch) -> PseudoTranslation:
    """Make the pseudo-language one a respondent can choose, in this process,
    until the test ends (`settings` and `monkeypatch` are pytest's fixtures)."""
    # Changing LANGUAGES empties Django's translations: set it first.
    settings.LANGUAGES = [*settings.LANGUAGES, (PSEUDO, "Pseudo")]
    monkeypatch.setitem(
        LANG_INFO,
        PSEUDO,
        {"bidi": False, "code": PSEUDO, "name": "Pseudo", "name_local": "Pseudo"},
    )
    pseudo = PseudoTranslation()
    monkeypatch.setitem(trans_real._translations, PSEUDO, pseudo)
    # JavaScriptCatalog builds its own DjangoTranslation for the djangojs
    # domain rather than asking for the active one: give it the pseudo one.
    django_translation = i18n.DjangoTranslation

    def catalogue_translation(language, *args, **kwargs):
        if language == PSEUDO:
            return pseudo
        return django_translation(language, *args, **kwargs)

    monkeypatch.setattr(i18n, "DjangoTranslation", catalogue_translation)
    return pseudo


def translate_framework(version: FrameworkVersion) -> None:
    """The framework's words in the pseudo-language too, each the English
    marked, so no English fallback hides a word the interface left unmarked."""

    def words(row, names: tuple[str, ...]) -> dict[str, str]:
        return {
            name: marked(getattr(row, name)) if getattr(row, name) else ""
            for name in names
        }

    VersionTranslation.objects.create(
        version=version, language=PSEUDO, **words(version, VERSION_WORDS)
    )
    StatementTranslation.objects.bulk_create(
        StatementTranslation(
            statement=statement, language=PSEUDO, **words(statement, STATEMENT_WORDS)
        )
        for statement in version.statements.all()
    )


def unmarked(texts: list[str]) -> list[str]:
    """The English words in `texts` outside every ⟦…⟧, less names."""
    depth, outside = 0, []
    for char in "\n".join(texts):
        if char == OPEN:
            depth += 1
        elif char == CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0:
            outside.append(char)
    words = re.findall(r"[A-Za-z][A-Za-z'’]+", "".join(outside))
    return [word for word in words if word not in NAMES]
