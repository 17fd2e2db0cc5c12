"""Help words for a statement's capital, for the questionnaire and its printouts."""

from django import template

from reviews.analysis.words import CAPITAL_HELP

register = template.Library()


@register.filter
def capital_help(capital: str) -> str:
    return CAPITAL_HELP.get(capital, "")
