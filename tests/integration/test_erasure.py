"""Erasure that erases: the audit trail names people by key, so an erased person
reads as "a person whose details were erased" everywhere, history included."""

import json
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.test import Client
from django.urls import reverse

from reviews.actions import invitations
from reviews.models import ERASED_NAME, AuditEvent
from reviews.privacy import erase_person, export_person
from tests.factories import (
    InvitationFactory,
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
    programme_staff_user,
)

pytestmark = pytest.mark.django_db

NAME = "Philippa Quennell-Ashdown"


@pytest.fixture
def history():
    """A review whose rep invited, reminded and revoked Philippa, and a bystander."""
    review = ReviewFactory()
    rep = UserFactory(username="rita")
    RepAssignmentFactory(
        person=PersonFactory(user=rep, name="Rita Rep"),
        area=review.appointment.partnership.area,
    )
    philippa = PersonFactory(name=NAME, email="pq@example.org")
    other = PersonFactory(name="Bystander Jones", email="bj@example.org")
    invitations.invite(
        review=review,
        actor=rep,
        invitees=[
            invitations.Invitee("member", person=philippa),
            invitations.Invitee("member", person=other),
        ],
    )
    invitations.send_reminders(review=review, actor=rep)
    invitation = review.invitations.get(person=philippa)
    invitations.revoke_invitation(invitation=invitation, actor=rep)
    return review, rep, philippa


def test_the_audit_trail_holds_no_names_only_keys(history):
    review, _, philippa = history
    details = " ".join(review.events.values_list("detail", flat=True))
    assert NAME not in details
    assert AuditEvent.objects.about(philippa).count() == 3
    revoked = review.events.for_display().get(action=AuditEvent.Action.REVOKED)
    assert revoked.description == f"Revoked the link for {NAME}"


def test_an_erased_person_is_named_nowhere_and_their_export_lists_the_events(
    history,
):
    review, rep, philippa = history
    erase_person(person=philippa)

    staff = Client()
    staff.force_login(programme_staff_user(username="lt"))
    rep_client = Client()
    rep_client.force_login(rep)
    pages = [
        rep_client.get(reverse("reviews:review-audit", args=[review.pk])),
        rep_client.get(reverse("reviews:review-detail", args=[review.pk])),
        staff.get(reverse("reviews:audit-log")),
        staff.get(reverse("reviews:audit-log"), {"person": philippa.pk}),
        rep_client.get(reverse("reviews:review-export", args=[review.pk])),
    ]
    for page in pages:
        assert page.status_code == 200
        assert NAME not in page.content.decode()
    audit_page = pages[0].content.decode()
    assert f"Revoked the link for {ERASED_NAME}" in audit_page
    assert "Bystander Jones" in audit_page, "others are still named"

    exported = export_person(philippa)
    assert NAME not in json.dumps(exported)
    actions = [event["action"] for event in exported["audit_events"]]
    assert actions == [
        "Invited people",
        "Sent reminders",
        "Revoked an invitation",
    ]
    assert all(ERASED_NAME in event["detail"] for event in exported["audit_events"])


def test_the_admin_audit_list_shows_the_erased_person_by_placeholder(
    history, admin_client
):
    _, _, philippa = history
    erase_person(person=philippa)
    page = admin_client.get("/admin/reviews/auditevent/").content.decode()
    assert NAME not in page
    assert ERASED_NAME in page


def test_an_erased_actor_reads_as_erased_too():
    review = ReviewFactory()
    user = UserFactory(username="philippa.qa", first_name="Philippa")
    person = PersonFactory(name=NAME, user=user)
    AuditEvent.objects.create(review=review, actor=user, action="edited")

    erase_person(person=person)

    event = AuditEvent.objects.select_related("actor").get()
    assert event.actor_label == ERASED_NAME


def test_the_data_migration_moves_names_in_old_details_onto_keys():
    migration = import_module("reviews.migrations.0008_audit_names_to_people")
    invitation = InvitationFactory(person__name=NAME)
    erased_earlier = InvitationFactory(review=invitation.review, person=None)
    review = invitation.review
    old = [
        AuditEvent.objects.create(
            review=review, action="invited", detail=f"Invited 2: {NAME}, Gone Person"
        ),
        AuditEvent.objects.create(
            review=review, action="revoked", detail=f"Revoked the link for {NAME}"
        ),
        AuditEvent.objects.create(
            review=review, action="invited", detail="Sent a new link to Gone Person"
        ),
    ]
    assert erased_earlier.person is None

    migration.names_to_people(django_apps, None)

    for event in old:
        event.refresh_from_db()
        assert NAME not in event.detail and "Gone Person" not in event.detail
    assert [e.description for e in old] == [
        f"Invited 2: {NAME}",
        f"Revoked the link for {NAME}",
        f"Sent a new link to {ERASED_NAME}",
    ]
    erase_person(person=invitation.person)
    assert all(NAME not in e.description for e in old)
