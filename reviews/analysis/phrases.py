"""Sentences the analysis writes, kept as English words and values until a page
says them in its reader's language.

The analysis imports no Django, so it cannot translate. It builds each sentence
as a `Phrase`: an English pattern with named places ("{who} see it very
differently from one another: ratings from {low} to {high}") and the values that
fill them, which may be phrases themselves. `Phrase.say()` fills it in English;
a page passes a translator (Django's `django.utils.translation` module) to say it
in the page's language, each pattern translated whole, so that a translation can
put the values in the order its grammar needs.

The two constructors are named like gettext's functions so that `makemessages`
finds their English patterns; they translate nothing themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeAlias


class Translator(Protocol):
    """What a phrase needs to be said in a language: gettext's two functions."""

    def gettext(self, message: str) -> str: ...

    def ngettext(self, singular: str, plural: str, number: int) -> str: ...

    def pgettext(self, context: str, message: str) -> str: ...


class _English:
    """The patterns as written: English needs no catalogue."""

    @staticmethod
    def gettext(message: str) -> str:
        return message

    @staticmethod
    def ngettext(singular: str, plural: str, number: int) -> str:
        return singular if number == 1 else plural

    @staticmethod
    def pgettext(context: str, message: str) -> str:
        return message


ENGLISH = _English()

# What fills a phrase's place: a number or a name as it is, or another phrase.
Value: TypeAlias = "str | int | float | Phrase"


@dataclass(frozen=True)
class Phrase:
    """An English pattern, its plural and count where the words depend on a
    number, and the values for its named places."""

    pattern: str
    plural: str | None = None
    count: int = 0
    values: tuple[tuple[str, Value], ...] = ()
    # Words that translate differently in one place say which (pgettext).
    context: str | None = None

    def say(self, language: Translator = ENGLISH) -> str:
        if self.context is not None:
            pattern = language.pgettext(self.context, self.pattern)
        elif self.plural is None:
            pattern = language.gettext(self.pattern)
        else:
            pattern = language.ngettext(self.pattern, self.plural, self.count)
        if not self.values:
            return pattern
        return pattern.format(
            **{
                name: value.say(language) if isinstance(value, Phrase) else value
                for name, value in self.values
            }
        )

    def __str__(self) -> str:
        return self.say()


def gettext(pattern: str, **values: Value) -> Phrase:
    """A phrase whose words do not depend on a number."""
    return Phrase(pattern, values=tuple(values.items()))


def ngettext(singular: str, plural: str, count: int, **values: Value) -> Phrase:
    """A phrase whose words depend on `count` (which fills `{count}` if named)."""
    return Phrase(singular, plural, count, tuple({"count": count, **values}.items()))


def word(english: str, context: str | None = None) -> Phrase:
    """One of the product's fixed words (`reviews.analysis.words`) as a phrase:
    pages translate it by its English (in `context`, where given), listed for
    makemessages in `reviews.responding.vocabulary`."""
    return Phrase(english, context=context)


def joined(phrases: Iterable[Phrase]) -> Phrase:
    """Clauses one after another, separated by semicolons."""
    parts = list(phrases)
    whole = parts[0]
    for part in parts[1:]:
        whole = gettext("{first}; {then}", first=whole, then=part)
    return whole


def listed(phrases: list[Phrase]) -> Phrase:
    """ "a, b and c"."""
    whole = phrases[-1]
    if len(phrases) == 1:
        return whole
    head = phrases[0]
    for part in phrases[1:-1]:
        head = gettext("{first}, {then}", first=head, then=part)
    return gettext("{first} and {last}", first=head, last=whole)
