"""The pages around the journey speak Polish and Urdu: the landing page, help
pages and error pages, with the right lang and dir, an English fallback marked
as English, and a line inviting corrections while a translation is a draft."""

import re

import pytest
from django.template.loader import render_to_string
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from reviews.models import InterfaceLanguage, StatementTranslation
from tests.factories import ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db

PAGES = {
    "/": {
        "pl": "Przegląd relacji między partnerstwem a jego LTO",
        "ur": "شراکت داری اور اس کے ایل ٹی او کے تعلق کا جائزہ",
    },
    "/glossary/": {
        "pl": "Słowa, których używamy",
        "ur": "ہمارے استعمال کیے گئے الفاظ",
    },
    "/privacy/": {
        "pl": "To znaczy <strong>co najmniej 3 osoby</strong>.",
        "ur": "جائزہ بند ہونے کے 6 سال بعد",
    },
    "/accessibility/": {
        "pl": "Jak zgłosić problem i co zrobimy",
        "ur": "اس بیان کی تیاری",
    },
}
DIRECTION = {"pl": "ltr", "ur": "rtl"}
CORRECTIONS = {
    "pl": "nikt, kto dobrze zna ten język, jeszcze tego nie sprawdził",
    "ur": "ابھی کسی اچھی اردو جاننے والے نے اسے نہیں جانچا",
}


def page_in(client, language: str, path: str) -> str:
    client.post("/language/", {"language": language, "next": "/"})
    return client.get(path).content.decode()


@pytest.mark.parametrize("language", ["pl", "ur"])
@pytest.mark.parametrize("path", sorted(PAGES))
def test_a_page_speaks_the_chosen_language_with_its_lang_and_dir(
    client, path, language
):
    html = page_in(client, language, path)
    assert f'<html lang="{language}" dir="{DIRECTION[language]}">' in html
    assert PAGES[path][language] in html
    # The footer and the skip link are translated too.
    assert "Skip to main content" not in html


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_the_landing_page_lists_the_statements_in_the_chosen_language(client, language):
    html = page_in(client, language, "/")
    words = StatementTranslation.objects.filter(language=language)
    assert words.count() == 10
    for row in words:
        assert row.text in html
    assert {"pl": "Kapitał społeczny", "ur": "سماجی سرمایہ"}[language] in html
    assert not re.search(r'<li value="\d+" lang="en-GB">', html)


def test_a_statement_without_a_translation_is_shown_in_english_marked_as_such(
    client,
):
    row = StatementTranslation.objects.filter(language="pl").first()
    row.text = ""
    row.save()
    html = page_in(client, "pl", "/")
    assert f'<li value="{row.statement.order}" lang="en-GB">' in html
    assert row.statement.text in html


@pytest.mark.parametrize("language", ["pl", "ur"])
@override_settings(PRIVACY_CONTACT_EMAIL="privacy@example.org")
def test_a_draft_translation_invites_corrections_to_the_privacy_contact(
    client, language
):
    html = page_in(client, language, "/glossary/")
    assert CORRECTIONS[language] in html
    assert 'href="mailto:privacy@example.org"' in html


def test_a_language_staff_mark_checked_no_longer_invites_corrections(
    client, admin_client, admin_user
):
    admin = admin_client
    changelist = reverse("admin:reviews_interfacelanguage_changelist")
    listed = admin.get(changelist).content.decode()
    assert listed.count("draft: not yet checked by a fluent speaker") == 2
    polish = InterfaceLanguage.objects.get(language="pl")

    admin.post(changelist, {"action": "mark_checked", "_selected_action": [polish.pk]})

    polish.refresh_from_db()
    assert polish.checked_by == admin_user
    assert CORRECTIONS["pl"] not in page_in(client, "pl", "/glossary/")
    assert CORRECTIONS["ur"] in page_in(Client(), "ur", "/glossary/")


def test_english_pages_do_not_invite_corrections(client):
    html = client.get("/glossary/").content.decode()
    assert "translation-draft" not in html


@pytest.mark.parametrize(
    ("template", "language", "sentence"),
    [
        ("400.html", "pl", "Coś w tym zapytaniu było nie tak"),
        ("403.html", "ur", "آپ یہاں یہ نہیں کر سکتے"),
        ("403_csrf.html", "pl", "Ten formularz wygasł"),
        ("404.html", "ur", "صفحہ نہیں ملا"),
        ("500.html", "pl", "Przepraszamy, coś poszło nie tak"),
    ],
)
def test_an_error_page_shown_in_a_chosen_language_speaks_it(
    rf, template, language, sentence
):
    with translation.override(language):
        html = render_to_string(template, request=rf.get("/"))
    assert sentence in html
    assert "Go to the home page" not in html


def test_an_address_that_matches_no_page_says_so_in_the_chosen_language(client):
    client.post(reverse("reviews:choose-language"), {"language": "ur", "next": "/"})
    page = client.get("/no-such-page/")
    assert page.status_code == 404
    html = page.content.decode()
    assert '<html lang="ur" dir="rtl">' in html
    assert "صفحہ نہیں ملا" in html
    assert page["Content-Language"] == "ur"


def test_an_address_that_matches_no_page_follows_the_browser(client):
    page = client.get("/no-such-page/", headers={"accept-language": "pl"})
    assert page.status_code == 404
    assert '<html lang="pl"' in page.content.decode()


def test_someone_elses_review_is_not_found_in_english_like_every_rep_page(client):
    client.force_login(UserFactory())
    client.post(reverse("reviews:choose-language"), {"language": "pl", "next": "/"})
    page = client.get(reverse("reviews:review-detail", args=[ReviewFactory().pk]))
    assert page.status_code == 404
    assert '<html lang="en-gb"' in page.content.decode()
