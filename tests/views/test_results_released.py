"""Released results: who may see them, and small groups hidden below k."""

import pytest
from django.urls import resolve, reverse
from django.utils import timezone

from reviews.models import Response
from reviews.responding.session import remember_response
from tests.factories import (
    MembershipFactory,
    RepAssignmentFactory,
    ReviewFactory,
    StaffRoleFactory,
    UserFactory,
    bulk_responses,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    review = ReviewFactory(released_at=timezone.now(), min_group_size=3)
    bulk_responses(review, "member", [[3] * 10, [4] * 10, [5] * 10])
    bulk_responses(review, "lto_staff", [[9] * 10])
    return review


def url(review):
    return reverse("reviews:review-released", args=[review.pk])


def member_of(review):
    user = UserFactory()
    MembershipFactory(person__user=user, partnership=review.appointment.partnership)
    return user


def test_a_partnership_member_sees_released_results(client, review):
    client.force_login(member_of(review))
    response = client.get(url(review))
    assert response.status_code == 200
    assert "Governance and risk" in response.content.decode()


def test_lto_staff_of_the_organisation_see_released_results(client, review):
    user = UserFactory()
    StaffRoleFactory(person__user=user, organisation=review.appointment.organisation)
    client.force_login(user)
    assert client.get(url(review)).status_code == 200


def test_unreleased_results_are_404_even_for_members(client, review):
    review.released_at = None
    review.save()
    client.force_login(member_of(review))
    assert client.get(url(review)).status_code == 404


def test_a_member_of_another_partnership_gets_404(client, review):
    client.force_login(member_of(ReviewFactory(released_at=timezone.now())))
    assert client.get(url(review)).status_code == 404


def test_anonymous_visitors_without_a_response_are_sent_to_login(client, review):
    response = client.get(url(review))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def answered_in(client, rf, review) -> Response:
    """A member's response to `review`, remembered by `client`'s browser as if
    it had answered through its link."""
    own = review.responses.filter(perspective="member").first()
    session = client.session
    request = rf.get("/")
    request.session = session
    remember_response(request, own)
    session.save()
    return own


def test_a_respondent_whose_browser_holds_a_response_may_see_them(rf, client, review):
    answered_in(client, rf, review)
    response = client.get(url(review))
    assert response.status_code == 200
    assert response.context["results"].released


def test_the_account_and_the_respondents_link_are_two_ways_into_one_view(review):
    by_account = resolve(url(review))
    by_link = resolve(reverse("reviews:respond-results", args=[review.pk]))

    assert by_account.func is by_link.func
    assert (by_account.kwargs["way_in"], by_link.kwargs["way_in"]) == (
        "account",
        "link",
    )


def test_a_respondent_coming_the_account_way_also_sees_their_own_answers(
    rf, client, review
):
    own = answered_in(client, rf, review)

    page = client.get(url(review))

    assert "Your own answers" in page.content.decode()
    now = own.answers.order_by("statement__order").values_list("now_rating", flat=True)
    assert [str(cells[1]) for _, cells in page.context["own"]["rows"]] == [
        str(rating) for rating in now
    ]


def test_a_signed_in_member_sees_no_own_answers(client, review):
    client.force_login(member_of(review))

    page = client.get(url(review))

    assert page.context["own"] is None
    assert "Your own answers" not in page.content.decode()


def test_a_respondent_of_another_review_is_sent_to_login(client, review):
    other = ReviewFactory(released_at=timezone.now())
    own = bulk_responses(other, "member", [[5] * 10])[0]
    session = client.session
    session["respondent_responses"] = {str(review.pk): own.pk}
    session.save()
    assert client.get(url(review)).status_code == 302


def test_members_below_k_are_shown_as_fewer_than_k_responses(client):
    review = ReviewFactory(released_at=timezone.now(), min_group_size=3)
    bulk_responses(review, "member", [[2] * 10, [3] * 10])
    bulk_responses(review, "lto_staff", [[9] * 10])
    client.force_login(member_of(review))
    response = client.get(url(review))
    page = response.content.decode()
    assert "fewer than 3 responses" in page
    assert "Partnership members" in response.context["results"].hidden_groups
    # No members' average is shown anywhere, and no gap built on it.
    assert "group-radar-member" not in page
    assert "2.5" not in page
    assert "a gap of" not in page


def test_members_at_k_are_shown(client, review):
    client.force_login(member_of(review))
    response = client.get(url(review))
    page = response.content.decode()
    assert response.context["results"].hidden_groups == ()
    assert "group-radar-member" in page
    assert "a gap of 5.0 points" in page


def test_the_lto_view_is_shown_even_from_one_person(client, review):
    # LTO staff are told their answers are shown as "the LTO's view".
    client.force_login(member_of(review))
    page = client.get(url(review)).content.decode()
    assert "group-radar-lto_staff" in page


def test_released_results_show_nothing_individual(client, review):
    client.force_login(member_of(review))
    page = client.get(url(review)).content.decode()
    assert "Partnership member 1" not in page
    assert "individual-" not in page
    assert "dots-now" not in page


def test_the_rep_also_sees_released_results_with_the_same_rule(client):
    review = ReviewFactory(released_at=timezone.now(), min_group_size=5)
    bulk_responses(review, "member", [[5] * 10] * 4)
    user = UserFactory()
    RepAssignmentFactory(person__user=user, area=review.appointment.partnership.area)
    client.force_login(user)
    page = client.get(url(review)).content.decode()
    assert "fewer than 5 responses" in page


def statement_section(body: str) -> str:
    start = body.index('id="tables-heading"')
    return body[start : body.index("</section>", start)]


def test_released_results_say_agreement_in_words_and_keep_r_wg_for_the_rep(client):
    review = ReviewFactory(released_at=timezone.now(), min_group_size=3)
    # Partnership members at 1, 5 and 10 on every statement: no agreement at all.
    bulk_responses(review, "member", [[1] * 10, [5] * 10, [10] * 10])
    client.force_login(member_of(review))
    released = statement_section(client.get(url(review)).content.decode())

    assert "How alike they see it" in released
    assert "See this very differently from one another" in released
    assert "r_wg" not in released and "lack of agreement" not in released

    rep = UserFactory()
    RepAssignmentFactory(person__user=rep, area=review.appointment.partnership.area)
    client.force_login(rep)
    results = client.get(reverse("reviews:review-results", args=[review.pk]))
    table = statement_section(results.content.decode())
    assert "Agreement (r_wg)" in table
    assert "0.00 (lack of agreement)" in table
