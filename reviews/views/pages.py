"""Public help pages: the glossary, what happens to answers, and accessibility.

Open to everyone, signed in or not: PRODUCT.md lists help pages beside the
landing page as the only pages that need no login.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from reviews.analysis.scale import FOOTING_WORDS
from reviews.analysis.words import (
    CAPITAL_HELP,
    PERSPECTIVE_GROUPS,
    PERSPECTIVE_SINGULAR,
    PERSPECTIVES,
)
from reviews.models import SMALL_GROUP_PERSPECTIVES, Capital, Review
from reviews.views.respond import SHARED_AS


def glossary(request: HttpRequest) -> HttpResponse:
    context = {
        "capitals": [(label, CAPITAL_HELP[value]) for value, label in Capital.choices],
        "perspectives": [PERSPECTIVE_SINGULAR[p] for p in PERSPECTIVES],
        "footing": FOOTING_WORDS,
    }
    return render(request, "reviews/pages/glossary.html", context)


def privacy(request: HttpRequest) -> HttpResponse:
    protected = [p for p in PERSPECTIVES if p not in SMALL_GROUP_PERSPECTIVES]
    context = {
        "default_k": Review._meta.get_field("min_group_size").get_default(),
        "protected": [PERSPECTIVE_GROUPS[p] for p in protected],
        "shown_as": [SHARED_AS[p] for p in PERSPECTIVES if p in SHARED_AS],
    }
    return render(request, "reviews/pages/privacy.html", context)


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "reviews/pages/accessibility.html")
