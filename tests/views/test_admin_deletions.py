"""Admin deletions that would orphan a live invitation are refused; no page
answers 500 because of an invitation without its person."""

import pytest
from django.urls import reverse

from partnerships.models import Person
from reviews.actions import invitations
from reviews.models import Invitation
from tests.factories import (
    InvitationFactory,
    PersonFactory,
    UserFactory,
    programme_staff_user,
)

pytestmark = pytest.mark.django_db


def test_deleting_a_person_with_a_live_invitation_is_refused_with_a_reason(
    admin_client,
):
    invitation = InvitationFactory(person__name="Lou Live")
    person = invitation.person

    page = admin_client.post(
        f"/admin/partnerships/person/{person.pk}/delete/", {"post": "yes"}
    )

    assert page.status_code == 200
    assert "Cannot delete" in page.content.decode()
    assert "has a live invitation to" in page.content.decode()
    assert Person.objects.filter(pk=person.pk).exists()
    invitation.refresh_from_db()
    assert invitation.person_id == person.pk


def test_the_bulk_delete_action_refuses_too(admin_client):
    invitation = InvitationFactory()
    response = admin_client.post(
        "/admin/partnerships/person/",
        {
            "action": "delete_selected",
            "_selected_action": [invitation.person_id],
            "post": "yes",
        },
    )
    assert response.status_code == 200
    assert Person.objects.filter(pk=invitation.person_id).exists()


def test_someone_in_the_audit_trail_is_erased_not_deleted(admin_client):
    invitation = InvitationFactory()
    invitations.revoke_invitation(invitation=invitation, actor=UserFactory())
    page = admin_client.get(
        f"/admin/partnerships/person/{invitation.person_id}/delete/"
    )
    assert "Erase the selected people" in page.content.decode()


def test_a_person_with_only_revoked_invitations_and_no_history_can_be_deleted(
    admin_client,
):
    invitation = InvitationFactory(revoked=True)
    admin_client.post(
        f"/admin/partnerships/person/{invitation.person_id}/delete/", {"post": "yes"}
    )
    assert not Person.objects.filter(pk=invitation.person_id).exists()


def test_the_invitation_sheet_copes_with_a_live_invitation_without_a_person(client):
    invitation = InvitationFactory(person=PersonFactory(name="Kept Person"))
    orphan = InvitationFactory(review=invitation.review)
    Invitation.objects.filter(pk=orphan.pk).update(person=None)
    client.force_login(programme_staff_user(username="lt"))
    url = reverse("reviews:review-invitation-sheet", args=[invitation.review_id])

    choose = client.get(url)
    assert choose.status_code == 200
    printed = client.post(url, {"invitations": [invitation.pk, orphan.pk]})

    assert printed.status_code == 200
    assert "a person whose details were erased" in printed.content.decode()
    assert (
        client.get(
            reverse("reviews:review-detail", args=[invitation.review_id])
        ).status_code
        == 200
    )
