"""A dump of the demo data restores into an empty database with identical results."""

import pytest
from django.core.management import call_command

from reviews.models import Answer, Response, Review
from reviews.results import analyse_review, load_review_data

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


def every_analysis() -> dict[int, object]:
    return {
        review.pk: analyse_review(review, load_review_data(review))
        for review in Review.objects.select_related("framework_version")
    }


def test_dumpdata_then_loaddata_gives_identical_analysis_for_every_review(tmp_path):
    call_command("seed_demo", quiet=True)
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
    assert len(before) >= 300
    for pk, analysis in before.items():
        assert after[pk] == analysis, f"review {pk} differs after restore"
