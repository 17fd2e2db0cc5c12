"""The whole respondent journey in English, Polish and Urdu (issue 24).

A member opens their personal link, chooses a language from the list, answers
every statement (with the stepper on a phone, the whole form on a desktop, the
one long form where scripts are off), checks, submits and sees the thank-you
page; once the rep releases the results, the same link opens them. Every page
is in the chosen language, left to right or right to left as it should be,
no wider than the screen, axe clean and served from the live server alone, and
the same ratings are stored the same whichever language they were given in.
"""

import re

import pytest
from django.utils import translation
from playwright.sync_api import Browser, Page

from reviews.models import Answer, Response
from tests.e2e.conftest import (
    assert_accessible,
    assert_stays_local,
    draw_every_chart,
    open_page,
    release,
)
from tests.e2e.test_questionnaire_in_urdu import assert_no_sideways_scroll
from tests.e2e.test_urdu_right_to_left import left

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

# Each language as the list names it, and which way it reads.
LANGUAGES = {
    "en-gb": ("English", "ltr"),
    "pl": ("Polski", "ltr"),
    "ur": ("اردو", "rtl"),
}
WIDTHS = [320, 390, 1280]
# The stepper shows one statement at a time below this width (questionnaire.js).
STEPPER_BELOW = 576
# Each page's heading in English; in another language, its translation.
HEADINGS = {
    "questionnaire": "Your view of the relationship",
    "check": "Check your answers",
    "thanks": "Thank you: your answers are submitted",
    "results": "Shared results:",
}


def ratings(order: int) -> tuple[int, int]:
    """The "at first" and "now" ratings given to statement `order` (1 to 10)."""
    return order, 11 - order


def assert_in_language(page: Page, language: str, heading: str, axe: bool) -> None:
    """The page speaks `language`, fits the screen, is axe clean (where scripts
    run) and asked nothing of another host."""
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == LANGUAGES[language][1]
    with translation.override(language):
        expected = translation.gettext(HEADINGS[heading])
    if language != "en-gb":
        assert expected != HEADINGS[heading], f"{heading} has no {language} heading"
    assert page.locator("h1").inner_text().startswith(expected), page.url
    assert_no_sideways_scroll(page)
    if axe:
        assert_accessible(page)
    else:
        assert_accessible_as_drawn_without_scripts(page)
    assert_stays_local(page)


def assert_accessible_as_drawn_without_scripts(page: Page) -> None:
    """axe needs scripts, which this page has off: the page as a browser
    without scripts drew it (its scripts gone, its <noscript> shown) is opened
    at the same address and size in a second page that runs axe and nothing else."""
    html = re.sub(r"<script\b.*?</script>", "", page.content(), flags=re.S)
    html = re.sub(r"<(/?)noscript\b", r"<\1div", html)
    assert page.viewport_size is not None
    twin = open_page(page.context.browser, page.viewport_size)
    try:
        twin.route(
            page.url,
            lambda route: route.fulfill(
                status=200, content_type="text/html; charset=utf-8", body=html
            ),
        )
        twin.goto(page.url)
        assert twin.evaluate("document.scripts.length") == 0
        assert_accessible(twin)
    finally:
        twin.context.close()


def choose_language(page: Page, language: str) -> None:
    """English is the default; another language is chosen from the list."""
    if language != "en-gb":
        with page.expect_navigation():
            page.get_by_role("button", name=LANGUAGES[language][0]).click()


def assert_rates_from_the_right(page: Page, key: str) -> None:
    """Each line of a rating row starts at its right: 1 rightmost, then 2..."""
    boxes = page.locator(f"input[name='then-{key}'][value]").evaluate_all(
        "inputs => inputs.filter(i => /^[0-9]+$/.test(i.value)).map(i => {"
        " const box = i.getBoundingClientRect();"
        " return [Number(i.value), Math.round(box.top), box.left]; })"
    )
    lines: dict[int, list[tuple[int, float]]] = {}
    for value, top, x in boxes:
        lines.setdefault(top, []).append((value, x))
    for line in lines.values():
        by_value = [x for _, x in sorted(line)]
        assert by_value == sorted(by_value, reverse=True), line
    assert min(lines[min(lines)])[0] == 1


def answer(page: Page, key: str, order: int) -> None:
    then, now = ratings(order)
    page.locator(f"label[for='then-{key}-{then}']").click()
    page.locator(f"label[for='now-{key}-{now}']").click()


def answer_everything(page: Page, keys: list[str], language: str) -> None:
    """Every statement answered, a step at a time where the stepper shows."""
    stepper = page.locator("[data-step-nav]").is_visible()
    if stepper:
        page.locator("[data-next]").click()
    for order, key in enumerate(keys, start=1):
        answer(page, key, order)
        if language == "ur" and order == 1:
            assert_rates_from_the_right(page, key)
            if stepper:
                # Back sits to the right of Next.
                assert left(page, "[data-back]") > left(page, "[data-next]")
        if stepper:
            page.locator("[data-next]").click()
    with page.expect_navigation():
        page.locator("button[value=continue]").click()


def walk(browser: Browser, live_server, invitation, language, width, scripts):
    _, token = invitation
    page = open_page(
        browser, {"width": width, "height": 800}, java_script_enabled=scripts
    )
    try:
        page.goto(f"{live_server.url}/r/{token}/")
        choose_language(page, language)
        assert_in_language(page, language, "questionnaire", scripts)
        # With scripts on, a phone shows the stepper and one statement at a
        # time; without, every statement shows in one long form.
        stepped = scripts and width < STEPPER_BELOW
        shown = page.locator("fieldset.statement:visible").count()
        assert shown == (0 if stepped else 10)
        review = invitation[0].review
        keys = list(
            review.framework_version.statements.order_by("order").values_list(
                "key", flat=True
            )
        )
        answer_everything(page, keys, language)
        assert_in_language(page, language, "check", scripts)
        with page.expect_navigation():
            page.locator("#submit-answers button[type=submit]").click()
        assert page.url.endswith("/thanks/")
        if scripts:
            draw_every_chart(page)
        assert_in_language(page, language, "thanks", scripts)

        release(review)
        page.goto(f"{live_server.url}/r/{token}/")
        assert page.url.endswith("/results/")
        if scripts:
            draw_every_chart(page)
        assert_in_language(page, language, "results", scripts)
    finally:
        page.context.close()
    assert_stored(invitation[0], language, keys)


def assert_stored(invitation, language: str, keys: list[str]) -> None:
    """One submitted response with the ratings given, whatever the language."""
    response = Response.objects.get(invitation=invitation)
    assert response.status == Response.Status.SUBMITTED
    if language != "en-gb":
        assert response.language == language
    stored = {
        a.statement.key: (a.then_rating, a.now_rating)
        for a in Answer.objects.filter(response=response).select_related("statement")
    }
    assert stored == {key: ratings(order) for order, key in enumerate(keys, 1)}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_journey_with_scripts(
    browser, live_server, member_invitation, language, width
):
    walk(browser, live_server, member_invitation, language, width, scripts=True)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_journey_without_scripts(
    browser, live_server, member_invitation, language, width
):
    walk(browser, live_server, member_invitation, language, width, scripts=False)
