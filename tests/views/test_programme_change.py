"""Change over time across an LTO change: marked, named, never joined."""

import pytest
from django.urls import reverse

from demo.scale import ScaleSize, build_scale_data
from partnerships.models import Appointment, Area
from reviews.analysis import (
    BIG_LOCAL_SCALE,
    PERSPECTIVE_LABELS,
    one_decimal,
    share_of_scale,
)
from reviews.models import StatementSummary
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


def test_at_first_and_now_are_both_shown_and_each_lto_staff_line_starts_again(
    client,
):
    build_scale_data(ScaleSize(areas=1, years=4, reviews_per_year=2, responses=6))
    area = Area.objects.get()
    client.force_login(programme_staff_user())

    response = client.get(
        reverse("programme:area-detail", args=[area.slug]), {"show": "both"}
    )

    chart = response.context["change_charts"][0]
    staff = PERSPECTIVE_LABELS["lto_staff"]
    for column in ("now", "at first"):
        lines = [t for t in chart.figure["data"] if t["name"] == f"{staff} {column}"]
        assert len(lines) == 2
        shown = [{i for i, y in enumerate(t["y"]) if y is not None} for t in lines]
        assert shown[0] and shown[1] and not shown[0] & shown[1]
        assert [t["showlegend"] for t in lines] == [True, False]
    # A phone draws the same lines, laid out for its width.
    assert chart.narrow_figure["data"] == chart.figure["data"]
    headers = chart.table.headers
    assert headers[:3] == ("Review", "LTO", "Scale")
    assert "Partnership members at first" in headers
    assert "Partnership members now" in headers
    # The table's "at first" cells are the stored means as shares of the
    # scale, then as they are, one decimal.
    first = headers.index("Partnership members at first") - 1
    stored = StatementSummary.objects.filter(
        key=chart.id.removeprefix("change-")
    ).order_by("review__opens", "review_id")
    means = [s.then_by_perspective["member"]["mean"] for s in stored]
    cells = [row[1][first] for row in chart.table.rows]
    assert cells == [
        f"{one_decimal(share_of_scale(m, BIG_LOCAL_SCALE))}% ({one_decimal(m)})"
        for m in means
    ]
    assert {row[1][0] for row in chart.table.rows} == set(
        Appointment.objects.values_list("organisation__name", flat=True)
    )
    html = response.content.decode()
    assert "Partnership members at first</th>" in html
    assert 'href="?show=both#change-heading" aria-current="true"' in html


def test_at_first_alone_can_be_shown_and_an_unknown_choice_shows_now(client):
    build_scale_data(ScaleSize(areas=1, years=1, reviews_per_year=2, responses=4))
    url = reverse("programme:area-detail", args=[Area.objects.get().slug])
    client.force_login(programme_staff_user())

    first = client.get(url, {"show": "then"}).context["change_charts"][0]
    odd = client.get(url, {"show": "sideways"})

    assert first.figure["layout"]["yaxis"]["title"]["text"] == (
        "Average rating at first, % of scale"
    )
    assert "at first" in first.table.caption
    assert odd.context["change_view"] == "now"
