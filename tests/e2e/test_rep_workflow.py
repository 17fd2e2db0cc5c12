"""A rep runs a review end to end in a real browser, and every page is axe-clean.

Log in, open a review, invite two people, watch progress change once one of them
answers through their emailed link, then close and release.
"""

import re

import pytest

from tests.e2e.conftest import PHONE, assert_accessible, assert_stays_local, open_page
from tests.factories import (
    AppointmentFactory,
    MembershipFactory,
    PersonFactory,
    RepAssignmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.e2e


def checked(page) -> None:
    assert_accessible(page)
    assert_stays_local(page)


def progress_row(page, label: str) -> list[str]:
    row = page.locator("#progress tbody tr").filter(has_text=label)
    return [cell.inner_text() for cell in row.locator("td").all()]


def test_a_rep_runs_a_review_from_opening_to_release(
    page, browser, live_server, mailoutbox
):
    rep = UserFactory(username="rita")
    appointment = AppointmentFactory(organisation__name="Northfield CVS")
    RepAssignmentFactory(
        person=PersonFactory(user=rep, name="Rita Rep"),
        area=appointment.partnership.area,
    )
    for name in ("Ann Member", "Bob Member"):
        MembershipFactory(
            partnership=appointment.partnership, person=PersonFactory(name=name)
        )

    page.goto(live_server.url + "/accounts/login/")
    checked(page)
    page.get_by_label("Username").fill("rita")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()

    page.wait_for_url("**/my/")
    assert "Northfield CVS" in page.inner_text("main")
    checked(page)
    page.get_by_role("link", name=re.compile("^Open a review")).click()

    page.wait_for_url("**/reviews/new/")
    checked(page)
    page.get_by_role("button", name="Open the review").click()

    page.wait_for_url("**/invite/")
    checked(page)
    page.get_by_label("Ann Member (Member)").check()
    page.get_by_label("Bob Member (Member)").check()
    page.get_by_role("button", name="Send invitations").click()

    page.wait_for_url(re.compile(r"/reviews/\d+/$"))
    checked(page)
    assert progress_row(page, "Partnership members") == ["2", "0", "0"]
    assert len(mailoutbox) == 2

    # Reminders: the page says who will be emailed; a second go skips them.
    for _ in range(2):
        page.get_by_role("link", name="Remind people who have not answered…").click()
        checked(page)
        page.locator("main form").get_by_role("button").first.click()
        page.wait_for_url(re.compile(r"/reviews/\d+/$"))
    assert len(mailoutbox) == 4
    page.get_by_role("link", name="Remind people who have not answered…").click()
    assert "Nobody will be emailed" in page.locator("#remind-count").inner_text()
    assert "Ann Member" in page.locator("#remind-skipped").inner_text()
    page.get_by_role("link", name="Back to the review").click()

    # Bob has no phone with him: print him a slip with a QR code instead.
    page.get_by_role("link", name="Print an invitation sheet").click()
    checked(page)
    page.get_by_label("Bob Member (Partnership member)").check()
    page.get_by_role("button", name="Make the sheet").click()
    assert page.locator("img.qr").count() == 1
    checked(page)
    page.get_by_role("link", name="Back to the review").click()

    # Ann answers on her phone through the link in her email.
    # The reminder's link replaced the invitation's.
    ann_mail = [m for m in mailoutbox if "Ann Member" in m.body][-1]
    link = re.search(r"http://\S+/r/\S+/", ann_mail.body).group(0)
    # Without scripts the questionnaire is one plain form (the stepper is an
    # enhancement the respondent tests cover).
    phone = open_page(browser, PHONE, java_script_enabled=False)
    phone.goto(link.replace("http://127.0.0.1:8000", live_server.url))
    for radio in phone.locator(".rating-scale input[value='7']").all():
        radio.check()
    phone.get_by_role("button", name="Continue").click()
    phone.get_by_role("button", name="Submit your answers").click()
    phone.wait_for_url("**/thanks/")
    phone.context.close()

    page.reload()
    assert progress_row(page, "Partnership members") == ["2", "1", "0"]
    row = page.locator("#invitations tbody tr").filter(has_text="Ann Member")
    assert "Answered" in row.inner_text()

    page.get_by_role("link", name="Close the review…").click()
    assert "1 submitted response" in page.locator("#close-effects").inner_text()
    checked(page)
    page.get_by_role("button", name="Close the review").click()
    page.wait_for_load_state()
    assert page.locator("#review-status").inner_text().startswith("Closed")
    checked(page)

    page.get_by_role("link", name="Release the results…").click()
    assert "1 person who answered" in page.locator("#release-audience").inner_text()
    emails = page.locator("#release-emails").inner_text()
    assert "1 person who answered by their personal link will be emailed" in emails
    assert "1 person invited by email did not answer" in emails
    checked(page)
    sent_before = len(mailoutbox)
    page.get_by_role("button", name="Release the results").click()
    page.wait_for_load_state()
    # Only Ann, who answered, hears of it; Bob was not chosen to be told.
    assert [m.to for m in mailoutbox[sent_before:]] == [ann_mail.to]
    assert "results released" in page.locator("#review-status").inner_text()
    checked(page)

    page.get_by_role("link", name="Withdraw the release…").click()
    checked(page)
    page.get_by_role("button", name="Withdraw the release").click()
    page.wait_for_load_state()
    assert "results released" not in page.locator("#review-status").inner_text()
    page.get_by_role("link", name="Release the results…").click()
    page.get_by_role("button", name="Release the results").click()
    page.wait_for_load_state()

    page.get_by_role("link", name="Who did what (audit)").click()
    checked(page)
    actions = page.locator("#audit tbody").inner_text()
    for done in ("Opened", "Invited", "Closed", "Released", "Withdrew"):
        assert done in actions
