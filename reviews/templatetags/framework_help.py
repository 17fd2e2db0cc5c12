"""Help words for a statement's capital, for the questionnaire and its printouts,
and a statement's "What this statement means", rendered once per wording."""

from functools import lru_cache

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from reviews.analysis.words import CAPITAL_HELP
from reviews.models import Statement
from reviews.responding.words import is_english

register = template.Library()


@register.filter
def capital_help(capital: str) -> str:
    """In the active language (`reviews.responding.vocabulary` lists the English)."""
    english = CAPITAL_HELP.get(capital, "")
    return gettext(english) if english else ""


@register.simple_tag
def statement_help(statement: Statement) -> str:
    """The help under a statement: the same for everyone, so kept per wording
    (the check page shows ten of them)."""
    english = "help_text" in getattr(statement, "english", ())
    return _help_html(
        statement.order, statement.help_text, statement.capital, english, get_language()
    )


@lru_cache(maxsize=1000)
def _help_html(
    order: int, help_text: str, capital: str, english: bool, language: str | None
) -> str:
    # Everything statement_help.html reads, and nothing else, is the key; the
    # language is part of it for the template's own words.
    statement = {
        "order": order,
        "help_text": help_text,
        "capital": capital,
        "english": ("help_text",) if english else (),
    }
    return render_to_string(
        "reviews/respond/statement_help.html", {"statement": statement}
    )


@register.simple_tag(takes_context=True)
def statement_name(context: template.Context, statement: Statement) -> SafeString:
    """ "3. Aspiration and ambition" in the page's language: from the results on
    the page (their statements are in its language) where there are any, else
    as stored; a label left in English on a page in another language says so."""
    results = context.get("results")
    label, english = statement.short_label, False
    if results is not None:
        for info in results.analysis.statements:
            if info.key == statement.key:
                label = info.label
                english = info.key in results.english_statements
                break
    else:
        english = not is_english(get_language() or "en")
    if english:
        return format_html('{}. <span lang="en-GB">{}</span>', statement.order, label)
    return format_html("{}. {}", statement.order, label)
