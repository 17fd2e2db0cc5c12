"""Writing the audit trail: one row per thing done to a review.

People are attached by key and named in the detail only through the
`PEOPLE_PLACEHOLDER`, so the trail never holds a name that erasure cannot reach.
"""

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser, User

from partnerships.models import Person
from reviews.models import AuditEvent, Review


def record_event(
    *,
    review: Review,
    actor: User | AnonymousUser | None,
    action: str,
    detail: str = "",
    people: Iterable[Person] = (),
) -> AuditEvent:
    event = AuditEvent.objects.create(
        review=review,
        actor=actor if isinstance(actor, User) else None,
        action=action,
        detail=detail[:300],
    )
    people = [p for p in people if p is not None]
    if people:
        event.people.set(people)
    return event
