"""The analysis is read from the cache until an answer changes, and never stale."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from reviews.actions.responses import submit_response
from reviews.results.pages import build_results
from reviews.results.reading import data_key, read_review
from tests.factories import ResponseFactory, ReviewFactory, answer_all, bulk_responses

pytestmark = pytest.mark.django_db

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture
def real_cache():
    with override_settings(CACHES=LOCMEM):
        cache.clear()
        yield
        cache.clear()


def test_a_second_read_costs_one_query(real_cache, django_assert_num_queries):
    review = ReviewFactory()
    bulk_responses(review, "member", [[5] * 10, [7] * 10, [9] * 10])
    first = read_review(review)
    with django_assert_num_queries(1):
        again = read_review(review)
    assert again == first


def test_a_new_submission_is_seen_at_once(real_cache):
    review = ReviewFactory()
    bulk_responses(review, "member", [[5] * 10, [7] * 10])
    assert read_review(review)[1].respondents == {"member": 2}
    response = ResponseFactory(review=review, status="draft", submitted_at=None)
    answer_all(response, then=2, now=3)
    submit_response(response=response)
    assert read_review(review)[1].respondents == {"member": 3}


def test_a_changed_group_size_is_not_served_from_the_old_entry(real_cache):
    review = ReviewFactory(min_group_size=3)
    bulk_responses(review, "member", [[5] * 10])
    assert read_review(review)[1].thresholds.k == 3
    review.min_group_size = 5
    assert read_review(review)[1].thresholds.k == 5


def test_built_results_come_from_the_cache_as_they_were_built(
    real_cache, django_assert_num_queries
):
    review = ReviewFactory()
    bulk_responses(review, "member", [[5] * 10, [7] * 10, [9] * 10])
    bulk_responses(review, "lto_staff", [[2] * 10, [3] * 10, [4] * 10])
    first = build_results(review)
    with django_assert_num_queries(1):
        again = build_results(review)
    assert again.analysis == first.analysis
    assert again.statement_tables == first.statement_tables
    assert again.flat_notes == first.flat_notes
    assert [c.figure_script for c in again.charts] == [
        c.figure_script for c in first.charts
    ]
    assert again.dot_plot is not None and first.dot_plot is not None
    assert again.dot_plot.table == first.dot_plot.table
    assert again.dot_plot.reserved == first.dot_plot.reserved
    assert again.dot_plot.source == first.dot_plot.source


def test_cached_results_change_with_a_new_submission(real_cache):
    review = ReviewFactory()
    bulk_responses(review, "member", [[5] * 10, [7] * 10])
    assert build_results(review).response_count == 2
    bulk_responses(review, "member", [[9] * 10])
    assert build_results(review).response_count == 3


def test_released_results_are_cached_apart_from_the_reps(real_cache):
    review = ReviewFactory(min_group_size=3)
    bulk_responses(review, "member", [[5] * 10, [7] * 10, [9] * 10])
    bulk_responses(review, "other", [[2] * 10])
    assert "other" in build_results(review).analysis.perspectives
    released = build_results(review, released=True)
    assert released.hidden_groups and released.dot_plot is None
    assert not released.flat_notes and build_results(review).dot_plot is not None


def test_results_cache_what_they_built_and_leave_the_answers_to_other_pages(
    real_cache, django_assert_num_queries
):
    """Building results does not store the review's data and analysis (nothing
    of theirs reads them again); a page that reads them, such as the CSV
    export, stores them, and results built after that start from them."""
    review = ReviewFactory()
    bulk_responses(review, "member", [[5] * 10, [7] * 10, [9] * 10])
    key = data_key(review)
    build_results(review)
    assert cache.get(key) is None
    # Cached per language: English here.
    assert cache.get(f"{key}:results:managed:en-gb") is not None

    data, result = read_review(review)
    assert cache.get(key) == (data, result)
    # The released view: its own parts, from the stored data (the key query and
    # the version's questions to open with).
    with django_assert_num_queries(2):
        released = build_results(review, released=True)
    assert released.analysis.respondents == result.respondents
