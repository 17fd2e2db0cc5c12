"""The results page and meeting pack in a real browser: accessible, local, drawn,
and printable with the discussion points on the first page."""

import io
import unicodedata

import pytest
from pypdf import PdfReader

from tests.e2e.conftest import (
    DESKTOP,
    assert_accessible,
    assert_stays_local,
    draw_every_chart,
    log_in,
    open_page,
)
from tests.factories import (
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
    bulk_responses,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def review_and_rep():
    review = ReviewFactory(title="Spring review")
    bulk_responses(
        review,
        "member",
        [
            [7, 6, 8, 5, 7, 6, 7, 3, 6, 7],
            [6, 7, 7, 6, 8, 5, 6, 4, 7, 6],
            [8, 6, 6, 7, 6, 7, 8, 5, 6, 8],
            [2, 9, 4, 8, 3, 7, 5, 9, 1, 6],
        ],
        comments="More say in decisions, please.",
    )
    bulk_responses(review, "lto_staff", [[7, 6, 7, 6, 7, 6, 7, 9, 6, 7]])
    user = UserFactory()
    RepAssignmentFactory(person__user=user, area=review.appointment.partnership.area)
    return review, user


def plain(text: str) -> str:
    """Text as a reader sees it: ligatures ("ﬁ") undone, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def drawn_lines(figure_id: str) -> str:
    """The SVG paths plotly draws for a chart's traces (not its grid or clip)."""
    return f'[data-figure="{figure_id}"] .scatterlayer .trace path.js-line'


def wait_for_radars(page) -> None:
    draw_every_chart(page)
    page.wait_for_selector(drawn_lines("group-overlay-data"), state="attached")


def test_results_page_is_accessible_local_and_draws_the_radars(
    page, live_server, review_and_rep
):
    review, rep = review_and_rep
    log_in(page, live_server, rep)
    page.goto(f"{live_server.url}/reviews/{review.pk}/results/")
    wait_for_radars(page)
    assert page.locator(drawn_lines("group-radar-member-data")).count() == 2
    assert (
        page.locator(".discussion-list li")
        .first.inner_text()
        .startswith("Governance and risk: partnership members")
    )
    assert_accessible(page)
    assert_stays_local(page)


def test_individual_radars_are_drawn_on_their_own_page(
    phone_page, live_server, review_and_rep
):
    review, rep = review_and_rep
    log_in(phone_page, live_server, rep)
    phone_page.goto(f"{live_server.url}/reviews/{review.pk}/results/")
    wait_for_radars(phone_page)
    phone_page.get_by_role("link", name="see each response's radar").click()
    draw_every_chart(phone_page)
    phone_page.wait_for_selector(
        drawn_lines("individual-member-data"), state="attached"
    )
    assert_accessible(phone_page)


def test_meeting_pack_is_accessible_local_and_draws_the_radars(
    page, live_server, review_and_rep
):
    review, rep = review_and_rep
    log_in(page, live_server, rep)
    page.goto(f"{live_server.url}/reviews/{review.pk}/pack/")
    wait_for_radars(page)
    assert_accessible(page)
    assert_stays_local(page)


def test_printed_meeting_pack_opens_with_the_discussion_points(
    browser, live_server, review_and_rep
):
    review, rep = review_and_rep
    page = open_page(browser, DESKTOP)
    log_in(page, live_server, rep)
    page.goto(f"{live_server.url}/reviews/{review.pk}/pack/")
    wait_for_radars(page)
    points = page.locator(".discussion-list li").all_inner_texts()
    assert points
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    page.context.close()
    first = plain(pdf.pages[0].extract_text())
    assert "What to talk about first" in first
    for point in points:
        assert plain(point) in first
    assert "About the framework" not in first  # no navigation on paper
    whole = " ".join(plain(p.extract_text()) for p in pdf.pages)
    assert "Agreed actions" in whole
