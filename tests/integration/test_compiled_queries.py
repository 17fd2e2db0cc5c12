"""Queries compiled once a process give what their querysets give, for any value."""

import pytest
from django.db.models import QuerySet

from reviews.models import Response
from reviews.results.compiled import SLOT, rows, sql_for
from tests.factories import ReviewFactory, bulk_responses

pytestmark = pytest.mark.django_db


def submitted_ids(review_id: int) -> QuerySet:
    return (
        Response.objects.counted()
        .filter(review_id=review_id)
        .order_by("id")
        .values_list("id", "perspective")
    )


def test_each_value_gets_its_own_rows():
    first, second = ReviewFactory(), ReviewFactory()
    bulk_responses(first, "member", [[5] * 10, [7] * 10])
    bulk_responses(second, "rep", [[3] * 10])
    for review in (first, second, first):
        assert rows(submitted_ids, review.pk) == list(submitted_ids(review.pk))
    assert rows(submitted_ids, -1) == []


def test_the_sql_is_compiled_once_and_holds_no_placeholder_value():
    sql, params = sql_for(submitted_ids, 42)
    again, params_again = sql_for(submitted_ids, 43)
    assert sql == again and SLOT not in params
    assert 42 in params and 43 in params_again


def twice(value: int) -> QuerySet:
    return Response.objects.filter(review_id=value, id=value).values_list("id")


def test_a_query_using_its_value_twice_is_refused():
    with pytest.raises(ValueError, match="once"):
        sql_for(twice, 1)
