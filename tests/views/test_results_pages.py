"""The rep's results page and meeting pack: who may see them and what they show."""

import re

import pytest
from django.urls import reverse

from reviews.analysis import individual_labels
from reviews.models import AuditEvent
from reviews.results.reading import read_review
from tests.factories import (
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
    bulk_responses,
    programme_staff_user,
)
from tests.typed_arrays import decoded

pytestmark = pytest.mark.django_db

GAP_ROWS = {
    # Members rate "Governance and risk" (statement 8) low, LTO staff high.
    "member": [
        [7, 6, 8, 5, 7, 6, 7, 3, 6, 7],
        [6, 7, 7, 6, 8, 5, 6, 4, 7, 6],
        [8, 6, 6, 7, 6, 7, 8, 5, 6, 8],
    ],
    "lto_staff": [[7, 6, 7, 6, 7, 6, 7, 9, 6, 7]],
}


def rep_for(review):
    user = UserFactory()
    RepAssignmentFactory(person__user=user, area=review.appointment.partnership.area)
    return user


@pytest.fixture
def review():
    review = ReviewFactory(title="Spring review")
    for perspective, rows in GAP_ROWS.items():
        bulk_responses(review, perspective, rows)
    return review


@pytest.fixture
def rep(review):
    return rep_for(review)


def results_url(review):
    return reverse("reviews:review-results", args=[review.pk])


def pack_url(review):
    return reverse("reviews:review-pack", args=[review.pk])


def first_point(client, review) -> str:
    page = client.get(results_url(review)).content.decode()
    points = re.search(r'<ol class="discussion-list">(.*?)</ol>', page, re.S)
    assert points is not None
    # Each point opens with its heading.
    return points.group(1).split("<li><strong>")[1]


def test_rep_sees_the_gap_as_the_first_discussion_point(client, review, rep):
    client.force_login(rep)
    first = first_point(client, review)
    assert "Governance and risk" in first
    assert "a gap of 5.0 points" in first


def test_the_first_point_opens_with_the_frameworks_questions_for_a_gap(
    client, review, rep
):
    client.force_login(rep)
    first = first_point(client, review)
    assert "Questions to open with" in first
    assert "What does the LTO do on governance that partnership members see" in first


def test_discussion_points_come_before_the_charts_and_tables(client, review, rep):
    client.force_login(rep)
    page = client.get(results_url(review)).content.decode()
    assert page.index("What to talk about first") < page.index('data-figure="')
    assert page.index("What to talk about first") < page.index("statement-table")


def test_local_trust_staff_can_open_the_results_and_pack(client, review):
    client.force_login(programme_staff_user())
    assert client.get(results_url(review)).status_code == 200
    assert client.get(pack_url(review)).status_code == 200


@pytest.mark.parametrize("name", ["review-results", "review-pack", "review-export"])
def test_another_areas_rep_gets_404(client, review, name):
    other = rep_for(ReviewFactory())
    client.force_login(other)
    assert client.get(reverse(f"reviews:{name}", args=[review.pk])).status_code == 404


@pytest.mark.parametrize("name", ["review-results", "review-pack", "review-export"])
def test_a_user_with_no_role_gets_404(client, review, name):
    client.force_login(UserFactory())
    assert client.get(reverse(f"reviews:{name}", args=[review.pk])).status_code == 404


