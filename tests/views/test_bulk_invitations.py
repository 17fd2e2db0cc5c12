"""Inviting many people at once: a pasted list (or ticked people) is checked line
by line, previewed, and sent in one step; a second submit sends nothing twice."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from partnerships.models import Person
from reviews.forms.invitations import parse_pasted
from reviews.models import Invitation
from tests.factories import (
    AppointmentFactory,
    MembershipFactory,
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PERSPECTIVES = ["partnership member", "LTO staff", "worker"]


def good_lines(count: int = 30) -> list[str]:
    return [
        f"Person {n}, person{n}@example.org, {PERSPECTIVES[n % 3]}"
        for n in range(1, count + 1)
    ]


@pytest.fixture
def rep():
    return UserFactory(username="rita")


@pytest.fixture
def review(rep):
    appointment = AppointmentFactory()
    RepAssignmentFactory(
        person=PersonFactory(user=rep, name="Rita Rep"),
        area=appointment.partnership.area,
    )
    return ReviewFactory(appointment=appointment)


@pytest.fixture
def client(rep) -> Client:
    client = Client()
    client.force_login(rep)
    return client


def post(client: Client, review, data: dict, **kwargs):
    url = reverse("reviews:review-invite", args=[review.pk])
    return client.post(url, data, **kwargs)


def test_thirty_lines_with_three_bad_show_three_precise_errors_and_send_nothing(
    client, review
):
    lines = good_lines()
    lines[3] = "Person 4, person4@example, partnership member"
    lines[11] = "Person 12, person12@example.org"
    lines[20] = "Person 21, person21@example.org, councillor"
    pasted = "\n".join(lines)

    page = post(client, review, {"pasted": pasted, "preview": "1"})

    body = page.content.decode()
    assert page.status_code == 200
    errors = page.context["form"].errors["pasted"]
    assert len(errors) == 3
    assert errors[0] == "Line 4: “person4@example” is not an email address."
    assert errors[1].startswith("Line 12: write a name, an email address and a")
    assert errors[2].startswith("Line 21: “councillor” is not a perspective")
    assert "3 lines of the list need fixing" in body
    # What was typed is kept, to be fixed in place.
    assert "Person 30, person30@example.org, partnership member" in body
    assert not Invitation.objects.exists() and not mail.outbox


def test_a_fixed_list_previews_then_sends_thirty_invitations_and_thirty_emails(
    client, review
):
    pasted = "\n".join(good_lines())

    preview = post(client, review, {"pasted": pasted, "preview": "1"})
    assert len(preview.context["new"]) == 30
    assert "Send 30 invitations" in preview.content.decode()
    assert not Invitation.objects.exists() and not mail.outbox

    sent = post(client, review, {"pasted": pasted, "send": "1"}, follow=True)

    assert "Emailed 30 personal links." in sent.content.decode()
    assert review.invitations.live().count() == 30
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        f"person{n}@example.org" for n in range(1, 31)
    )
    perspectives = set(review.invitations.values_list("perspective", flat=True))
    assert perspectives == {"member", "lto_staff", "worker"}


def test_a_double_submit_sends_nothing_twice(client, review):
    member = PersonFactory(name="Mo Member", email="mo@example.org")
    MembershipFactory(person=member, partnership=review.appointment.partnership)
    data = {
        "pasted": "\n".join(good_lines(11)),
        "people": [f"{member.pk}:member"],
        "send": "1",
    }

    first = post(client, review, data, follow=True)
    second = post(client, review, data, follow=True)

    assert "Emailed 12 personal links." in first.content.decode()
    assert "nothing was sent" in second.content.decode()
    assert review.invitations.count() == 12
    assert len(mail.outbox) == 12


def test_change_the_list_goes_back_to_the_form_with_the_list_as_typed(client, review):
    pasted = "\n".join(good_lines(2))

    page = post(client, review, {"pasted": pasted, "edit": "1"})

    assert "Person 2, person2@example.org, worker" in page.content.decode()
    assert "reviews/workflow/invite.html" in [t.name for t in page.templates]
    assert not Invitation.objects.exists()


def test_ticked_people_and_pasted_lines_preview_together(client, review):
    member = PersonFactory(name="Mo Member", email="mo@example.org")
    MembershipFactory(person=member, partnership=review.appointment.partnership)

    page = post(
        client,
        review,
        {
            "pasted": "Jo Smith, , Partnership members",
            "people": [f"{member.pk}:member"],
            "preview": "1",
        },
    )

    names = [row.name for row in page.context["new"]]
    assert names == ["Mo Member", "Jo Smith"]
    assert "no email: print their link" in page.content.decode()


def test_parsing_reads_tabs_commas_in_names_and_labels_in_any_case():
    lines, errors = parse_pasted(
        "Smith, Jo, JO@Example.org, Partnership Member\n"
        "\n"
        "Al\tal@example.org\tlto_staff\n"
        "Bo, jo@example.org, worker\n"
        ", x@example.org, worker\n"
    )

    assert [(x.name, x.email, x.perspective) for x in lines] == [
        ("Smith, Jo", "jo@example.org", "member"),
        ("Al", "al@example.org", "lto_staff"),
    ]
    assert errors == [
        "Line 4: jo@example.org is already on line 1.",
        "Line 5: the name is missing.",
    ]


def test_a_fourth_item_names_a_language_in_itself_in_english_or_by_code():
    lines, errors = parse_pasted(
        "Ann, ann@example.org, partnership member, Polski\n"
        "Smith, Jo, jo@example.org, worker, اردو\n"
        "Bo\tbo@example.org\tlto staff\tpolish\n"
        "Cy, cy@example.org, worker, ur\n"
        "Di, di@example.org, worker\n"
    )
    assert errors == []
    assert [(x.name, x.language) for x in lines] == [
        ("Ann", "pl"),
        ("Smith, Jo", "ur"),
        ("Bo", "pl"),
        ("Cy", "ur"),
        ("Di", ""),
    ]


def test_an_unknown_language_gets_a_message_naming_the_ones_we_write_in():
    lines, errors = parse_pasted("Ann, ann@example.org, member, Klingon\n")
    assert lines == []
    assert errors == [
        "Line 1: “Klingon” is not a language we write in; use “English”, "
        "“Polski”, “اردو”."
    ]


def test_a_pasted_language_is_kept_shown_to_the_rep_and_used_for_the_email(
    client, review
):
    pasted = "Ann Able, ann@example.org, partnership member, Polski"
    preview = post(client, review, {"pasted": pasted, "preview": "1"})
    assert "emails in Polish" in preview.content.decode()

    post(client, review, {"pasted": pasted, "send": "1"})

    assert Person.objects.get(email="ann@example.org").preferred_language == "pl"
    [message] = mail.outbox
    assert message.subject == "Twoja opinia o partnerstwie i jego LTO"
    page = client.get(reverse("reviews:review-detail", args=[review.pk]))
    assert "Emails in Polish" in page.content.decode()
