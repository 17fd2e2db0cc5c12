"""Retention: RETENTION_MONTHS after a review closes, what identifies its people
goes, and its anonymous answers and the summaries the programme pages read stay.

For each review past retention (`Review.objects.past_retention()`): its
invitations are deleted (with any message rows that hang off them), the text of
its comments and any autosaved drafts are cleared, and each person it invited who
now has no current role, no invitation to a review still within retention and no
sign-in within the period is erased (`reviews.privacy.erase_person`). Sign-in
records (django-axes) older than the period go too. A dry run reports the same
counts and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from partnerships.models import Membership, Person, RepAssignment, StaffRole
from reviews.models import ERASED_NAME, Invitation, Response, Review
from reviews.models.reviews import retention_cutoff
from reviews.privacy import erase_person


@dataclass
class RetentionReport:
    """What a run removed, or a dry run would remove: reviews by id and title,
    people by id only (the report may be mailed by cron)."""

    reviews: list[tuple[int, str]] = field(default_factory=list)
    invitations: int = 0
    comments: int = 0
    drafts: int = 0
    people: list[int] = field(default_factory=list)
    sign_in_records: int = 0
    dry_run: bool = False

    def lines(self) -> list[str]:
        verb = "Would remove" if self.dry_run else "Removed"
        months = settings.RETENTION_MONTHS
        return [
            f"Reviews closed more than {months} months ago: {len(self.reviews)}",
            *(f"  review {pk}: {title}" for pk, title in self.reviews),
            f"{verb} {self.invitations} invitation(s) and their message rows",
            f"{verb} the text of {self.comments} comment(s)",
            f"{verb} {self.drafts} autosaved draft(s)",
            f"{verb} the details of {len(self.people)} person(s) with no current "
            "role"
            + (f": ids {', '.join(map(str, self.people))}" if self.people else ""),
            f"{verb} {self.sign_in_records} sign-in record(s)",
        ]


def _people_to_erase(reviews: list[int], since: dt.datetime) -> list[Person]:
    """People these reviews invited who have nothing current left here."""
    current_role = [
        Exists(role.objects.current().filter(person=OuterRef("pk")))
        for role in (Membership, StaffRole, RepAssignment)
    ]
    still_invited = Invitation.objects.exclude(review_id__in=reviews).filter(
        review__in=Review.objects.exclude(pk__in=Review.objects.past_retention())
    )
    return list(
        Person.objects.filter(invitations__review_id__in=reviews)
        .exclude(name=ERASED_NAME)
        .exclude(current_role[0] | current_role[1] | current_role[2])
        .exclude(pk__in=still_invited.values("person_id"))
        .exclude(user__last_login__gte=since)
        .distinct()
        .order_by("pk")
    )


@transaction.atomic
def remove_expired_identities(*, dry_run: bool = False) -> RetentionReport:
    """Remove what identifies people in reviews past retention (see the module)."""
    expired = Review.objects.past_retention().order_by("closes", "pk")
    report = RetentionReport(
        reviews=list(expired.values_list("pk", "title")), dry_run=dry_run
    )
    ids = [pk for pk, _ in report.reviews]
    since = timezone.make_aware(dt.datetime.combine(retention_cutoff(), dt.time.min))
    people = _people_to_erase(ids, since)
    report.people = [p.pk for p in people]
    responses = Response.objects.filter(review_id__in=ids)
    comments = responses.exclude(comments="")
    drafts = responses.filter(draft__isnull=False)
    invitations = Invitation.objects.filter(review_id__in=ids)
    sign_ins = [
        record.objects.filter(attempt_time__lt=since)
        for record in (AccessAttempt, AccessLog, AccessFailureLog)
    ]
    report.comments, report.drafts = comments.count(), drafts.count()
    report.invitations = invitations.count()
    report.sign_in_records = sum(rows.count() for rows in sign_ins)
    if dry_run:
        return report
    comments.update(comments="", updated=timezone.now())
    drafts.update(draft=None, draft_saved_at=None)
    # Before the invitations go: erasing follows them to other reviews' responses.
    for person in people:
        erase_person(person=person)
    invitations.delete()
    for rows in sign_ins:
        rows.delete()
    return report
