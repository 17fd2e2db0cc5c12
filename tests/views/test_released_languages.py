"""Released results in the respondent's language: the page's own words, the
analysis package's labels, the framework's statements and its questions to open
with translated, English fallbacks marked with `lang="en-GB"`, and Urdu right to
left."""

import datetime as dt
import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from reviews.models import AgreedAction, OpeningQuestionTranslation, Review
from tests.factories import ReviewFactory, bulk_responses, framework_version
from tests.views.respond_helpers import invite

pytestmark = pytest.mark.django_db


def released(review: Review) -> Review:
    bulk_responses(review, "member", [[3] * 10, [4] * 10, [5] * 10])
    bulk_responses(review, "lto_staff", [[9] * 10])
    Review.objects.filter(pk=review.pk).update(
        status=Review.Status.CLOSED, released_at=timezone.now()
    )
    return review


@pytest.fixture
def review() -> Review:
    return released(ReviewFactory(min_group_size=3))


def read_in(language: str | None, review: Review) -> str:
    """The released results, opened by a personal link in `language`."""
    client = Client()
    _, token = invite(review)
    client.get(reverse("reviews:respond-link", args=[token]))
    if language:
        client.post("/language/", {"language": language, "next": "/"})
    page = client.get(reverse("reviews:respond-results", args=[review.pk]))
    assert page.status_code == 200
    return page.content.decode()


def test_released_results_read_in_polish(review):
    html = read_in("pl", review)
    assert '<html lang="pl" dir="ltr">' in html
    assert "Udostępnione wyniki:" in html
    assert "Jak każda grupa widzi relację teraz" in html
    assert "Stwierdzenie po stwierdzeniu" in html
    # The analysis package's words, translated at the Django side.
    assert "Członkowie partnerstwa" in html
    assert ">Personel LTO: na początku i teraz<" in html
    assert ">Mediana</th>" in html
    assert ">Na ile widzą to podobnie</th>" in html
    # The framework's words, from the version's Polish translation.
    assert 'class="statement-name">1. Pewność siebie i głos</th>' in html
    assert ">1. Confidence and voice<" not in html


def test_released_results_read_in_urdu_right_to_left(review):
    html = read_in("ur", review)
    assert '<html lang="ur" dir="rtl">' in html
    assert "bootstrap.rtl.min" in html
    assert "شیئر کیے گئے نتائج:" in html
    assert "ایل ٹی او کا عملہ" in html
    assert "1. اعتماد اور آواز" in html


def test_chart_legends_are_in_the_pages_language(review):
    html = read_in("pl", review)
    figure = re.search(r'id="group-radar-member-data"[^>]*>(.*?)</script>', html)
    assert figure and "Na pocz\\u0105tku" in figure.group(1)
    assert '"name": "At first"' not in figure.group(1)


def test_the_discussion_points_and_how_we_flag_are_in_the_pages_language(review):
    html = read_in("pl", review)
    agenda = html[html.index('id="points-heading"') : html.index('id="charts-heading"')]
    assert (
        "członkowie partnerstwa (3): teraz średnio 4.0, a jedyna osoba z personelu "
        "LTO, która odpowiedziała: 9.0 – różnica 5.0 pkt."
    ) in agenda
    assert "rate it" not in agenda
    flag = html[html.index('id="flag-heading"') :]
    assert "Średnie nie uwzględniają odpowiedzi „nie wiem” i „nie dotyczy nas”." in flag
    assert 'lang="en-GB"' not in flag.split("</section>")[0]


def test_the_discussion_points_in_urdu(review):
    html = read_in("ur", review)
    agenda = html[html.index('id="points-heading"') : html.index('id="charts-heading"')]
    assert "یعنی 5.0 پوائنٹس کا فرق۔" in agenda
    assert "a gap of" not in agenda


def test_a_statement_without_a_translation_is_english_and_says_so():
    review = released(ReviewFactory(framework_version=framework_version("fund", 3)))
    html = read_in("pl", review)
    assert '<html lang="pl"' in html
    assert 'class="statement-name" lang="en-GB">1. Short 1</th>' in html


def test_english_readers_never_get_another_languages_cached_results(review):
    read_in("pl", review)
    html = read_in(None, review)
    assert '<html lang="en-gb" dir="ltr">' in html
    assert "How each group sees the relationship now" in html
    assert "1. Confidence and voice" in html
    assert "Członkowie partnerstwa" not in html
    assert 'class="statement-name">1. Confidence and voice' in html


def opening_questions(html: str) -> list[str]:
    """Each question to open with on the page, as its list item's HTML."""
    lists = re.findall(r'<ul class="opening-questions[^"]*"[^>]*>(.*?)</ul>', html)
    return [item for items in lists for item in re.findall(r"<li[^>]*>.*?</li>", items)]


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_questions_to_open_with_are_in_the_language_and_not_marked_english(
    review, language
):
    translated = {
        escape(text)
        for text in OpeningQuestionTranslation.objects.filter(
            language=language
        ).values_list("text", flat=True)
    }
    html = read_in(language, review)
    assert re.search(r'<ul class="opening-questions[^"]*" lang', html) is None
    items = opening_questions(html)
    assert items
    for item in items:
        assert item.startswith("<li>"), item
        assert item.removeprefix("<li>").removesuffix("</li>") in translated


def test_a_question_without_polish_is_english_and_says_so(review):
    first = opening_questions(read_in("pl", review))[0]
    shown = unescape(first.removeprefix("<li>").removesuffix("</li>"))
    row = OpeningQuestionTranslation.objects.get(language="pl", text=shown)
    row.delete()
    items = opening_questions(read_in("pl", review))
    assert items[0] == f'<li lang="en-GB">{escape(row.question.text)}</li>'
    # Only that one: the rest keep their Polish.
    assert [item for item in items if item.startswith("<li lang=")] == items[:1]


def test_what_was_agreed_reads_in_the_pages_language(review):
    statement = review.framework_version.statements.get(order=1)
    action = AgreedAction.objects.create(
        review=review, what="Meet monthly", lead="lto", due=dt.date(2027, 3, 1)
    )
    action.statements.set([statement])
    html = read_in("pl", review)
    agreed = html[html.index('id="agreed-heading"') : html.index('id="flag-heading"')]
    assert "Prowadzi: LTO · termin: 1 marca 2027" in agreed
    assert ">Uzgodnione<" in agreed
    assert "Dotyczy: 1. Pewność siebie i głos" in agreed
    assert "Led by" not in agreed
