"""The programme-scale data set, built small.

The tests that only read share one build, rolled back when they are done.
"""

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from demo.scale import ScaleDataExists, ScaleSize, build_scale_data
from partnerships.models import Appointment, Area
from reviews.models import Answer, Response, Review, ReviewSummary, StatementSummary

pytestmark = pytest.mark.django_db

SMALL = ScaleSize(areas=5, years=2, reviews_per_year=2, responses=6)


@pytest.fixture(scope="class")
def built(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_scale_data(SMALL)
        transaction.set_rollback(True)


class TestTheSmallSet:
    def test_scale_data_has_the_asked_for_areas_reviews_and_responses(self, built):
        counts = built

        assert Area.objects.count() == 5
        assert Review.objects.count() == counts["reviews"] == 5 * 2 * 2
        # One area in five has its latest review open, with fewer responses.
        assert Review.objects.filter(status=Review.Status.OPEN).count() == 1
        assert Response.objects.count() == counts["responses"] == 19 * 6 + 1
        assert Answer.objects.count() == counts["answers"] == counts["responses"] * 10

    def test_closed_scale_reviews_come_with_their_summaries(self, built):
        closed = Review.objects.filter(status=Review.Status.CLOSED)
        assert ReviewSummary.objects.count() == closed.count() == 19
        assert StatementSummary.objects.count() == 19 * 10
        summary = ReviewSummary.objects.first()
        assert summary.responses == 6 and summary.invited == 9

    def test_every_fourth_scale_area_changed_lto_halfway(self, built):
        ended = Appointment.objects.filter(end_reason="changed_lto")
        assert ended.count() == 2
        assert all(a.ended is not None for a in ended)

    def test_the_scale_data_set_refuses_to_load_twice(self, built):
        with pytest.raises(ScaleDataExists):
            build_scale_data(SMALL)


def test_build_scale_data_command_takes_sizes_and_reports_counts(capsys):
    call_command("build_scale_data", "--areas=2", "--years=1", "--responses=3")

    assert "2 areas, 4 reviews" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("build_scale_data", "--areas=2", "--years=1")
