"""Audit you can rely on: viewing and exporting results recorded, read-only in
the admin, and Local Trust staff's audit page across reviews."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reviews.actions import invitations
from reviews.models import AuditEvent
from tests.factories import (
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
    programme_staff_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(programme_staff_user(username="lt"))
    return client


@pytest.mark.parametrize(
    ("name", "action"),
    [
        ("review-results", AuditEvent.Action.VIEWED_RESULTS),
        ("review-individuals", AuditEvent.Action.VIEWED_INDIVIDUALS),
        ("review-pack", AuditEvent.Action.VIEWED_PACK),
        ("review-export", AuditEvent.Action.EXPORTED_CSV),
    ],
)
def test_viewing_and_exporting_results_is_recorded_with_who(client, name, action):
    review = ReviewFactory()
    rep = UserFactory(username="rita")
    RepAssignmentFactory(
        person=PersonFactory(user=rep), area=review.appointment.partnership.area
    )
    client.force_login(rep)

    assert client.get(reverse(f"reviews:{name}", args=[review.pk])).status_code == 200

    event = review.events.get()
    assert (event.action, event.actor) == (action, rep)


def test_audit_events_are_read_only_in_the_admin_even_for_superusers(
    client, admin_user
):
    client.force_login(admin_user)
    event = AuditEvent.objects.create(review=ReviewFactory(), action="opened")
    base = "/admin/reviews/auditevent/"

    assert client.get(f"{base}add/").status_code == 403
    assert client.get(f"{base}{event.pk}/delete/").status_code == 403
    page = client.get(f"{base}{event.pk}/change/")
    assert page.status_code == 200 and b'name="detail"' not in page.content
    client.post(f"{base}{event.pk}/change/", {"detail": "rewritten"})
    client.post(
        base, {"action": "delete_selected", "_selected_action": [event.pk], "post": 1}
    )
    event.refresh_from_db()
    assert event.detail == ""


def make_events(count: int) -> None:
    for _ in range(count):
        review = ReviewFactory()
        person = PersonFactory()
        invitations.invite(
            review=review,
            actor=UserFactory(),
            invitees=[invitations.Invitee("member", person=person)],
        )


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_audit_page_runs_the_same_queries_however_many_events(staff_client):
    url = reverse("reviews:audit-log")
    make_events(2)
    few = queries_for(staff_client, url)
    make_events(20)
    assert queries_for(staff_client, url) == few
    # session, user, staff check, review choices, count, events, their people
    assert few <= 8


def test_the_audit_page_filters_by_review_person_and_kind(staff_client):
    review = ReviewFactory(title="The review we want")
    other = ReviewFactory(title="Some other review")
    ann, bob = PersonFactory(name="Ann Ames"), PersonFactory(name="Bob Bell")
    actor = UserFactory()
    invitations.invite(
        review=review, actor=actor, invitees=[invitations.Invitee("member", person=ann)]
    )
    invitations.invite(
        review=other, actor=actor, invitees=[invitations.Invitee("member", person=bob)]
    )
    invitations.revoke_invitation(invitation=review.invitations.get(), actor=actor)
    url = reverse("reviews:audit-log")

    by_review = staff_client.get(url, {"review": other.pk}).content.decode()
    assert "Bob Bell" in by_review and "Ann Ames" not in by_review

    by_person = staff_client.get(url, {"person": ann.pk}).content.decode()
    assert "Ann Ames" in by_person and "Bob Bell" not in by_person
    assert "2 events" in by_person

    by_kind = staff_client.get(url, {"kind": "revoked"}).content.decode()
    assert "Revoked the link for Ann Ames" in by_kind
    assert "Invited 1" not in by_kind


def test_the_audit_page_is_paginated(staff_client):
    review = ReviewFactory()
    AuditEvent.objects.bulk_create(
        AuditEvent(review=review, action="edited", detail=f"Change {n}")
        for n in range(60)
    )
    first = staff_client.get(reverse("reviews:audit-log")).content.decode()
    assert "Page 1 of 2" in first
    assert first.count("Change ") == 50


def test_reps_get_404_for_the_audit_page(client):
    rep = UserFactory(username="rita")
    RepAssignmentFactory(person=PersonFactory(user=rep))
    client.force_login(rep)
    assert client.get(reverse("reviews:audit-log")).status_code == 404
