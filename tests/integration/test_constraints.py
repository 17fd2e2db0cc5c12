"""The rules the database holds itself, whatever a form lets through."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from reviews.models import Answer
from tests.factories import AnswerFactory, AppointmentFactory, ResponseFactory

pytestmark = pytest.mark.django_db


def statement_of(response, order=1):
    return response.review.framework_version.statements.get(order=order)


@pytest.mark.parametrize("column", ["then", "now", "like"])
@pytest.mark.parametrize("rating", [101, 500])
def test_database_rejects_a_rating_beyond_any_scale(column, rating):
    response = ResponseFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(
            response=response,
            statement=statement_of(response),
            **{f"{column}_rating": rating},
        )


@pytest.mark.parametrize("rating", [0, 1, 10, 100])
def test_database_accepts_ratings_within_the_generic_limits(rating):
    response = ResponseFactory()
    Answer.objects.create(
        response=response, statement=statement_of(response), now_rating=rating
    )
    assert Answer.objects.filter(now_rating=rating).count() == 1


def test_database_rejects_a_second_answer_to_the_same_statement():
    answer = AnswerFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(
            response=answer.response, statement=answer.statement, now_rating=3
        )


@pytest.mark.parametrize("state", ["dont_know", "not_relevant"])
def test_database_rejects_a_rating_alongside_a_state(state):
    response = ResponseFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(
            response=response,
            statement=statement_of(response),
            now_rating=4,
            now_state=state,
        )


def test_database_rejects_an_unknown_state():
    response = ResponseFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(
            response=response, statement=statement_of(response), now_state="maybe"
        )


def test_database_rejects_an_appointment_ending_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        AppointmentFactory(started=dt.date(2020, 5, 1), ended=dt.date(2020, 4, 30))


def test_an_appointment_may_end_on_the_day_it_starts():
    appointment = AppointmentFactory(
        started=dt.date(2020, 5, 1), ended=dt.date(2020, 5, 1)
    )
    assert appointment.pk is not None
