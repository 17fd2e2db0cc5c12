"""Who will see a review's results once it is released, and who will be emailed,
with counts, for the page that asks the rep to confirm the release.

The small-group rule is the analysis package's (`is_suppressed`), applied to the
perspectives that released results protect; nothing here names a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from partnerships.models import Membership, StaffRole
from reviews.analysis import PERSPECTIVE_LABELS, PERSPECTIVES, is_suppressed
from reviews.models import SMALL_GROUP_PERSPECTIVES, Invitation, Response, Review


@dataclass(frozen=True)
class Audience:
    members_with_accounts: int
    lto_staff_with_accounts: int
    respondents: int
    # (perspective label, respondents) per group, in the product's order.
    hidden: tuple[tuple[str, int], ...]
    shown: tuple[tuple[str, int], ...]
    recognisable: tuple[tuple[str, int], ...]


def release_audience(review: Review) -> Audience:
    """Four aggregate queries, whatever the size of the review."""
    appointment = review.appointment
    answered = dict(
        Response.objects.counted()
        .filter(review=review)
        .values_list("perspective")
        .annotate(n=Count("id"))
        .order_by()
    )
    groups = [(p, answered[p]) for p in PERSPECTIVES if p in answered]
    protected = [(p, n) for p, n in groups if p not in SMALL_GROUP_PERSPECTIVES]
    return Audience(
        members_with_accounts=Membership.objects.current()
        .filter(partnership=appointment.partnership_id, person__user__isnull=False)
        .count(),
        lto_staff_with_accounts=StaffRole.objects.current()
        .filter(organisation=appointment.organisation_id, person__user__isnull=False)
        .count(),
        respondents=sum(answered.values()),
        hidden=tuple(
            (PERSPECTIVE_LABELS[p], n)
            for p, n in protected
            if is_suppressed(n, review.min_group_size)
        ),
        shown=tuple(
            (PERSPECTIVE_LABELS[p], n)
            for p, n in protected
            if not is_suppressed(n, review.min_group_size)
        ),
        recognisable=tuple(
            (PERSPECTIVE_LABELS[p], n)
            for p, n in groups
            if p in SMALL_GROUP_PERSPECTIVES
        ),
    )


@dataclass(frozen=True)
class ReleaseNotices:
    """Who a release emails, counted with the querysets `release_review` sends to,
    so the confirmation page says exactly what will go."""

    answered: int  # emailed "the results you helped with are ready"
    not_answered: int  # invited, never answered: emailed only if the rep ticks it
    by_code: int  # answered with the meeting code: they kept their own link
    without_address: int  # answered by a link, but we hold no email address
    told_before: int  # told at an earlier release: not emailed again


def release_notices(review: Review) -> ReleaseNotices:
    invitations = review.invitations.live()
    untold = review.invitations.release_untold()
    answered = invitations.answered()
    return ReleaseNotices(
        answered=untold.answered().count(),
        not_answered=untold.not_answered().count(),
        by_code=Response.objects.counted().through_code().filter(review=review).count(),
        without_address=answered.exclude(
            pk__in=Invitation.objects.emailable().values("pk")
        ).count(),
        told_before=invitations.filter(release_sent_at__isnull=False).count(),
    )
