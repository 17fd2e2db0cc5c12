"""A staff member can export everything about a person, or erase them."""

import json

import pytest

from partnerships.models import Person
from reviews.models import Response
from reviews.privacy import erase_person, export_person
from tests.factories import (
    InvitationFactory,
    MembershipFactory,
    ResponseFactory,
    UserFactory,
    answer_all,
)

pytestmark = pytest.mark.django_db


def answered_invitation(name="Philippa Quennell-Ashdown"):
    membership = MembershipFactory(person__name=name, person__phone="01632 960123")
    invitation = InvitationFactory(person=membership.person, perspective="member")
    response = ResponseFactory(
        review=invitation.review,
        invitation=invitation,
        comments="More evening meetings",
    )
    answer_all(response, then=3, now=8)
    return membership.person, response


def test_export_holds_the_persons_details_roles_and_answers():
    person, response = answered_invitation()
    data = export_person(person)
    assert data["person"]["name"] == "Philippa Quennell-Ashdown"
    assert data["person"]["phone"] == "01632 960123"
    assert len(data["memberships"]) == 1
    assert data["responses"][0]["comments"] == "More evening meetings"
    assert {a["now"] for a in data["responses"][0]["answers"]} == {8}
    assert "token_hash" not in json.dumps(data)


def test_export_holds_an_autosaved_draft_not_yet_continued_with():
    person, response = answered_invitation()
    draft = {"comments": "Meetings are too early", "s1-now": "9"}
    Response.objects.filter(pk=response.pk).update(draft=draft)
    exported = export_person(person)["responses"][0]
    assert exported["unsaved_draft"] == draft
    assert exported["comments"] == "More evening meetings"


def test_erasing_removes_identity_but_keeps_answers_as_a_perspective():
    person, response = answered_invitation()
    user = UserFactory(email="pq@example.org")
    person.user = user
    person.save()

    erase_person(person=person)

    person.refresh_from_db()
    user.refresh_from_db()
    assert "Quennell" not in person.name
    assert person.email == "" and person.phone == ""
    assert person.user is None
    assert not user.is_active and not user.has_usable_password()
    kept = Response.objects.get(pk=response.pk)
    assert kept.invitation is None
    assert kept.perspective == "member"
    assert kept.answers.count() == 10
    assert export_person(person)["responses"] == []


def test_admin_exports_one_person_as_json(admin_client):
    person, _ = answered_invitation()
    response = admin_client.post(
        "/admin/partnerships/person/",
        {"action": "export_data", "_selected_action": [person.pk]},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["person"]["id"] == person.pk


def test_admin_erases_selected_people(admin_client):
    person, _ = answered_invitation()
    admin_client.post(
        "/admin/partnerships/person/",
        {"action": "erase", "_selected_action": [person.pk]},
    )
    assert not Person.objects.filter(name__contains="Quennell").exists()
