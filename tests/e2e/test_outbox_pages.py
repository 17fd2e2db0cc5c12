"""The rep's email counts and Local Trust staff's failed-message list in a real
browser: axe-clean and no wider than the viewport at 320, 390 and 1280 px, and
"send again" works from the keyboard."""

from __future__ import annotations

import pytest
from django.core import mail
from playwright.sync_api import Page

from reviews.models import OutgoingMessage
from tests.e2e.conftest import DESKTOP, PHONE, assert_accessible, log_in, open_page
from tests.factories import (
    InvitationFactory,
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    programme_staff_user,
)

pytestmark = pytest.mark.e2e

WIDTHS = {"320": {"width": 320, "height": 640}, "390": PHONE, "1280": DESKTOP}
Status = OutgoingMessage.Status


@pytest.fixture
def review():
    review = ReviewFactory(title="Autumn review of the partnership and its LTO")
    for n, (perspective, status) in enumerate(
        [
            ("member", Status.SENT),
            ("member", Status.FAILED),
            ("lto_staff", Status.QUEUED),
            ("lto_staff", Status.FAILED),
        ]
    ):
        person = PersonFactory(email=f"a.rather.long.address.{n}@example.org")
        invitation = InvitationFactory(
            review=review, perspective=perspective, person=person
        )
        OutgoingMessage.objects.create(
            kind="invitation",
            status=status,
            review=review,
            invitation=invitation,
            person=person,
            attempts=4 if status == Status.FAILED else 1,
            last_error="SMTPRecipientsRefused 550" if status == Status.FAILED else "",
        )
    return review


def fits(page: Page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_email_counts_and_the_failed_list_fit_and_pass_axe(
    browser, live_server, review, width
):
    staff = programme_staff_user(username="staff-and-rep")
    RepAssignmentFactory(person__user=staff, area=review.appointment.partnership.area)
    page = open_page(browser, WIDTHS[width])
    log_in(page, live_server, staff)

    for path in (f"/reviews/{review.pk}/", "/messages/failed/"):
        page.goto(live_server.url + path)
        assert fits(page), path
        assert_accessible(page)
    page.context.close()


def test_send_again_goes_from_the_keyboard_and_once(browser, live_server, review):
    staff = programme_staff_user(username="staff-and-rep")
    RepAssignmentFactory(person__user=staff, area=review.appointment.partnership.area)
    page = open_page(browser, PHONE)
    log_in(page, live_server, staff)
    page.goto(f"{live_server.url}/reviews/{review.pk}/")
    assert "2 messages could not be sent." in page.locator("#unsent").inner_text()

    button = page.get_by_role("button", name="Send them again")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")

    assert page.locator("#unsent").count() == 0
    assert len(mail.outbox) == 2
    assert not OutgoingMessage.objects.failed().exists()
    page.context.close()
