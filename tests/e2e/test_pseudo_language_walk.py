"""A walk through the whole respondent journey in a pseudo-language (issue 24).

Every translation, the scripts' catalogue and the framework's words included,
is the English wrapped in ⟦ ⟧ (tests/pseudo_language.py), installed in this
process and so in the live server's thread. The walk chooses it from the
language list on the personal link's first page, answers with the stepper or
the whole form, opens each statement's help, checks, submits, sees the
thank-you page and the released results, and visits the pages around the
journey. On every step, what is visible (and what a screen reader reads from
labels and titles) must show no English word outside the markers, except
names, numbers and words marked as in another language than the page's
(English fallbacks carry lang="en-GB").
"""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import draw_every_chart, open_page, release
from tests.pseudo_language import PSEUDO, install, translate_framework, unmarked

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

# The texts a person sees or hears on the page as it is now: text nodes of
# rendered elements (visually hidden ones too: screen readers read them), the
# labels and titles of rendered elements, button values and the page's title;
# none inside an element whose language is not the page's.
VISIBLE_TEXT = """() => {
  const language = document.documentElement.lang.toLowerCase();
  const counts = (el) => el.checkVisibility({checkOpacity: true,
      checkVisibilityCSS: true}) &&
    (el.closest("[lang]").lang.toLowerCase() === language);
  const texts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.data.trim() && node.parentElement && counts(node.parentElement)) {
      texts.push(node.data);
    }
  }
  const labelled = "[aria-label], [title], [alt], [placeholder], " +
    "input[type=submit], input[type=button], input[type=reset]";
  document.body.querySelectorAll(labelled).forEach((el) => {
    if (!counts(el)) { return; }
    ["aria-label", "title", "alt", "placeholder"].forEach((name) => {
      if (el.getAttribute(name)) { texts.push(el.getAttribute(name)); }
    });
    if (el.tagName === "INPUT" && el.type !== "hidden" && el.value &&
        ["submit", "button", "reset"].includes(el.type)) {
      texts.push(el.value);
    }
  });
  return texts;
}"""
WIDTHS = [390, 1280]
AROUND = ["/", "/glossary/", "/privacy/", "/accessibility/", "/meet/"]


@pytest.fixture
def pseudo(settings, monkeypatch) -> None:
    install(settings, monkeypatch)


def unmarked_words(page: Page) -> list[str]:
    return unmarked(page.evaluate(VISIBLE_TEXT))


def assert_marked(page: Page, where: str) -> None:
    assert page.locator("html").get_attribute("lang") == PSEUDO, where
    words = unmarked_words(page)
    assert words == [], f"{where} ({page.url}) shows unmarked words: {words}"


def open_every_detail(page: Page) -> None:
    """Open each <details> (a statement's help, "How we flag"), so what it
    holds is checked as well."""
    closed = page.locator("details:not([open]) > summary:visible")
    for _ in range(100):
        if not closed.count():
            return
        closed.first.click()
    raise AssertionError(f"{page.url} has details that do not open")


def answer(page: Page, fieldset) -> None:
    for column in ("then", "now"):
        fieldset.locator(f"input[name^='{column}-'][value='5'] + label").click()


def walk_the_questionnaire(page: Page) -> None:
    """Every step of the questionnaire, the stepper's words too where it shows."""
    statements = page.locator("fieldset.statement")
    if not page.locator("[data-step-nav]").is_visible():
        open_every_detail(page)
        for index in range(statements.count()):
            answer(page, statements.nth(index))
        expect(page.locator("#autosave-status")).not_to_be_empty()
        assert_marked(page, "the whole questionnaire")
        return
    assert_marked(page, "the questionnaire's first step")
    page.locator("[data-next]").click()
    # Moving on from a statement with nothing chosen says so, in the script's words.
    page.locator("[data-next]").click()
    expect(page.locator(".step-note")).to_be_visible()
    assert_marked(page, "the stepper's note")
    page.locator("[data-back]").click()
    for index in range(statements.count()):
        statement = statements.nth(index)
        open_every_detail(page)
        answer(page, statement)
        if index == 0:
            expect(page.locator("#autosave-status")).not_to_be_empty()
        assert_marked(page, f"statement {index + 1} with its help")
        page.locator("[data-next]").click()
    assert_marked(page, "the questionnaire's last step")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_whole_journey_shows_no_unmarked_words(
    browser, live_server, pseudo, member_invitation, width
):
    invitation, token = member_invitation
    translate_framework(invitation.review.framework_version)
    page = open_page(browser, {"width": width, "height": 800})
    try:
        page.goto(f"{live_server.url}/r/{token}/")
        with page.expect_navigation():
            page.get_by_role("button", name="Pseudo").click()
        walk_the_questionnaire(page)
        with page.expect_navigation():
            page.locator("button[value=continue]").click()
        assert_marked(page, "check your answers")
        with page.expect_navigation():
            page.locator("#submit-answers button[type=submit]").click()
        draw_every_chart(page)
        assert_marked(page, "thank you")

        release(invitation.review)
        page.goto(f"{live_server.url}/r/{token}/")
        assert page.url.endswith("/results/")
        open_every_detail(page)
        draw_every_chart(page)
        assert_marked(page, "released results")

        for path in AROUND:
            page.goto(live_server.url + path)
            open_every_detail(page)
            assert_marked(page, path)
    finally:
        page.context.close()


def test_the_walk_catches_an_unmarked_word(browser, live_server, pseudo):
    page = open_page(browser, {"width": 390, "height": 800})
    try:
        page.goto(f"{live_server.url}/meet/")
        with page.expect_navigation():
            page.get_by_role("button", name="Pseudo").click()
        assert unmarked_words(page) == []
        page.locator("main").evaluate(
            """main => main.insertAdjacentHTML("beforeend",
              "<p>Shown here</p><p hidden>Hidden</p>" +
              "<p lang='en-GB'>English fallback</p>" +
              "<button aria-label='Labelled'>⟦Marked⟧</button>" +
              "<input type='submit' value='Valued'>")"""
        )
        assert unmarked_words(page) == ["Shown", "here", "Labelled", "Valued"]
    finally:
        page.context.close()
