"""A respondent answers on a phone with only the keyboard, with and without JS.

Every step (questionnaire, error state, check your answers, thank you) is
checked by axe, and nothing is fetched from anywhere but the live server.
"""

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import PHONE, assert_accessible, assert_stays_local, open_page
from tests.views.respond_helpers import invite

pytestmark = pytest.mark.e2e

STATEMENTS = 10


def focused(page: Page, expression: str) -> bool:
    return page.evaluate(
        f"(() => {{ const el = document.activeElement; return !!({expression}); }})()"
    )


def tab_to(page: Page, expression: str, limit: int = 40) -> None:
    """Press Tab until the focused element matches a JS expression over `el`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, expression):
            return
    raise AssertionError(f"Tab never reached {expression}")


def choose(page: Page, moves: int) -> None:
    """In a focused radio group: Space picks 1, each ArrowRight one more."""
    page.keyboard.press("Space")
    for _ in range(moves):
        page.keyboard.press("ArrowRight")


def open_link(page: Page, live_server) -> str:
    _, token = invite()
    page.goto(f"{live_server.url}/r/{token}/")
    assert token not in page.url
    assert page.url.endswith("/respond/1/") or "/respond/" in page.url
    return token


def answer_statement(page: Page, index: int) -> None:
    """Answer both columns of the statement whose first radio is next in tab order."""
    tab_to(page, "el.type === 'radio' && el.name.startsWith('then-')")
    choose(page, index % 10)
    tab_to(page, "el.type === 'radio' && el.name.startsWith('now-')")
    choose(page, (index + 4) % 10)


def finish_and_check(page: Page, check_axe: bool = False) -> None:
    tab_to(page, "el.id === 'id_comments'")
    page.keyboard.type("Typed with the keyboard only.")
    tab_to(page, "el.tagName === 'BUTTON' && el.value === 'continue'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/check/")
    assert page.locator("h1").inner_text() == "Check your answers"
    assert "Typed with the keyboard only." in page.content()
    if check_axe:
        assert_accessible(page)
    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.includes('Submit')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/thanks/")


def assert_radar_drawn(page: Page) -> None:
    lines = "#own-radar svg .scatterlayer path.js-line"
    page.wait_for_selector(lines, state="attached")
    # One closed line for "at first", one for "now", each with a drawn path.
    assert page.locator(lines).count() == 2
    assert all(
        d.count("L") >= 9
        for d in page.locator(lines).evaluate_all(
            "paths => paths.map(p => p.getAttribute('d') || '')"
        )
    )
    assert page.locator("table caption").inner_text() == "Your answers"


def test_a_respondent_completes_the_questionnaire_on_a_phone_by_keyboard(
    phone_page, live_server
):
    page = phone_page
    open_link(page, live_server)
    assert page.locator(".step-progress").inner_text() == "Before you start"
    assert_accessible(page)
    tab_to(page, "el.matches('[data-next]')")
    page.keyboard.press("Enter")
    for index in range(STATEMENTS):
        progress = page.locator(".step-progress").inner_text()
        assert progress == f"Statement {index + 1} of {STATEMENTS}"
        assert page.locator("fieldset.statement:visible").count() == 1
        answer_statement(page, index)
        tab_to(page, "el.matches('[data-next]')")
        page.keyboard.press("Enter")
    assert page.locator(".step-progress").inner_text() == "Comments and finish"
    finish_and_check(page, check_axe=True)
    assert_radar_drawn(page)
    assert_accessible(page)
    assert_stays_local(page)


def test_the_same_works_with_javascript_switched_off(browser, live_server):
    page = open_page(browser, PHONE, java_script_enabled=False)
    try:
        open_link(page, live_server)
        # axe cannot run where scripts are off; the pages here are the same HTML
        # that the JavaScript tests check, only without the stepper.
        assert page.locator("fieldset.statement:visible").count() == STATEMENTS
        for index in range(STATEMENTS):
            answer_statement(page, index)
        finish_and_check(page)
        assert page.locator("h1").inner_text().startswith("Thank you")
        assert page.locator("table tbody tr").count() == STATEMENTS
        assert_stays_local(page)
    finally:
        page.context.close()


def test_missing_answers_show_a_focused_error_summary_that_leads_to_the_field(
    page, live_server
):
    open_link(page, live_server)
    while page.locator("[data-next]").is_visible():
        page.locator("[data-next]").click()
    page.locator("#id_comments").fill("Kept after the error")
    page.locator("button[value=continue]").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error:")
    assert focused(page, "el.matches('[data-error-summary]')")
    assert page.locator("#id_comments").input_value() == "Kept after the error"
    assert_accessible(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert focused(page, "el.id === 'then-confidence-voice-1'")
    assert page.locator("#then-confidence-voice-1").is_visible()
    assert_stays_local(page)


def test_answers_are_saved_automatically_and_restored(phone_page, live_server):
    page = phone_page
    token = open_link(page, live_server)
    page.locator("[data-next]").click()
    page.locator("label[for='now-confidence-voice-8']").click()
    page.wait_for_selector("#autosave-status:has-text('saved')")
    page.goto(f"{live_server.url}/r/{token}/")
    assert page.locator("#now-confidence-voice-8").is_checked()


def test_a_workshop_participant_joins_with_a_meeting_code(phone_page, live_server):
    import datetime as dt

    from django.utils import timezone

    from tests.factories import ReviewFactory

    # The rep chose to let LTO staff answer through this code too.
    ReviewFactory(
        meeting_code="ABCD2345",
        meeting_code_active=True,
        meeting_code_perspectives=["member", "lto_staff"],
        meeting_code_expires=timezone.now() + dt.timedelta(days=1),
    )
    page = phone_page
    page.goto(f"{live_server.url}/meet/")
    assert_accessible(page)
    page.locator("#id_code").fill("abcd 2345")
    page.keyboard.press("Enter")
    page.wait_for_url("**/meet/ABCD2345/")
    assert_accessible(page)
    page.locator("label", has_text="LTO staff").click()
    page.locator("button", has_text="Start").click()
    page.wait_for_url("**/respond/*/")
    assert "may be recognisable" in page.content()
    assert_accessible(page)
    assert_stays_local(page)


def test_check_your_answers_offers_a_skip_link_straight_to_submit(
    phone_page, live_server
):
    page = phone_page
    open_link(page, live_server)
    page.evaluate(
        "document.querySelectorAll('input[type=radio][value=\"6\"]')"
        ".forEach(radio => { radio.checked = true; })"
    )
    with page.expect_navigation():
        page.locator("button[value=continue]").evaluate("button => button.click()")
    tab_to(page, "el.textContent.includes('Skip to “Submit your answers”')", limit=4)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused(page, "el.tagName === 'BUTTON' && el.textContent.includes('Submit')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/thanks/")
