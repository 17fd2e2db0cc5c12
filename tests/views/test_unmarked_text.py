"""Every word a respondent or member reads is marked for translation.

A pseudo-language whose every translation is the English wrapped in ⟦ ⟧ is
switched on, the respondent's pages are rendered, and each piece of visible text
(and each label a screen reader reads) must lie inside the markers. What is data
rather than interface may stay outside: names and numbers, and English fallback
words, which carry lang="en-GB" (the framework's words where a version has no
translation in the language), and anything else whose lang is not the page's.
"""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews.actions import agreed
from reviews.results.presenting import build_deck
from tests.factories import (
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
    bulk_responses,
)
from tests.pseudo_language import CLOSE, OPEN, PSEUDO, install, unmarked
from tests.views.respond_helpers import answers, start, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def pseudo(client, settings, monkeypatch):
    install(settings, monkeypatch)
    client.post(reverse("reviews:choose-language"), {"language": PSEUDO, "next": "/"})
    return client


class VisibleText(HTMLParser):
    """Text a person sees or hears, outside scripts and English fallbacks."""

    SKIPPED = {"script", "style", "template", "noscript"}
    SPOKEN = ("aria-label", "title", "alt", "placeholder")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.texts: list[str] = []

    def _skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # Words in another language than the page's (an English fallback, or
        # each language's own name in the list to choose from) say so.
        other_language = (attrs.get("lang") or PSEUDO).lower() != PSEUDO
        skip = tag in self.SKIPPED or other_language or "hidden" in attrs
        if tag not in {"br", "img", "input", "meta", "link", "hr", "source"}:
            self.stack.append((tag, skip))
        if not (skip or self._skipping()):
            self.texts += [attrs[name] for name in self.SPOKEN if attrs.get(name)]
            if tag == "input" and attrs.get("type") in {"submit", "button"}:
                self.texts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self._skipping() and data.strip():
            self.texts.append(data)


def unmarked_words(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html[html.index("<body") :] if "<body" in html else html)
    return unmarked(parser.texts)


def pages_of_a_respondent(client) -> dict[str, str]:
    review = start(client)
    pages = {"questionnaire": client.get(url("respond", review)).content.decode()}
    client.post(url("respond", review), answers(review))
    pages["check"] = client.get(url("respond-check", review)).content.decode()
    client.post(url("respond-submit", review))
    pages["thanks"] = client.get(url("respond-thanks", review)).content.decode()
    return pages


def test_the_respondents_journey_shows_no_unmarked_words(pseudo):
    for name, html in pages_of_a_respondent(pseudo).items():
        assert unmarked_words(html) == [], (name, unmarked_words(html))


@pytest.mark.parametrize(
    "path", ["/", "/glossary/", "/privacy/", "/accessibility/", "/meet/"]
)
def test_the_pages_around_the_journey_show_no_unmarked_words(pseudo, path):
    assert unmarked_words(pseudo.get(path).content.decode()) == []


def test_an_error_page_shows_no_unmarked_words(pseudo):
    page = pseudo.get(reverse("reviews:respond-link", args=["not-a-token"]))
    assert (words := unmarked_words(page.content.decode())) == [], words


def answered_and_released(client, members: list[list[int]]):
    """A review this browser answered, with `members`' rows, then released."""
    review = start(client, ReviewFactory(min_group_size=3))
    client.post(url("respond", review), answers(review))
    client.post(url("respond-submit", review))
    bulk_responses(review, "member", members)
    review.status, review.released_at = review.Status.CLOSED, timezone.now()
    review.save()
    return review


def test_released_results_show_no_unmarked_words(pseudo):
    review = answered_and_released(pseudo, [[3] * 10, [4] * 10, [5] * 10])
    page = pseudo.get(url("respond-results", review))
    assert page.status_code == 200
    assert (words := unmarked_words(page.content.decode())) == [], words


def test_the_checker_finds_an_unmarked_word():
    html = f"<body><p>{OPEN}Marked{CLOSE} Unmarked</p><p lang='en-GB'>Data</p></body>"
    assert unmarked_words(html) == ["Unmarked"]


def test_the_scripts_catalogue_is_in_the_pseudo_language_too(pseudo):
    body = pseudo.get(reverse("reviews:javascript-catalog")).content.decode()
    # json.dumps writes the markers as escapes; the browser reads ⟦Back⟧.
    assert '"Before you start": "\\u27e6Before you start\\u27e7"' in body


def test_what_was_agreed_on_released_results_shows_no_unmarked_words(pseudo):
    review = answered_and_released(pseudo, [[3] * 10, [4] * 10, [9] * 10])
    rep = UserFactory()
    first = agreed.record_action(
        review=review,
        actor=rep,
        what="x",
        lead="lto",
        due=dt.date(2027, 1, 5),
        statements=list(review.framework_version.statements.all()[:2]),
    )
    agreed.change_status(action=first, actor=rep, status="in_progress", note="y")
    agreed.record_action(
        review=review,
        actor=rep,
        what="z",
        lead="other",
        lead_other="Council",
        due=dt.date(2020, 1, 5),
    )
    page = pseudo.get(url("respond-results", review)).content.decode()
    assert 'id="agreed-heading"' in page
    assert (words := unmarked_words(page)) == [], words


def test_an_address_that_matches_no_page_shows_no_unmarked_words(pseudo):
    page = pseudo.get("/no-such-page/")
    assert page.status_code == 404
    assert (words := unmarked_words(page.content.decode())) == [], words


def test_the_meetings_screens_and_pack_show_no_unmarked_words(pseudo):
    review = ReviewFactory(status="closed")
    bulk_responses(review, "member", [[2] * 10, [3] * 10, [2] * 10])
    bulk_responses(review, "lto_staff", [[9] * 10])
    rep = UserFactory()
    RepAssignmentFactory(person__user=rep, area=review.appointment.partnership.area)
    agreed.record_action(
        review=review, actor=rep, what="x", lead="partnership", due=dt.date(2027, 1, 5)
    )
    pseudo.force_login(rep)
    pack = pseudo.get(reverse("reviews:review-pack", args=[review.pk]))
    assert (words := unmarked_words(pack.content.decode())) == [], ("pack", words)
    for screen in range(build_deck(review).last + 1):
        page = pseudo.get(reverse("reviews:present-screen", args=[review.pk, screen]))
        assert page.status_code == 200
        html = page.content.decode()
        assert (words := unmarked_words(html)) == [], (screen, words)
