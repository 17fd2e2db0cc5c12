"""Who someone is in the programme, read from the data rather than stored flags.

A rep is a person with a current area assignment and Local Trust staff a member of
the LOCAL_TRUST_STAFF group (or a superuser). What a person may see is answered by
the QuerySets in partnerships/models.py (`visible_to`, `represented_by`,
`managed_by`), which build on these answers. This module imports no models: the
models import it, so the dependency runs one way.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest

LOCAL_TRUST_STAFF = "Local Trust staff"

AnyUser = User | AnonymousUser


class AuthenticatedRequest(HttpRequest):
    """The request a view behind @login_required gets: its user has signed in.

    Only for type hints; Django still passes a plain HttpRequest.
    """

    user: User


def is_programme_staff(user: AnyUser) -> bool:
    """Local Trust staff see everything, across all areas."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_programme_staff", None)
    if cached is None:
        cached = user.groups.filter(name=LOCAL_TRUST_STAFF).exists()
        # A per-request cache on the user object, which declares no such field.
        user._is_programme_staff = cached  # type: ignore[attr-defined]
    return bool(cached)


def person_of(user: AnyUser):
    """The person record behind a login, or None (one query, then cached)."""
    if not user.is_authenticated:
        return None
    return getattr(user, "person", None)


def is_rep(user: AnyUser) -> bool:
    """Someone who currently represents at least one area."""
    person = person_of(user)
    return person is not None and person.rep_assignments.current().exists()


def may_manage(user: AnyUser) -> bool:
    """Staff and reps run reviews, see their progress and the attention marker."""
    return is_programme_staff(user) or is_rep(user)
