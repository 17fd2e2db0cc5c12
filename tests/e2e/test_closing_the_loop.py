"""Closing the loop in real browsers: residents see what their answers made.

The whole journey: a rep opens a review with a meeting code, pastes two
invitations, one resident answers by her link and one by the code, the rep
closes the review, records two actions and releases; both residents open the
results on fresh browsers with no account; the next review of the same
relationship starts from the two actions. Respondent pages pass axe at 390 and
1280 px. Also the phone's one-statement-at-a-time note, the strong choices and
the thank-you page without JavaScript.
"""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import (
    DESKTOP,
    PHONE,
    assert_accessible,
    assert_stays_local,
    log_in,
    open_page,
)
from tests.factories import (
    AppointmentFactory,
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
)
from tests.views.respond_helpers import invite

pytestmark = pytest.mark.e2e


def checked(page: Page) -> None:
    assert_accessible(page)
    assert_stays_local(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} scrolls sideways"


def answer_everything(page: Page, rating: str) -> None:
    page.evaluate(
        f"document.querySelectorAll('input[type=radio][value=\"{rating}\"]')"
        ".forEach(radio => {{ radio.checked = true; }})"
    )
    with page.expect_navigation():
        page.locator('button[value="continue"]').evaluate("button => button.click()")
    page.get_by_role("button", name="Submit your answers").click()
    expect(page).to_have_url(re.compile(r"/thanks/$"))


def local(url: str, live_server) -> str:
    return re.sub(r"^https?://[^/]+", live_server.url, url)


def record_action(page: Page, what: str, due: dt.date) -> None:
    page.get_by_label("What was agreed").fill(what)
    page.locator("input[name=lead][value=lto]").check()
    page.get_by_label("By when").fill(due.isoformat())
    page.get_by_role("button", name="Record the action").click()
    expect(page.locator("main")).to_contain_text(what)


def test_residents_see_the_results_of_the_review_they_answered(
    browser: Browser, live_server, mailoutbox, settings
):
    settings.SITE_URL = live_server.url
    rep = UserFactory(username="rita")
    appointment = AppointmentFactory(organisation__name="Northfield CVS")
    RepAssignmentFactory(
        person=PersonFactory(user=rep, name="Rita Rep"),
        area=appointment.partnership.area,
    )
    page = open_page(browser, DESKTOP)
    log_in(page, live_server, rep)

    # The rep opens a review with a meeting code for partnership members.
    page.goto(live_server.url + "/my/")
    page.get_by_role("link", name=re.compile("^Open a review")).click()
    page.get_by_label("Use a meeting code").check()
    page.get_by_role("button", name="Open the review").click()
    page.wait_for_url("**/invite/")

    # ...and pastes two invitations, checks them, sends them.
    page.get_by_label("Paste a list").fill(
        "Ann Member, ann@example.org, partnership member\n"
        "Len Staff, len@example.org, LTO staff"
    )
    page.get_by_role("button", name="Check the list before sending").click()
    page.get_by_role("button", name="Send 2 invitations").click()
    page.wait_for_url(re.compile(r"/reviews/\d+/$"))
    review_url = page.url
    code = page.locator("#meeting-code strong").inner_text()
    assert len(mailoutbox) == 2

    # Ann answers through her emailed link on her phone.
    ann_mail = next(m for m in mailoutbox if "ann@example.org" in m.to)
    ann_link = local(
        re.search(r"https?://\S+/r/\S+/", ann_mail.body).group(0), live_server
    )
    ann = open_page(browser, PHONE)
    ann.goto(ann_link)
    answer_everything(ann, "4")
    checked(ann)
    assert ann.locator(".results-link").count() == 0
    ann.context.close()

    # Carl answers through the meeting code, and keeps his results link.
    carl = open_page(browser, PHONE)
    carl.goto(live_server.url + "/meet/")
    carl.get_by_label("Meeting code").fill(code)
    carl.get_by_role("button", name="Continue").click()
    carl.get_by_label("Partnership member").check()
    carl.get_by_role("button", name="Start").click()
    answer_everything(carl, "8")
    # On a phone the link is copied or emailed, not scanned from its own screen.
    expect(carl.get_by_role("button", name="Copy my results link")).to_be_visible()
    expect(carl.locator(".results-link img")).to_be_hidden()
    checked(carl)
    carl_link = local(
        carl.locator(".results-link-url a").get_attribute("href"), live_server
    )
    carl.context.close()

    # Before release Carl's results link opens nothing but the wait.
    early = open_page(browser, PHONE)
    early.goto(carl_link)
    expect(early.locator("h1")).to_have_text("The results are not shared yet")
    checked(early)
    early.context.close()

    # The rep closes, records two actions, and releases.
    page.goto(review_url)
    page.get_by_role("link", name="Close the review…").click()
    page.get_by_role("button", name="Close the review").click()
    page.wait_for_load_state()
    waiting = open_page(browser, DESKTOP)
    waiting.goto(ann_link)
    expect(waiting.locator("main")).to_contain_text("This review has closed")
    checked(waiting)
    waiting.context.close()
    page.get_by_role("link", name=re.compile("^Agreed actions")).click()
    due = timezone.localdate() + dt.timedelta(days=60)
    record_action(page, "Meet the LTO every month", due)
    record_action(page, "Publish the accounts on the notice board", due)
    page.goto(review_url)
    page.get_by_role("link", name="Release the results…").click()
    page.get_by_role("button", name="Release the results").click()
    page.wait_for_load_state()

    # Release emails Ann her link (freshly minted: only hashes are kept, so the
    # message carries a new one); Carl keeps the results link he was shown.
    released_mail = [m for m in mailoutbox if "ann@example.org" in m.to][-1]
    assert released_mail is not ann_mail
    ann_link = local(
        re.search(r"https?://\S+/r/\S+/", released_mail.body).group(0), live_server
    )
    # Each resident opens the results on a fresh browser, with no account.
    for link, size, own in ((ann_link, PHONE, "4"), (carl_link, DESKTOP, "8")):
        fresh = open_page(browser, size)
        fresh.goto(link)
        expect(fresh.locator("h1")).to_contain_text("Shared results")
        assert "/accounts/login" not in fresh.url
        main = fresh.locator("main")
        expect(main).to_contain_text("Meet the LTO every month")
        expect(main).to_contain_text("Publish the accounts on the notice board")
        fresh.locator(".own-answers summary").click()
        cells = fresh.locator(".own-answers tbody td").all_inner_texts()
        assert set(cells) == {own}, cells
        assert "Partnership member 1" not in main.inner_text()
        checked(fresh)
        fresh.context.close()

    narrow = open_page(browser, {"width": 320, "height": 640})
    narrow.goto(carl_link)
    expect(narrow.locator("h1")).to_contain_text("Shared results")
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 320
    narrow.context.close()

    # The next review of the same relationship starts from what was agreed.
    page.goto(live_server.url + "/my/")
    page.get_by_role("link", name=re.compile("^Open a review")).click()
    page.get_by_role("button", name="Open the review").click()
    page.wait_for_url("**/invite/")
    page.goto(re.sub(r"/invite/$", "/", page.url))
    main = page.locator("main")
    expect(main).to_contain_text("Last time you agreed")
    expect(main).to_contain_text("Meet the LTO every month")
    expect(main).to_contain_text("Publish the accounts on the notice board")
    checked(page)
    page.context.close()