@pytest.mark.parametrize("name", ["review-results", "review-pack", "review-export"])
def test_anonymous_visitors_are_sent_to_login(client, review, name):
    response = client.get(reverse(f"reviews:{name}", args=[review.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_results_page_lists_every_threshold_in_how_we_flag(client, review, rep):
    client.force_login(rep)
    page = client.get(results_url(review)).content.decode()
    box = page[page.index("How we flag") :]
    assert "A gap of 2.0 points or more" in box
    assert "0.30 or below" in box
    assert "25% or more" in box
    assert "30% or more" in box
    assert "span 2 points or less" in box


def test_every_chart_has_its_data_in_json_script_and_a_table(client, review, rep):
    """Every chart's figure is in the page, but the dot plot's, which the page
    fetches when it comes into view; every chart's table is in the page."""
    client.force_login(rep)
    page = client.get(results_url(review)).content.decode()
    figure_ids = re.findall(r'data-figure="([^"]+)"', page)
    assert "group-overlay-data" in figure_ids
    assert "group-radar-member-data" in figure_ids
    assert "dots-now-data" in figure_ids
    for figure_id in figure_ids:
        script = f'<script id="{figure_id}" type="application/json">'
        assert (script in page) == (figure_id != "dots-now-data")
        table_id = figure_id.removesuffix("-data") + "-table"
        assert f'id="{table_id}"' in page
    source = reverse("reviews:review-dots", args=[review.pk])
    assert f'data-figure-src="{source}"' in page


def test_the_dot_plot_figure_holds_every_rating_now(client, review, rep):
    client.force_login(rep)
    reply = client.get(reverse("reviews:review-dots", args=[review.pk]))
    assert reply["Content-Type"] == "application/json"
    assert "no-store" in reply["Cache-Control"]
    figure = reply.json()
    assert figure["layout"]["xaxis"]["fixedrange"] is True
    by_name = {trace["name"]: decoded(trace["customdata"]) for trace in figure["data"]}
    now = {
        p: sorted(rating for row in rows for rating in row)
        for p, rows in GAP_ROWS.items()
    }
    assert sorted(by_name["Partnership members"]) == now["member"]
    assert sorted(by_name["LTO staff"]) == now["lto_staff"]


def test_only_those_who_manage_the_review_get_its_dot_plot(client, review):
    url = reverse("reviews:review-dots", args=[review.pk])
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    other = rep_for(ReviewFactory())
    client.force_login(other)
    assert client.get(url).status_code == 404
    client.force_login(programme_staff_user())
    assert client.get(url).status_code == 200


def test_pages_have_no_inline_scripts(client, review, rep):
    client.force_login(rep)
    for url in (results_url(review), pack_url(review)):
        page = client.get(url).content.decode()
        for tag in re.findall(r"<script[^>]*>", page):
            assert "src=" in tag or 'type="application/json"' in tag, tag
        assert "js/charts.js" in page
        assert "plotly-lto.min.js" in page


def test_individual_radars_are_labelled_only_by_pseudonym(client, review, rep):
    client.force_login(rep)
    url = reverse("reviews:review-individuals", args=[review.pk])
    page = client.get(url).content.decode()
    assert 'data-figure="individual-member-data"' in page
    for number in (1, 2, 3):
        assert f"Partnership member {number}" in page
    assert "LTO staff 1" in page


def test_comments_are_grouped_by_perspective_and_sorted(client, rep):
    review = ReviewFactory()
    bulk_responses(review, "member", [[5] * 10], comments="Zeal for the area")
    bulk_responses(review, "member", [[6] * 10], comments="Always helpful")
    bulk_responses(review, "lto_staff", [[7] * 10], comments="Busy year")
    client.force_login(rep_for(review))
    page = client.get(results_url(review)).content.decode()
    comments = page[page.index('id="comments-heading"') :]
    assert comments.index("Partnership members") < comments.index("Always helpful")
    assert comments.index("Always helpful") < comments.index("Zeal for the area")
    assert comments.index("Zeal for the area") < comments.index("LTO staff")
    assert comments.index("LTO staff") < comments.index("Busy year")


def test_flat_responses_are_noted_by_pseudonym(client):
    review = ReviewFactory()
    bulk_responses(review, "member", [[6, 7, 8, 6, 7, 8, 6, 7, 8, 6]])
    bulk_responses(review, "member", [[2, 9, 4, 8, 3, 7, 5, 9, 1, 6]])
    client.force_login(rep_for(review))
    page = client.get(results_url(review)).content.decode()
    flat_id = review.responses.order_by("id").first().pk
    labels = individual_labels(read_review(review)[0].responses)
    other = next(label for rid, label in labels.items() if rid != flat_id)
    assert f"{labels[flat_id]}: ratings now span 2 points or less" in page
    assert f"{other}: ratings now span" not in page
    assert "1 of 2 responses that rated at least 7 statements are flat" in page


def test_progress_counts_drafts_and_submissions_by_perspective(client, review, rep):
    from tests.factories import InvitationFactory, ResponseFactory

    InvitationFactory.create_batch(5, review=review, perspective="member")
    ResponseFactory(review=review, perspective="member", status="draft")
    client.force_login(rep)
    response = client.get(results_url(review))
    rows = {row.label: row for row in response.context["progress"]}
    assert (rows["Partnership members"].invited, rows["Partnership members"].drafts,
            rows["Partnership members"].submitted) == (5, 1, 3)  # fmt: skip
    assert rows["LTO staff"].submitted == 1


def test_a_review_without_responses_says_nothing_is_flagged(client):
    review = ReviewFactory()
    client.force_login(rep_for(review))
    page = client.get(results_url(review)).content.decode()
    assert "Nothing is flagged" in page
    assert 'data-figure="' not in page


def test_meeting_pack_has_points_first_and_room_for_agreed_actions(client, review, rep):
    client.force_login(rep)
    page = client.get(pack_url(review)).content.decode()
    assert page.index("What to talk about first") < page.index('data-figure="')
    assert page.index('data-figure="') < page.index("Agreed actions")
    assert page.count('<span class="visually-hidden">Action ') == 8
    assert "data-print" in page
    # Individual responses stay off paper that may be left on a meeting table.
    assert "individual-member" not in page


def test_points_past_the_first_five_are_also_worth_a_look(client):
    review = ReviewFactory(min_group_size=4)
    bulk_responses(review, "member", [[2] * 7 + [5, 5, 5]] * 3)
    bulk_responses(review, "lto_staff", [[9] * 7 + [5, 5, 5]])
    client.force_login(rep_for(review))

    for url in (results_url(review), pack_url(review)):
        page = client.get(url).content.decode()
        first = page.index("What to talk about first")
        later = page.index("Also worth a look")
        assert page.count("a gap of 7.0 points") == 7
        assert page[first:later].count("a gap of 7.0 points") == 5
        assert "r_wg" not in page[first : page.index("</section>", later)]
    assert "at least 4 of them answered" in page
    assert "LTO staff, workers and the rep are shown however few answered" in page


def test_fetching_every_respondents_ratings_is_audited_like_the_page(
    client, review, rep
):
    client.force_login(rep)
    client.get(reverse("reviews:review-dots", args=[review.pk]))
    event = review.events.get(action=AuditEvent.Action.VIEWED_RESULTS)
    assert event.actor == rep
    assert event.detail == "The dot plot's data: every respondent's rating"
