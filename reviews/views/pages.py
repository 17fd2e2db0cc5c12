"""Public help pages: the glossary, what happens to answers, and accessibility.

Open to everyone, signed in or not: PRODUCT.md lists help pages beside the
landing page as the only pages that need no login.
"""

import datetime as dt

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import ngettext

from reviews.analysis.scale import FOOTING_WORDS
from reviews.analysis.words import (
    CAPITAL_HELP,
    PERSPECTIVE_GROUPS,
    PERSPECTIVE_SINGULAR,
    PERSPECTIVES,
)
from reviews.models import SMALL_GROUP_PERSPECTIVES, Capital, Review
from reviews.views.respond import SHARED_AS

# The accessibility statement's dates: change LAST_REVIEWED when it is checked.
ACCESSIBILITY_PREPARED = dt.date(2026, 12, 6)
ACCESSIBILITY_LAST_REVIEWED = dt.date(2026, 12, 6)


def period(months: int) -> str:
    """A retention period in words: "6 years", "18 months"."""
    years, rest = divmod(months, 12)
    if rest:
        return ngettext("%(count)d month", "%(count)d months", months) % {
            "count": months
        }
    return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}


def _controller() -> dict[str, object]:
    """Who runs the service and how to reach them, from the settings; in
    development, placeholders that name the setting to fill in."""
    return {
        "organisation": settings.ORGANISATION_NAME
        or "[organisation not set: ORGANISATION_NAME]",
        "privacy_email": settings.PRIVACY_CONTACT_EMAIL,
        "accessibility_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
        "dpo": settings.DATA_PROTECTION_OFFICER,
        "contacts_missing": not (
            settings.ORGANISATION_NAME and settings.PRIVACY_CONTACT_EMAIL
        ),
    }


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
        "retention": period(settings.RETENTION_MONTHS),
        **_controller(),
    }
    return render(request, "reviews/pages/privacy.html", context)


def accessibility(request: HttpRequest) -> HttpResponse:
    context = {
        "prepared": ACCESSIBILITY_PREPARED,
        "last_reviewed": ACCESSIBILITY_LAST_REVIEWED,
        **_controller(),
    }
    return render(request, "reviews/pages/accessibility.html", context)
