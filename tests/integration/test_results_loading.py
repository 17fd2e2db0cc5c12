"""Reading a review's answers from the database into plain analysis data."""

import pytest
from django.utils import timezone

from reviews.analysis import DONT_KNOW, LIKE, NOT_RELEVANT, NOW, THEN
from reviews.results.page_charts import dot_plot_figure
from reviews.results.pages import RELEASE_PROTECTED, build_individuals, build_results
from reviews.results.progress import progress_by_perspective
from reviews.results.reading import cells_of, load_review_data, thresholds_for
from tests.factories import (
    InvitationFactory,
    ResponseFactory,
    ReviewFactory,
    bulk_responses,
)

pytestmark = pytest.mark.django_db


def test_answers_become_cells_keyed_by_statement_and_column():
    review = ReviewFactory()
    [response] = bulk_responses(
        review, "lto_staff", [[7, "dont_know", "not_relevant", None] + [5] * 6]
    )
    data = load_review_data(review)
    assert len(data.statements) == 10
    [loaded] = data.responses
    assert loaded.id == response.pk
    assert loaded.perspective == "lto_staff"
    keys = [s.key for s in data.statements]
    assert loaded.answers[keys[0]] == {THEN: 5, NOW: 7, LIKE: None}
    assert loaded.answers[keys[1]][NOW] == DONT_KNOW
    assert loaded.answers[keys[2]][NOW] == NOT_RELEVANT
    assert loaded.answers[keys[3]][NOW] is None


def test_a_state_at_first_is_read_back_and_equal_answers_share_one_cell():
    review = ReviewFactory()
    bulk_responses(review, "member", [[5] * 10, [5] * 10], then="not_relevant")
    first, second = load_review_data(review).responses
    key = next(iter(first.answers))
    assert first.answers[key] == {THEN: NOT_RELEVANT, NOW: 5, LIKE: None}
    # Shared, so the cache pickles each distinct cell once.
    assert first.answers[key] is second.answers[key]


def test_only_submitted_responses_are_read():
    review = ReviewFactory()
    bulk_responses(review, "member", [[5] * 10])
    bulk_responses(review, "member", [[9] * 10], status="draft")
    bulk_responses(ReviewFactory(), "member", [[1] * 10])
    assert len(load_review_data(review).responses) == 1


def test_loading_takes_three_queries_however_many_responses(
    django_assert_num_queries,
):
    review = ReviewFactory()
    bulk_responses(review, "member", [[(i + s) % 10 + 1 for s in range(10)]
                                      for i in range(300)])  # fmt: skip
    with django_assert_num_queries(3):
        data = load_review_data(review)
    assert len(data.responses) == 300


def test_not_relevant_is_left_out_of_the_mean():
    review = ReviewFactory()
    bulk_responses(review, "member", [[4] + [5] * 9, [8] + [5] * 9])
    bulk_responses(review, "member", [["not_relevant"] + [5] * 9])
    results = build_results(review)
    now_table = results.statement_tables[0]
    assert now_table.column == "now"
    first = now_table.rows[0]  # statement 1
    _, [(label, cells)], _ = first
    assert label == "Partnership members"
    n, mean, _median, _range, _rwg, dont_know, not_relevant, _change = cells
    assert (n, mean, dont_know, not_relevant) == ("2", "6.0", "0", "1")


def test_comments_are_sorted_within_their_perspective():
    review = ReviewFactory()
    bulk_responses(review, "member", [[5] * 10], comments="second")
    bulk_responses(review, "member", [[5] * 10], comments="First")
    bulk_responses(review, "member", [[5] * 10], comments="   ")
    assert load_review_data(review).comments == {"member": ["First", "second"]}


def test_thresholds_take_k_from_the_review():
    review = ReviewFactory(min_group_size=5)
    assert thresholds_for(review).k == 5


