"""Compare with another review of this partnership, and an exit interview's
"Since the start of this relationship": side by side per statement and
perspective, on the common footing (a share of each review's own scale)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerships.models import Appointment
from reviews.models import Review
from reviews.results.page_charts import DASH
from reviews.summaries import summarise_review
from tests.factories import (
    AppointmentFactory,
    MembershipFactory,
    ReviewFactory,
    UserFactory,
    bulk_responses,
    framework_version,
    rep_of,
)
from tests.views.respond_helpers import invite

pytestmark = pytest.mark.django_db


def closed(appointment, opens, members, lto, **fields) -> Review:
    """A closed, summarised review: `members` rows of ten "now" ratings, one LTO
    staff row of `lto`."""
    review = ReviewFactory(
        appointment=appointment,
        status=Review.Status.CLOSED,
        opens=opens,
        closes=opens + dt.timedelta(days=28),
        **fields,
    )
    bulk_responses(review, "member", members)
    bulk_responses(review, "lto_staff", [[lto] * 10])
    summarise_review(review)
    return review


def compare_url(review: Review) -> str:
    return reverse("reviews:review-compare", args=[review.pk])


def test_two_reviews_sit_side_by_side_as_shares_with_the_change_between(client):
    appointment = AppointmentFactory()
    first = closed(appointment, dt.date(2022, 3, 1), [[4] * 10] * 3, 8)
    second = closed(appointment, dt.date(2024, 3, 1), [[7] * 10] * 3, 9)
    client.force_login(rep_of(appointment))

    response = client.get(compare_url(second), {"other": first.pk})

    comparison = response.context["comparison"]
    members = comparison.tables[0]
    assert members.label == "Partnership members"
    row = members.rows[0]
    assert [c.text for c in row.cells] == ["33.3% (4.0)", "66.7% (7.0)"]
    assert row.change == "+33.3 points"
    html = response.content.decode()
    assert "0% is the scale&#x27;s lowest option" in html
    assert "scale 1–10" in html


def test_reviews_on_different_scales_meet_on_the_share_of_each_scale(client):
    appointment = AppointmentFactory()
    version = framework_version(
        "other-programme", statements=10, scale_min=0, scale_max=5
    )
    old = closed(appointment, dt.date(2022, 3, 1), [[10] * 10] * 3, 10)
    new = closed(
        appointment,
        dt.date(2024, 3, 1),
        [[5] * 10] * 3,
        5,
        framework_version=version,
    )
    client.force_login(rep_of(appointment))

    comparison = client.get(compare_url(new), {"other": old.pk}).context["comparison"]

    # Different keys: each statement starts its own row, a dash on the other side.
    members = comparison.tables[0]
    assert len(members.rows) == 20
    tops = {c.text for row in members.rows for c in row.cells if c.mean is not None}
    assert tops == {"100.0% (10.0)", "100.0% (5.0)"}
    assert {row.change for row in members.rows} == {DASH}


def test_an_lto_change_is_marked_and_lto_staff_are_never_compared(client):
    old_lto = AppointmentFactory(organisation__name="Northern CVS")
    new_lto = AppointmentFactory(
        partnership=old_lto.partnership, organisation__name="Southern Trust"
    )
    first = closed(old_lto, dt.date(2020, 3, 1), [[4] * 10] * 3, 8)
    second = closed(new_lto, dt.date(2024, 3, 1), [[6] * 10] * 3, 3)
    client.force_login(rep_of(old_lto))

    response = client.get(compare_url(second), {"other": first.pk})

    comparison = response.context["comparison"]
    staff = next(t for t in comparison.tables if t.perspective == "lto_staff")
    assert staff.across_ltos
    assert {row.change for row in staff.rows} == {DASH}
    assert comparison.tables[0].rows[0].change == "+22.2 points"
    assert "The LTO changed between these reviews" in response.content.decode()


def test_a_review_of_another_partnership_cannot_be_chosen(client):
    appointment, elsewhere = AppointmentFactory(), AppointmentFactory()
    mine = closed(appointment, dt.date(2024, 3, 1), [[4] * 10] * 3, 8)
    closed(appointment, dt.date(2022, 3, 1), [[4] * 10] * 3, 8)
    theirs = closed(elsewhere, dt.date(2023, 3, 1), [[9] * 10] * 3, 9)
    client.force_login(rep_of(appointment))

    response = client.get(compare_url(mine), {"other": theirs.pk})

    assert response.status_code == 200
    assert response.context["comparison"] is None
    assert "Choose one of the closed reviews of this partnership." in (
        response.content.decode()
    )


def test_someone_elses_review_is_a_404(client):
    appointment, elsewhere = AppointmentFactory(), AppointmentFactory()
    theirs = closed(elsewhere, dt.date(2023, 3, 1), [[9] * 10] * 3, 9)
    client.force_login(rep_of(appointment))

    assert client.get(compare_url(theirs)).status_code == 404


def test_a_member_compares_released_reviews_with_small_groups_hidden_on_each_side(
    client,
):
    appointment = AppointmentFactory()
    released = {"released_at": timezone.now()}
    few = closed(appointment, dt.date(2022, 3, 1), [[4] * 10] * 2, 8, **released)
    many = closed(appointment, dt.date(2024, 3, 1), [[6] * 10] * 3, 7, **released)
    closed(appointment, dt.date(2023, 3, 1), [[5] * 10] * 3, 7)  # not released
    user = UserFactory()
    MembershipFactory(person__user=user, partnership=appointment.partnership)
    client.force_login(user)

    response = client.get(compare_url(many), {"other": few.pk})

    assert [r.pk for r in response.context["others"]] == [few.pk]
    members = response.context["comparison"].tables[0]
    assert [c.text for c in members.rows[0].cells] == [
        "Not shown (too few answered)",
        "55.6% (6.0)",
    ]
    assert members.rows[0].change == DASH
    # The LTO's view is shown however few answered, as released results do.
    staff = response.context["comparison"].tables[1]
    assert staff.rows[0].cells[0].text == "77.8% (8.0)"


def test_the_results_page_offers_the_comparison(client):
    appointment = AppointmentFactory()
    review = closed(appointment, dt.date(2024, 3, 1), [[4] * 10] * 3, 8)
    client.force_login(rep_of(appointment))

    html = client.get(reverse("reviews:review-results", args=[review.pk])).content

    assert compare_url(review).encode() in html
    assert b"Compare with another review of this partnership" in html


def exit_history(appointment: Appointment) -> dict[str, Review]:
    return {
        "regular-early": closed(appointment, dt.date(2019, 3, 1), [[3] * 10] * 3, 9),
        "inception": closed(
            appointment,
            dt.date(2020, 3, 1),
            [[2] * 10] * 3,
            8,
            purpose=Review.Purpose.INCEPTION,
        ),
        "regular": closed(appointment, dt.date(2023, 3, 1), [[5] * 10] * 3, 7),
        "exit": closed(
            appointment,
            dt.date(2025, 3, 1),
            [[8] * 10] * 3,
            6,
            purpose=Review.Purpose.EXIT,
            released_at=timezone.now(),
        ),
    }


def test_an_exit_interview_opens_with_the_relationship_since_its_start(client):
    appointment = AppointmentFactory()
    reviews = exit_history(appointment)
    client.force_login(rep_of(appointment))

    response = client.get(reverse("reviews:review-results", args=[reviews["exit"].pk]))

    since = response.context["since_start"]
    assert [r.pk for r in since.reviews] == [
        reviews["inception"].pk,
        reviews["regular"].pk,
        reviews["exit"].pk,
    ]
    row = since.tables[0].rows[0]
    assert [c.text for c in row.cells] == ["11.1% (2.0)", "44.4% (5.0)", "77.8% (8.0)"]
    assert row.change == "+66.7 points"
    html = response.content.decode()
    # It opens the page: before last time's actions and the discussion points.
    assert html.index("Since the start of this relationship") < html.index(
        "What to talk about first"
    )


def test_the_pack_and_the_released_results_carry_since_the_start(client):
    appointment = AppointmentFactory()
    exit_review = exit_history(appointment)["exit"]
    client.force_login(rep_of(appointment))

    pack = client.get(reverse("reviews:review-pack", args=[exit_review.pk]))
    released = client.get(reverse("reviews:review-released", args=[exit_review.pk]))

    assert "Since the start of this relationship" in pack.content.decode()
    # Released results show released reviews only: the exit alone has nothing
    # to set beside it.
    assert released.context["since_start"] is None


def test_any_other_review_has_no_since_the_start(client):
    appointment = AppointmentFactory()
    reviews = exit_history(appointment)
    client.force_login(rep_of(appointment))

    url = reverse("reviews:review-results", args=[reviews["regular"].pk])

    assert client.get(url).context["since_start"] is None


def test_since_the_start_reads_in_the_residents_language(client):
    appointment = AppointmentFactory()
    reviews = exit_history(appointment)
    Review.objects.filter(pk__in=[r.pk for r in reviews.values()]).update(
        released_at=timezone.now()
    )
    _, token = invite(reviews["exit"])
    client.get(reverse("reviews:respond-link", args=[token]))
    client.post(reverse("reviews:choose-language"), {"language": "pl", "next": "/"})

    page = client.get(reverse("reviews:respond-results", args=[reviews["exit"].pk]))

    html = page.content.decode()
    since = html[html.index('id="since-start-heading"') : html.index("</section>")]
    assert "Członkowie partnerstwa" in since
    assert "Pewność siebie i głos" in since
    assert "+66.7 pkt" in since
    assert "Średnie są pokazane jako część ich własnej skali" in since
    assert "Exit interview" not in since and "points" not in since
    assert f'<span lang="en-GB">{appointment.organisation.name}</span>' in since
