"""The questionnaire journey in Polish and Urdu: the pages' own words, the
framework's words from the version's translations (English, marked, where one is
missing), the language list, the script's catalogue, and results that do not
depend on the language answered in."""

import datetime as dt
import json
import re
from dataclasses import replace

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reviews.models import Review
from reviews.models.translations import StatementTranslation, VersionTranslation
from reviews.results.reading import read_review
from tests.factories import ReviewFactory
from tests.views.respond_helpers import answers, start, url

pytestmark = pytest.mark.django_db

HTML = {"pl": '<html lang="pl" dir="ltr">', "ur": '<html lang="ur" dir="rtl">'}
# One sentence of each page, in each language, as the message files give it.
QUESTIONNAIRE = {"pl": "Twoje zdanie o relacji", "ur": "تعلق کے بارے میں آپ کی رائے"}
CHECK = {"pl": "Sprawdź swoje odpowiedzi", "ur": "اپنے جوابات دیکھ لیں"}
THANKS = {
    "pl": "Dziękujemy: Twoje odpowiedzi są wysłane",
    "ur": "شکریہ: آپ کے جوابات بھیج دیے گئے ہیں",
}
MEET = {"pl": "Odpowiedz na spotkaniu", "ur": "میٹنگ میں جواب دیں"}
MEET_START = {"pl": "Wybierz swoją perspektywę", "ur": "اپنا نقطۂ نظر چنیں"}
PROBLEM = {"pl": "Nie znamy tego linku", "ur": "ہم اس لنک کو نہیں پہچانتے"}
DONT_KNOW = {"pl": "Nie wiem", "ur": "معلوم نہیں"}


def choose(client: Client, language: str) -> None:
    client.post("/language/", {"language": language, "next": "/"})


def page(client: Client, path: str) -> str:
    reply = client.get(path)
    assert reply.status_code == 200
    return reply.content.decode()


def submitted(client: Client, review: Review) -> None:
    client.post(url("respond", review), answers(review))
    client.post(url("respond-submit", review))


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_the_questionnaire_speaks_the_chosen_language(client, language):
    review = start(client)
    choose(client, language)
    body = page(client, url("respond", review))
    assert HTML[language] in body
    assert QUESTIONNAIRE[language] in body
    assert f">{DONT_KNOW[language]}</label>" in body


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_the_statements_and_instruction_come_from_the_versions_translation(
    client, language, settings
):
    settings.PRIVACY_CONTACT_EMAIL = "privacy@example.org"
    review = start(client)
    choose(client, language)
    body = page(client, url("respond", review))
    version = review.framework_version
    words = VersionTranslation.objects.get(version=version, language=language)
    assert words.instruction in body
    for row in StatementTranslation.objects.filter(
        statement__version=version, language=language
    ):
        assert row.text in body
        assert row.statement.text not in body
    # Every word is translated: nothing in the questionnaire is marked English
    # but the review's title, which is the rep's own words.
    main = body[body.index("<main") : body.index("</main>")]
    assert main.count('lang="en-GB"') == 1
    assert f'<p class="lead" lang="en-GB">{review.title}</p>' in main


def test_a_statement_without_a_translation_shows_its_english_marked_as_english(
    client,
):
    review = start(client)
    statement = review.framework_version.statements.order_by("order").first()
    StatementTranslation.objects.filter(statement=statement, language="pl").delete()
    choose(client, "pl")
    body = page(client, url("respond", review))
    assert f'<span lang="en-GB">{statement.text}</span></legend>' in body


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_check_and_thanks_speak_the_chosen_language(client, language):
    review = start(client)
    choose(client, language)
    client.post(url("respond", review), answers(review))
    check = page(client, url("respond-check", review))
    assert HTML[language] in check and CHECK[language] in check
    short = StatementTranslation.objects.filter(
        statement__version=review.framework_version, language=language
    ).first()
    assert short.text in check
    client.post(url("respond-submit", review))
    thanks = page(client, url("respond-thanks", review))
    assert HTML[language] in thanks and THANKS[language] in thanks
    assert short.short_label in thanks


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_the_meeting_code_pages_speak_the_chosen_language(client, language):
    review = ReviewFactory(
        meeting_code="ABCD2345",
        meeting_code_active=True,
        meeting_code_perspectives=["member", "lto_staff"],
        meeting_code_expires=timezone.now() + dt.timedelta(days=1),
    )
    choose(client, language)
    meet = page(client, reverse("reviews:meet"))
    assert HTML[language] in meet and MEET[language] in meet
    start_page = page(client, reverse("reviews:meet-start", args=[review.meeting_code]))
    assert HTML[language] in start_page and MEET_START[language] in start_page


