"""The account page where a person turns their email digests off and on."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import EmailPreference
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_person_turns_digests_off_and_on_again():
    user = UserFactory()
    client = Client()
    client.force_login(user)
    url = reverse("accounts:email-preferences")

    assert "Email digests" in client.get(url).content.decode()
    client.post(url, {})
    assert EmailPreference.objects.get(user=user).digests is False
    client.post(url, {"digests": "on"})
    assert EmailPreference.objects.get(user=user).digests is True


def test_the_page_needs_a_login():
    response = Client().get(reverse("accounts:email-preferences"))

    assert response.status_code == 302
