"""The questionnaire's service worker, as the server sends it."""

import pytest
from django.templatetags.static import static
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_service_worker_is_served_from_the_folder_it_controls(client):
    url = reverse("reviews:respond-worker")
    reply = client.get(url)
    assert reply.status_code == 200
    assert url == "/respond/sw.js"
    assert reply["Content-Type"].startswith("text/javascript")
    # A new version of the worker is picked up at once, not after a day.
    assert "no-cache" in reply["Cache-Control"]


def test_the_service_worker_keeps_the_questionnaires_own_files_and_no_other_host(
    client,
):
    body = client.get(reverse("reviews:respond-worker")).content.decode()
    for asset in ("js/questionnaire.js", "css/questionnaire.css", "css/site.css"):
        assert f'"{static(asset)}"' in body
    assert "http://" not in body and "https://" not in body