RESULTS_LINK = {
    "pl": ("Zachowaj ten link, żeby zobaczyć wyniki", "Twój nowy link do wyników"),
    "ur": ("نتائج دیکھنے کے لیے یہ لنک سنبھال کر رکھیں", "آپ کا نیا نتائج کا لنک"),
}


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_a_meeting_code_respondents_results_link_speaks_the_chosen_language(
    client, language
):
    review = ReviewFactory(
        meeting_code="ABCD2345",
        meeting_code_active=True,
        meeting_code_perspectives=["lto_staff"],
        meeting_code_expires=timezone.now() + dt.timedelta(days=1),
    )
    choose(client, language)
    started = client.post(
        reverse("reviews:meet-start", args=["ABCD2345"]), {"perspective": "lto_staff"}
    )
    assert started.status_code == 302
    shown, replaced = RESULTS_LINK[language]
    body = page(client, url("respond", review))
    # An LTO staff member is told first that their answers may be recognisable.
    assert {"pl": "zdanie LTO", "ur": "ایل ٹی او کی رائے"}[language] in body
    client.post(url("respond", review), answers(review))
    client.post(url("respond-submit", review))
    assert shown in page(client, url("respond-thanks", review))
    again = client.post(url("respond-new-results-link", review)).content.decode()
    assert HTML[language] in again and replaced in again


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_a_problem_page_speaks_the_chosen_language(client, language):
    choose(client, language)
    reply = client.get(reverse("reviews:respond-link", args=["no-such-token"]))
    body = reply.content.decode()
    assert reply.status_code == 404
    assert HTML[language] in body and PROBLEM[language] in body


def test_the_language_list_names_each_language_in_itself_and_comes_back_here(client):
    review = start(client)
    body = page(client, url("respond", review))
    assert '<form method="post" action="/language/" id="language-choice">' in body
    assert f'name="next" value="{url("respond", review)}"' in body
    assert 'aria-current="true">English</strong>' in body
    assert re.search(r'form="language-choice"[^>]*value="pl"[^>]*lang="pl"', body)
    assert re.search(r'value="ur"[^>]*lang="ur" dir="rtl">اردو</button>', body)
    reply = client.post(
        "/language/", {"language": "ur", "next": url("respond", review)}
    )
    assert reply["Location"] == url("respond", review)
    in_urdu = page(client, reply["Location"])
    assert HTML["ur"] in in_urdu
    # Each language keeps its own name, whatever the page's language.
    assert 'lang="en-gb" dir="ltr">English</button>' in in_urdu
    assert 'lang="pl" dir="ltr">Polski</button>' in in_urdu


def test_the_meeting_code_page_has_the_language_list(client):
    body = page(client, reverse("reviews:meet"))
    assert 'id="language-choice"' in body and ">Polski</button>" in body


def test_the_scripts_catalogue_gives_the_stepper_its_words(client):
    choose(client, "pl")
    catalogue = page(client, reverse("reviews:javascript-catalog"))
    assert "Stwierdzenie %(number)s z %(count)s" in catalogue
    choose(client, "ur")
    urdu = json.dumps("تبصرے اور اختتام")  # the catalogue escapes non-ASCII
    assert urdu in page(client, reverse("reviews:javascript-catalog"))


def answered_by_three(languages: tuple[str, ...]) -> Review:
    """A review answered by three browsers, each in its language (None: the
    default), with the same three sets of ratings every time."""
    review = ReviewFactory()
    for i, language in enumerate(languages):
        client = Client()
        start(client, review)
        if language:
            choose(client, language)
        client.post(url("respond", review), answers(review, then=str(3 + i), now="8"))
        client.post(url("respond-submit", review))
    return review


def test_the_same_ratings_in_english_polish_and_urdu_read_the_same():
    in_three = answered_by_three(("en-gb", "pl", "ur"))
    in_english = answered_by_three((None, None, None))
    languages = in_three.responses.filter(status="submitted").values_list(
        "language", flat=True
    )
    assert sorted(languages) == ["en-gb", "pl", "ur"]
    _, analysis = read_review(in_three, keep=False)
    _, english = read_review(in_english, keep=False)
    assert sum(english.respondents.values()) == 3
    # Which responses are flat is by id, and the ids differ; how many does not.
    assert replace(analysis, flat_response_ids=()) == replace(
        english, flat_response_ids=()
    )
    assert len(analysis.flat_response_ids) == len(english.flat_response_ids)
