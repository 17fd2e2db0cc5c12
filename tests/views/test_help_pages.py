"""Help for respondents: on every statement, and on public pages anyone can open."""

import re
from html import unescape

import pytest
from django.urls import reverse

from reviews.analysis.words import CAPITAL_HELP
from reviews.models import Statement
from tests.factories import (
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
)
from tests.views.respond_helpers import answers, start

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ("reviews:glossary", "reviews:privacy", "reviews:accessibility")


def help_of(statement: Statement) -> list[str]:
    """The paragraphs of a statement's help, as `linebreaks` renders them."""
    return statement.help_text.split("\n\n")


def disclosures(html: str) -> list[str]:
    return re.findall(r'<details class="statement-help">(.*?)</details>', html, re.S)


def big_local_statements() -> list[Statement]:
    return list(Statement.objects.filter(version__number=1).order_by("order"))


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_help_pages_are_public_and_fast(client, name, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        response = client.get(reverse(name))
    assert response.status_code == 200


def test_glossary_defines_every_word_the_questionnaire_links_to(client):
    html = client.get(reverse("reviews:glossary")).content.decode()
    for term in ("lto", "rep", "partnership", "capital", "perspective", "release"):
        assert f'id="{term}"' in html
    for help_text in CAPITAL_HELP.values():
        assert help_text in html
    assert "Partnership member" in html and "LTO staff" in html


def test_privacy_notice_says_who_sees_what_and_the_small_group_rule(client):
    html = unescape(client.get(reverse("reviews:privacy")).content.decode())
    assert "never with your name" in html
    assert "at least 3 people" in html
    assert "partnership members, Local Trust staff or other respondents" in html
    assert "“the LTO's view”" in html and "may be recognisable" in html
    assert "release" in html
    assert "How long answers are kept" in html
    assert "erased" in html


def test_accessibility_statement_names_the_standard_tests_and_reporting(client):
    html = client.get(reverse("reviews:accessibility")).content.decode()
    assert "WCAG) 2.2 at level AA" in html
    for how in ("axe-core", "390 pixels", "1280 pixels", "keyboard", "320 pixels"):
        assert how in html
    assert "JavaScript turned off" in html
    assert "Reporting a problem" in html


def page_text(client, name: str) -> str:
    """The page's words without tags or repeated spaces, with mailto links kept."""
    html = client.get(reverse(name)).content.decode()
    html = re.sub(r'<a href="(mailto:[^"]+)">', r" \1 ", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


CONTACTS = {
    "ORGANISATION_NAME": "Example Trust",
    "PRIVACY_CONTACT_EMAIL": "privacy@example.org",
    "ACCESSIBILITY_CONTACT_EMAIL": "access@example.org",
}


def test_privacy_notice_gives_what_article_13_asks(client, settings):
    for name, value in CONTACTS.items():
        setattr(settings, name, value)
    settings.RETENTION_MONTHS = 72
    html = page_text(client, "reviews:privacy")
    assert "Example Trust runs LTO Review and is the controller" in html
    assert "mailto:privacy@example.org" in html
    assert "We do not have a data protection officer" in html
    for part in (
        "What we hold, and why",
        "legitimate interests (UK GDPR article 6(1)(f))",
        "Who receives it",
        "6 years after a review closes",
        "a copy",
        "corrected",
        "erased",
        "object",
        "restrict",
        "in a file",
        "within one month",
        "Information Commissioner's Office",
        "0303 123 1113",
    ):
        assert part in html, part
    assert "Development placeholder" not in html


def test_privacy_notice_states_the_retention_period_from_the_setting(client, settings):
    settings.RETENTION_MONTHS = 30
    html = client.get(reverse("reviews:privacy")).content.decode()
    assert "30 months after a review closes" in html


def test_privacy_notice_names_a_data_protection_officer_when_there_is_one(
    client, settings
):
    settings.DATA_PROTECTION_OFFICER = "Dana Officer, dpo@example.org"
    html = client.get(reverse("reviews:privacy")).content.decode()
    assert "Our data protection officer is Dana Officer, dpo@example.org." in html


def test_without_the_contacts_development_shows_a_clear_placeholder(client, settings):
    settings.ORGANISATION_NAME = settings.PRIVACY_CONTACT_EMAIL = ""
    settings.ACCESSIBILITY_CONTACT_EMAIL = ""
    for name in ("reviews:privacy", "reviews:accessibility"):
        html = client.get(reverse(name)).content.decode()
        assert "Development placeholder" in html
        assert "[organisation not set: ORGANISATION_NAME]" in html
        assert "mailto:" not in html


def test_accessibility_statement_follows_the_public_sector_model(client, settings):
    for name, value in CONTACTS.items():
        setattr(settings, name, value)
    html = page_text(client, "reviews:accessibility")
    assert "This statement applies to LTO Review, run by Example Trust." in html
    assert "What we know is not fully accessible" in html
    assert "partially compliant" in html
    assert "mailto:access@example.org" in html
    assert "We will reply within 10 working days" in html
    assert "Equality and Human Rights Commission" in html
    assert "Equality Advisory and Support Service" in html
    assert "This statement was prepared on 6 December 2026." in html
    assert "It was last reviewed on 6 December 2026." in html


def test_every_page_footer_links_to_the_help_pages(client):
    html = client.get(reverse("reviews:home")).content.decode()
    footer = html[html.index("<footer") :]
    for name in PUBLIC_PAGES:
        assert f'href="{reverse(name)}"' in footer


def test_questionnaire_shows_each_statements_help_in_a_disclosure(client):
    review = start(client)
    html = client.get(reverse("reviews:respond", args=[review.pk])).content.decode()
    found = disclosures(html)
    statements = big_local_statements()
    assert len(found) == len(statements) == 10
    for statement, disclosure in zip(statements, found, strict=True):
        assert "<summary>What this statement means" in disclosure
        for paragraph in help_of(statement):
            assert paragraph in unescape(disclosure)
        assert CAPITAL_HELP[statement.capital] in disclosure


def test_questionnaire_first_page_says_who_sees_answers_and_links_help(client):
    review = start(client, ReviewFactory(min_group_size=4))
    html = client.get(reverse("reviews:respond", args=[review.pk])).content.decode()
    intro = html[html.index('data-step="intro"') : html.index('id="statement-1"')]
    assert "Who will see your answers" in intro
    assert "never with your name" in intro
    assert "at least 4 members answered" in intro
    assert f'href="{reverse("reviews:privacy")}"' in intro
    assert f'href="{reverse("reviews:glossary")}"' in intro


def test_check_your_answers_carries_each_statements_help(client):
    review = start(client)
    client.post(
        reverse("reviews:respond", args=[review.pk]),
        answers(review, action="continue"),
    )
    html = client.get(reverse("reviews:respond-check", args=[review.pk]))
    assert len(disclosures(html.content.decode())) == 10


def test_paper_form_prints_each_statements_help_and_the_capitals(client):
    review = ReviewFactory()
    rep = UserFactory()
    RepAssignmentFactory(
        person=PersonFactory(user=rep), area=review.appointment.partnership.area
    )
    client.force_login(rep)
    html = client.get(reverse("reviews:paper-form", args=[review.pk])).content.decode()
    help_section = html[html.index('class="paper-help"') :]
    for statement in big_local_statements():
        assert help_of(statement)[0] in unescape(help_section)
    for help_text in CAPITAL_HELP.values():
        assert help_text in help_section


def test_landing_page_explains_capitals_from_the_one_definition(client):
    html = client.get(reverse("reviews:home")).content.decode()
    for help_text in CAPITAL_HELP.values():
        assert help_text in html
    assert f'href="{reverse("reviews:glossary")}"' in html