def test_a_phone_says_once_that_a_statement_was_left_empty(
    browser: Browser, live_server
):
    review = ReviewFactory()
    _, token = invite(review)
    phone = open_page(browser, PHONE)
    phone.goto(f"{live_server.url}/r/{token}/")
    next_button = phone.get_by_role("button", name="Next")
    next_button.click()  # past "Before you start"
    expect(phone.locator(".step-progress")).to_have_text("Statement 1 of 10")
    next_button.click()  # statement 1 left empty
    note = phone.locator(".step-note")
    expect(note).to_contain_text("You have not chosen anything for statement 1")
    expect(phone.locator(".step-progress")).to_have_text("Statement 2 of 10")
    checked(phone)
    phone.get_by_role("button", name="Back").click()
    expect(note).to_be_hidden()
    next_button.click()  # the same statement again: said once only
    expect(note).to_be_hidden()
    expect(phone.locator(".step-progress")).to_have_text("Statement 2 of 10")
    phone.context.close()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_choices_have_strong_borders_targets_and_focus(
    browser: Browser, live_server, size
):
    ReviewFactory(
        meeting_code="ABCD2345",
        meeting_code_active=True,
        meeting_code_perspectives=["member", "worker"],
        meeting_code_expires=timezone.now() + dt.timedelta(days=1),
    )
    page = open_page(browser, size)
    page.goto(f"{live_server.url}/meet/ABCD2345/")
    radio = page.get_by_label("Partnership member")
    box = radio.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    style = radio.evaluate(
        "el => [getComputedStyle(el).borderTopColor,"
        " getComputedStyle(el).borderTopWidth]"
    )
    assert style == ["rgb(73, 80, 87)", "2px"]  # #495057: 7.9:1 on white
    page.keyboard.press("Tab")
    while not page.evaluate("document.activeElement.name === 'perspective'"):
        page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
    assert outline == "rgb(255, 191, 71)"
    checked(page)
    page.context.close()


def test_the_thank_you_page_without_javascript_shows_the_table_only(
    browser: Browser, live_server
):
    review = ReviewFactory()
    _, token = invite(review)
    page = open_page(browser, PHONE, java_script_enabled=False)
    page.goto(f"{live_server.url}/r/{token}/")
    for radio in page.locator(".rating-scale input[value='7']").all():
        radio.check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Submit your answers").click()
    page.wait_for_url("**/thanks/")
    expect(page.locator("table").first).to_be_visible()
    expect(page.locator("#own-radar")).to_be_hidden()
    expect(page.get_by_role("button", name="Print this page")).to_have_count(0)
    # axe needs scripts: the same page with them is checked in the journey.
    page.context.close()
