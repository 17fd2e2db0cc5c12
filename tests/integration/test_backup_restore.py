"""A dump of programme data restores into an empty database with identical results.

A small programme-scale set keeps this quick: every model the analysis reads is
there (areas to answers, invitations, stored summaries), at a few dozen reviews.
"""

import pytest
from django.core.management import call_command

from demo.scale import ScaleSize, build_scale_data
from reviews.models import Answer, Response, Review
from reviews.results.reading import analyse_review, load_review_data

pytestmark = pytest.mark.django_db(transaction=True)

# What a restore recreates by itself (migrations and post-migrate signals) or
# what is not worth keeping (sessions, login-attempt logs).
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "axes",
]
SMALL = ScaleSize(areas=5, years=2, reviews_per_year=2, responses=6)


def every_analysis() -> dict[int, object]:
    return {
        review.pk: analyse_review(review, load_review_data(review))
        for review in Review.objects.select_related("framework_version")
    }


@pytest.mark.slow
def test_dumpdata_then_loaddata_gives_identical_analysis_for_every_review(
    tmp_path, framework_rows
):
    build_scale_data(SMALL)
    before = every_analysis()
    counts = (Response.objects.count(), Answer.objects.count())
    dump = tmp_path / "backup.json"
    call_command(
        "dumpdata",
        "--natural-foreign",
        *[f"--exclude={label}" for label in EXCLUDED],
        output=str(dump),
        verbosity=0,
    )

    call_command("flush", interactive=False, verbosity=0)
    assert not Review.objects.exists()
    call_command("loaddata", str(dump), verbosity=0)

    assert (Response.objects.count(), Answer.objects.count()) == counts
    after = every_analysis()
    assert after.keys() == before.keys()
    assert len(before) == 5 * 2 * 2
    for pk, analysis in before.items():
        assert after[pk] == analysis, f"review {pk} differs after restore"
