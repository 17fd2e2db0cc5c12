"""Each respondent's email is written in their preferred language, English when
they have none, whatever language the sender's page was in."""

import pytest
from django.utils import translation

from reviews import emails
from reviews.models import Invitation
from tests.factories import InvitationFactory, PersonFactory

pytestmark = pytest.mark.django_db

Message = Invitation.Message


def message_to(language: str, kind: str = Message.INVITATION):
    person = PersonFactory(preferred_language=language)
    invitation = InvitationFactory(person=person)
    return emails.invitation_message(invitation, "tok", kind=kind)


def test_an_invitation_goes_in_polish_to_someone_who_prefers_polish():
    message = message_to("pl")
    assert message.subject == "Twoja opinia o partnerstwie i jego LTO"
    assert "Twój osobisty link:" in message.body
    html = message.alternatives[0][0]
    assert '<html lang="pl" dir="ltr">' in html
    assert "Podziel się opinią" in html


def test_a_release_notice_goes_in_urdu_right_to_left():
    message = message_to("ur", Message.RELEASE)
    assert message.subject == "جن نتائج میں آپ نے مدد کی، وہ اب دیکھے جا سکتے ہیں"
    html = message.alternatives[0][0]
    assert '<html lang="ur" dir="rtl">' in html
    assert "نتائج دیکھیں" in html


def test_someone_with_no_preference_gets_english_even_from_a_polish_page():
    with translation.override("pl"):
        message = message_to("")
    assert message.subject == "Your view on your partnership and its LTO"
    assert "Your personal link:" in message.body
