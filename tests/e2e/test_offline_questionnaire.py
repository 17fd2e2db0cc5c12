"""A resident answers in a hall whose signal comes and goes (issue 23, point 5).

The questionnaire keeps every change on the phone, a reload with no signal is
served by its service worker, a submission made offline waits and is sent once
when the signal is back, and answers typed after the session ended come back.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from reviews.models import Answer, Response, Review
from tests.e2e.conftest import DESKTOP, PHONE, assert_accessible, open_page
from tests.e2e.test_meeting_codes import answer_everything
from tests.factories import ReviewFactory
from tests.views.respond_helpers import invite

pytestmark = pytest.mark.e2e

OFFLINE = "Saved on this phone; it will be sent when you are back online."


def statement_keys(review: Review) -> list[str]:
    return list(
        review.framework_version.statements.order_by("order").values_list(
            "key", flat=True
        )
    )


def answer(page: Page, key: str, then: int, now: int) -> None:
    page.locator(f"label[for='then-{key}-{then}']").click()
    page.locator(f"label[for='now-{key}-{now}']").click()


def open_questionnaire(page: Page, live_server) -> tuple[Review, str]:
    invitation, token = invite()
    page.goto(f"{live_server.url}/r/{token}/")
    expect(page.locator("#questionnaire")).to_be_visible()
    return invitation.review, token


def eventually(page: Page, expression: str, seconds: float = 10) -> None:
    """Until a JS expression, awaited, is true (wait_for_function does not await
    a promise: it would pass at once)."""
    for _ in range(int(seconds * 10)):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"never true: {expression}")


def kept_page(path: str) -> str:
    return f"caches.match('{path}', {{ignoreVary: true}}).then(hit => !!hit)"


@pytest.mark.slow
def test_answers_given_offline_survive_a_reload_and_are_submitted_once_back(
    phone_page, live_server
):
    page = phone_page
    review, _ = open_questionnaire(page, live_server)
    keys = statement_keys(review)
    questionnaire = f"/respond/{review.pk}/"
    eventually(page, kept_page(questionnaire))
    page.locator("[data-next]").click()
    for index, key in enumerate(keys[:5]):
        answer(page, key, index + 1, 10 - index)
        page.locator("[data-next]").click()
    expect(page.locator("#autosave-status")).to_contain_text("saved at")

    page.context.set_offline(True)
    for index, key in enumerate(keys[5:], start=5):
        answer(page, key, index + 1, 10 - index)
        page.locator("[data-next]").click()
    expect(page.locator("#autosave-status")).to_have_text(OFFLINE)

    reply = page.reload()
    assert reply is not None and reply.from_service_worker
    expect(page.locator("#questionnaire")).to_be_visible()
    # What the phone kept is back, and the stepper resumes after the last answer.
    expect(page.locator(f"#now-{keys[-1]}-1")).to_be_checked()
    expect(page.locator(".step-progress")).to_have_text("Comments and finish")
    page.locator("#id_comments").fill("Typed with no signal.")
    page.locator("button[value=continue]").click()
    expect(page.locator("#autosave-status")).to_contain_text("when you are back")
    assert not Response.objects.filter(review=review, status="submitted").exists()

    page.context.set_offline(False)
    expect(page).to_have_url(re.compile(r"/thanks/$"))
    response = Response.objects.get(review=review)
    assert response.status == Response.Status.SUBMITTED
    assert response.comments == "Typed with no signal."
    stored = {
        a.statement.key: (a.then_rating, a.now_rating)
        for a in Answer.objects.filter(response=response).select_related("statement")
    }
    assert stored == {key: (i + 1, 10 - i) for i, key in enumerate(keys)}
    # Nothing of the answers stays on the phone once they are in.
    assert page.evaluate("Object.keys(localStorage).length") == 0
    eventually(page, f"{kept_page(questionnaire)}.then(kept => !kept)")


@pytest.mark.slow
def test_answers_typed_after_the_session_ended_come_back_from_the_phone(
    phone_page, live_server
):
    page = phone_page
    review, token = open_questionnaire(page, live_server)
    key = statement_keys(review)[0]
    # The save never reaches the server: as when the session has gone.
    page.route("**/autosave/", lambda route: route.abort())
    page.locator("[data-next]").click()
    answer(page, key, 3, 7)
    expect(page.locator("#autosave-status")).to_have_text(OFFLINE)
    page.unroute("**/autosave/")
    page.context.clear_cookies()

    page.goto(f"{live_server.url}/r/{token}/")
    expect(page.locator(f"#then-{key}-3")).to_be_checked()
    expect(page.locator(f"#now-{key}-7")).to_be_checked()
    expect(page.locator(".step-progress")).to_have_text("Statement 2 of 10")
    expect(page.locator("#autosave-status")).to_contain_text("saved at")
    draft = Response.objects.get(review=review).draft
    assert draft, "the restored answers were saved to the server"


@pytest.mark.slow
def test_a_meeting_code_thank_you_page_offers_copy_and_email_on_a_phone_and_qr_wider(
    browser: Browser, live_server
):
    import datetime as dt

    ReviewFactory(
        meeting_code="ABCD2345",
        meeting_code_active=True,
        meeting_code_perspectives=["member"],
        meeting_code_expires=timezone.now() + dt.timedelta(days=1),
    )
    page = open_page(browser, PHONE)
    try:
        page.goto(f"{live_server.url}/meet/ABCD2345/")
        page.get_by_label("Partnership member").check()
        page.get_by_role("button", name="Start").click()
        answer_everything(page)
        expect(page.get_by_role("button", name="Copy my results link")).to_be_visible()
        email = page.get_by_role("link", name="Email it to me")
        expect(email).to_have_attribute("href", re.compile(r"^mailto:\?subject="))
        expect(page.locator(".results-link-qr")).to_be_hidden()
        assert_accessible(page)
        page.set_viewport_size(DESKTOP)
        expect(page.locator(".results-link-qr")).to_be_visible()
    finally:
        page.context.close()
