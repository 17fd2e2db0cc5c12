"""Which responses count: submitted and not set aside by the rep.

One condition, so every count agrees (results, exports, summaries, progress,
history). It names no model, so reviews, responses and answers can all use it
without importing one another.
"""

from django.db.models import Q


def counted(through: str = "") -> Q:
    """Counted responses, as a condition on a response, or on another model
    reached through the relation `through` ("responses", "response")."""
    prefix = f"{through}__" if through else ""
    return Q(**{f"{prefix}status": "submitted", f"{prefix}set_aside_at__isnull": True})


# A response the rep has set aside counts nowhere.
COUNTED = counted()
# Submitted, then set aside by the rep: listed for the rep to count again.
SET_ASIDE = Q(status="submitted", set_aside_at__isnull=False)
