"""Change over time across an LTO change: marked, named, never joined."""

import pytest
from django.urls import reverse

from demo.scale import ScaleSize, build_scale_data
from partnerships.models import Appointment, Area
from reviews.analysis import PERSPECTIVE_LABELS
from tests.factories import programme_staff_user

pytestmark = pytest.mark.django_db


def test_an_lto_change_is_marked_named_and_the_lto_staff_line_starts_again(client):
    # The first scale area changes LTO halfway through its reviews.
    build_scale_data(ScaleSize(areas=1, years=4, reviews_per_year=2, responses=6))
    area = Area.objects.get()
    incoming = Appointment.objects.get(ended__isnull=True)
    client.force_login(programme_staff_user())

    response = client.get(reverse("programme:area-detail", args=[area.slug]))

    (change,) = response.context["lto_changes"]
    assert change.organisation == incoming.organisation.name
    chart = response.context["change_charts"][0]
    staff = PERSPECTIVE_LABELS["lto_staff"]
    lines = [t for t in chart.figure["data"] if t["name"] == staff]
    assert len(lines) == 2
    for line in lines:
        shown = [i for i, y in enumerate(line["y"]) if y is not None]
        assert shown == list(range(shown[0], shown[-1] + 1))
    assert not set(i for i, y in enumerate(lines[0]["y"]) if y is not None) & set(
        i for i, y in enumerate(lines[1]["y"]) if y is not None
    )
    notes = [a["text"] for a in chart.figure["layout"]["annotations"]]
    assert any(f"New LTO: {incoming.organisation.name}" in n for n in notes)
    assert chart.table.headers[:2] == ("Review", "LTO")
    assert {row[1][0] for row in chart.table.rows} == set(
        Appointment.objects.values_list("organisation__name", flat=True)
    )
    assert f"<strong>{incoming.organisation.name}</strong> from" in (
        response.content.decode()
    )
