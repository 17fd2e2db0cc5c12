"""Trying to stuff a review through a meeting code, in real browsers.

Each attempt (a second response from the same browser, a perspective the code was
not opened for, a new browser past the cap, the code after it expired) is refused
with a clear message; the rep then sets one answer aside and counts it again. A
new browser context is a new browser: that is what the cap and setting aside are
for.
"""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from reviews.models import MeetingCodeAttempt, Response, Review
from reviews.responding.session import MEETING_CODE_MAX_FAILURES
from tests.e2e.conftest import DESKTOP, PHONE, assert_accessible, log_in, open_page
from tests.factories import RepAssignmentFactory, ReviewFactory, UserFactory

pytestmark = pytest.mark.e2e

CODE = "ABCD2345"


def type_code(page: Page, live_server) -> None:
    page.goto(live_server.url + "/meet/")
    page.get_by_label("Meeting code").fill("abcd 2345")
    page.get_by_role("button", name="Continue").click()


def join_as_member(page: Page, live_server) -> None:
    type_code(page, live_server)
    page.get_by_label("Partnership member").check()
    page.get_by_role("button", name="Start").click()
    expect(page.locator("#questionnaire")).to_be_visible()


def answer_everything(page: Page) -> None:
    page.evaluate(
        "document.querySelectorAll('input[type=radio][value=\"6\"]')"
        ".forEach(radio => { radio.checked = true; })"
    )
    with page.expect_navigation():
        page.locator('button[value="continue"]').evaluate("button => button.click()")
    page.get_by_role("button", name="Submit your answers").click()
    expect(page).to_have_url(re.compile(r"/thanks/$"))


@pytest.fixture
def review() -> Review:
    return ReviewFactory(
        meeting_code=CODE,
        meeting_code_active=True,
        meeting_code_perspectives=["member"],
        meeting_code_expires=timezone.now() + dt.timedelta(days=1),
        meeting_code_cap=2,
    )


def test_stuffing_a_review_through_its_code_is_refused_at_every_turn(
    browser: Browser, live_server, review
):
    first = open_page(browser, PHONE)
    type_code(first, live_server)
    # Only the perspective the rep opened is offered...
    expect(first.get_by_role("radio")).to_have_count(1)
    # ...and claiming another by editing the page is refused.
    first.evaluate("document.querySelector('input[name=perspective]').value = 'rep'")
    first.get_by_role("radio").check()
    first.get_by_role("button", name="Start").click()
    expect(first.locator(".error-summary")).to_contain_text(
        "This meeting code is not for that perspective"
    )
    first.get_by_label("Partnership member").check()
    first.get_by_role("button", name="Start").click()
    answer_everything(first)

    # The same browser coming back gets its own answers, not a second response.
    type_code(first, live_server)
    expect(first.locator("#questionnaire")).to_be_visible()
    assert Response.objects.filter(review=review).count() == 1

    # A new browser is a new browser: it gets in, up to the cap of submitted
    # answers.
    second = open_page(browser, PHONE)
    join_as_member(second, live_server)
    answer_everything(second)
    third = open_page(browser, PHONE)
    type_code(third, live_server)
    expect(third.get_by_role("heading", level=1)).to_have_text(
        "This meeting code has taken all the answers it allows"
    )
    assert Response.objects.filter(review=review).count() == 2

    # After expiry nobody new gets in, and the page says why.
    Review.objects.filter(pk=review.pk).update(
        meeting_code_cap=None, meeting_code_expires=timezone.now()
    )
    fourth = open_page(browser, PHONE)
    type_code(fourth, live_server)
    expect(fourth.locator(".error-summary")).to_contain_text(
        "This meeting code has ended"
    )
    fourth.goto(f"{live_server.url}/meet/{CODE}/")
    expect(fourth.get_by_role("heading", level=1)).to_have_text(
        "This meeting code has ended"
    )
    assert Response.objects.filter(review=review).count() == 2
    for page in (first, second, third, fourth):
        page.context.close()


def test_the_rep_sets_an_answer_aside_and_counts_it_again(
    browser: Browser, live_server, review
):
    respondent = open_page(browser, PHONE)
    join_as_member(respondent, live_server)
    answer_everything(respondent)
    respondent.context.close()
    rep = UserFactory()
    RepAssignmentFactory(person__user=rep, area=review.appointment.partnership.area)
    page = open_page(browser, DESKTOP)
    log_in(page, live_server, rep)
    page.goto(f"{live_server.url}/reviews/{review.pk}/")

    page.get_by_role("link", name="Show the code on a screen").click()
    expect(page.locator("#the-code")).to_have_text("ABCD 2345")
    expect(page.get_by_role("img", name="QR code")).to_be_visible()
    assert_accessible(page)
    page.go_back()

    counts = page.locator("#code-counts tbody tr").first
    expect(counts).to_contain_text("Partnership members")
    page.get_by_role("link", name="Set aside Partnership member 1").click()
    assert_accessible(page)
    page.get_by_role("button", name="Set this answer aside").click()
    expect(page.locator(".error-summary, .invalid-feedback").first).to_be_visible()
    page.get_by_label("Why are you setting this answer aside?").fill(
        "Answered twice from two phones"
    )
    page.get_by_role("button", name="Set this answer aside").click()
    expect(page.locator("#code-set-aside-list")).to_contain_text(
        "Answered twice from two phones"
    )
    assert_accessible(page)
    expect(page.locator("#code-counts tbody tr").first).to_contain_text("0")
    assert Response.objects.counted().filter(review=review).count() == 0

    page.get_by_role("button", name="Count it again").click()
    expect(page.locator("#code-answer-list")).to_contain_text("Partnership member 1")
    assert Response.objects.counted().filter(review=review).count() == 1
    page.goto(f"{live_server.url}/reviews/{review.pk}/audit/")
    expect(page.locator("body")).to_contain_text("Answered twice from two phones")
    page.context.close()


@pytest.mark.slow
def test_a_review_without_a_code_and_a_throttled_connection_say_so_plainly(
    page: Page, live_server
):
    review = ReviewFactory(meeting_code="")
    rep = UserFactory()
    RepAssignmentFactory(person__user=rep, area=review.appointment.partnership.area)
    MeetingCodeAttempt.objects.bulk_create(
        MeetingCodeAttempt(address="127.0.0.1", code=f"W{n}", at=timezone.now())
        for n in range(MEETING_CODE_MAX_FAILURES)
    )

    page.goto(live_server.url + "/meet/")
    page.get_by_label("Meeting code").fill("ABCD2346")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".error-summary")).to_contain_text(
        "Too many tries from this connection: wait 10 minutes or ask the rep."
    )
    expect(page.get_by_label("Meeting code")).to_have_value("ABCD2346")
    assert_accessible(page)

    log_in(page, live_server, rep)
    page.goto(live_server.url + f"/reviews/{review.pk}/meeting-code/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "This review has no meeting code"
    )
    page.get_by_role("link", name="Switch on a meeting code").click()
    expect(page.get_by_label("Most answers through the code")).to_have_value("5")
    assert_accessible(page)