def test_progress_counts_invitations_drafts_and_submissions():
    review = ReviewFactory()
    InvitationFactory.create_batch(4, review=review, perspective="member")
    InvitationFactory(review=review, perspective="member", revoked=True)
    InvitationFactory(review=review, perspective="worker")
    ResponseFactory(review=review, perspective="member", status="draft")
    bulk_responses(review, "member", [[5] * 10] * 2)
    bulk_responses(review, "lto_staff", [[5] * 10])
    rows = {row.perspective: row for row in progress_by_perspective(review)}
    assert list(rows) == ["member", "lto_staff", "worker"]
    assert (
        rows["member"].invited,
        rows["member"].drafts,
        rows["member"].submitted,
    ) == (
        4,
        1,
        2,
    )
    assert (rows["lto_staff"].invited, rows["lto_staff"].submitted) == (0, 1)
    assert (rows["worker"].invited, rows["worker"].submitted) == (1, 0)


def test_release_protects_members_but_not_the_warned_small_perspectives():
    assert "member" in RELEASE_PROTECTED
    assert not {"lto_staff", "worker", "rep"} & set(RELEASE_PROTECTED)


def test_released_results_hide_a_small_members_group_whole():
    review = ReviewFactory(released_at=timezone.now(), min_group_size=3)
    bulk_responses(review, "member", [[2] * 10, [3] * 10], comments="Hidden")
    bulk_responses(review, "lto_staff", [[9] * 10], comments="Shown")
    results = build_results(review, released=True)
    assert results.hidden_groups == ("Partnership members",)
    assert results.comments == (("LTO staff", ("Shown",)),)
    assert [c.id for c in results.charts] == ["group-radar-lto_staff"]
    assert [p.kind for p in results.analysis.discussion_points] == ["flat"]


def test_results_for_a_thousand_responses_count_every_one_of_them():
    # Speed is measured by `make bench`; this checks the sums at that size.
    review = ReviewFactory(asks_would_like=True)
    rows = [[(i * 7 + s) % 10 + 1 for s in range(10)] for i in range(1000)]
    bulk_responses(review, "member", rows[:700])
    bulk_responses(review, "lto_staff", rows[700:])
    results = build_results(review)
    assert results.response_count == 1000
    assert results.analysis.respondents == {"member": 700, "lto_staff": 300}


def test_every_chart_on_the_pages_is_a_valid_plotly_figure():
    import plotly.graph_objects as go

    review = ReviewFactory(asks_would_like=True)
    bulk_responses(review, "member", [[(i + s) % 10 + 1 for s in range(10)]
                                      for i in range(4)])  # fmt: skip
    bulk_responses(review, "lto_staff", [[8] * 10])
    results = build_results(review)
    individuals = build_individuals(review, 1)
    charts = [*results.charts, *individuals.charts]
    assert len(charts) == 5  # overlay, 2 radars, 2 small multiples
    labels = [s.label for s in results.analysis.statements]
    # The dot plot's figure is fetched by the page (`review_dots`).
    assert results.dot_plot is not None and results.dot_plot.source
    assert len(results.dot_plot.table.rows) == 10
    figures = [chart.figure for chart in charts]
    figures.append(dot_plot_figure(results.analysis, labels))
    for figure in map(dict, figures):
        config = figure.pop("config")
        assert config["displaylogo"] is False
        go.Figure(figure)
    assert all(len(chart.table.rows) >= 1 for chart in charts)


def test_a_cell_is_its_rating_else_its_state_else_nothing():
    values = (0, "", None, DONT_KNOW, None, "")
    assert cells_of(values) == {THEN: 0, NOW: DONT_KNOW, LIKE: None}


def test_each_review_reads_its_own_answers():
    first, second = ReviewFactory(), ReviewFactory()
    bulk_responses(first, "member", [[3] * 10])
    bulk_responses(second, "member", [[9] * 10, [8] * 10])
    for review, nows in ((first, {3}), (second, {8, 9}), (first, {3})):
        data = load_review_data(review)
        got = {cell[NOW] for r in data.responses for cell in r.answers.values()}
        assert got == nows
