"""The analysis is read from the cache until an answer changes, and never stale."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from reviews.actions.responses import submit_response
from reviews.reading import read_review
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
