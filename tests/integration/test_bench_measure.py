"""The benchmark's measuring code, run on a tiny data set so it cannot rot."""

import pytest

from bench.measure import measure
from bench.run import judge
from bench.timing import Settings, watch_database
from demo.scale import ScaleSize, build_scale_data
from reviews.models import MeetingCodeAttempt, Review

TINY = ScaleSize(areas=3, years=1, reviews_per_year=2, responses=4, unanswered=1)
QUICK = Settings(
    warmup=1,
    runs=2,
    seconds=1.0,
    healthz_runs=3,
    big_review=12,
    analysis_responses=200,
)


@pytest.fixture
def tiny_programme(framework_rows):
    build_scale_data(TINY)


@pytest.mark.slow
@pytest.mark.usefixtures("tiny_programme")
def test_measure_times_every_page_and_the_submission_commits_once():
    result = measure(QUICK)
    rows = {row["key"]: row for row in result["rows"]}

    assert set(rows) >= {"healthz", "questionnaire", "answers", "confirm", "areas"}
    assert all(row["runs"] >= 1 and row["median_ms"] > 0 for row in rows.values())
    assert rows["answers"]["status"] == 302
    assert rows["answers"]["transactions"] == 1
    assert 0 < rows["answers"]["queries"] <= 10
    assert rows["questionnaire"]["weight_kb"] > 1
    assert rows["results"]["queries_big"] == rows["results"]["queries"]
    assert result["analysis"]["responses_per_second"] > 0


@pytest.mark.usefixtures("tiny_programme")
def test_measure_leaves_no_bench_respondents_behind():
    open_review = Review.objects.filter(status=Review.Status.OPEN).first()
    before = open_review.responses.count()

    measure(Settings(warmup=0, runs=1, timed=False, big_review=0))

    assert open_review.responses.count() == before


@pytest.mark.django_db(transaction=True)
def test_a_write_outside_atomic_counts_as_its_own_transaction():
    with watch_database() as watch:
        MeetingCodeAttempt.objects.create(address="127.0.0.1", succeeded=False)
        MeetingCodeAttempt.objects.create(address="127.0.0.1", succeeded=False)

    assert watch.queries == 2
    assert watch.transactions == 2


def test_judge_fails_a_page_whose_queries_grow_with_the_programme():
    row = {
        "key": "areas",
        "name": "Areas",
        "kind": "page",
        "status": 200,
        "median_ms": 2.0,
        "queries": 9,
        "queries_big": None,
        "transactions": 0,
        "weight_kb": None,
    }
    floor = dict(row, key="healthz", kind="floor", median_ms=1.0, queries=0)
    full = {"rows": [floor, row]}
    small = {"rows": [floor, dict(row, queries=8)]}

    judged = {r["key"]: r for r in judge(full, small)}

    assert judged["areas"]["result"].startswith("FAIL")
    assert "queries grow" in judged["areas"]["result"]
