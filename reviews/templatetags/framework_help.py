"""Help words for a statement's capital, for the questionnaire and its printouts,
and a statement's "What this statement means", rendered once per wording."""

from functools import lru_cache

from django import template
from django.template.loader import render_to_string

from reviews.analysis.words import CAPITAL_HELP
from reviews.models import Statement

register = template.Library()


@register.filter
def capital_help(capital: str) -> str:
    return CAPITAL_HELP.get(capital, "")


@register.simple_tag
def statement_help(statement: Statement) -> str:
    """The help under a statement: the same for everyone, so kept per wording
    (the check page shows ten of them)."""
    return _help_html(statement.order, statement.help_text, statement.capital)


@lru_cache(maxsize=1000)
def _help_html(order: int, help_text: str, capital: str) -> str:
    # Everything statement_help.html reads, and nothing else, is the key.
    statement = {"order": order, "help_text": help_text, "capital": capital}
    return render_to_string(
        "reviews/respond/statement_help.html", {"statement": statement}
    )
