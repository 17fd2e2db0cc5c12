"""Presenting a closed review to the room, and the rep's presenter page: who may
reach them, what the room is shown, notes saved as typed, actions added."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format

from reviews.models import AgreedAction, AuditEvent, MeetingNote
from reviews.results.presenting import build_deck
from tests.factories import (
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
    bulk_responses,
    programme_staff_user,
)

pytestmark = pytest.mark.django_db

ROWS = {
    # Members rate "Governance and risk" (statement 8) low, LTO staff high;
    # members also disagree among themselves on "Networks" (statement 7).
    "member": [
        [7, 6, 8, 5, 7, 6, 1, 3, 6, 7],
        [6, 7, 7, 6, 8, 5, 10, 4, 7, 6],
        [8, 6, 6, 7, 6, 7, 2, 5, 6, 8],
    ],
    "lto_staff": [[7, 6, 7, 6, 7, 6, 7, 9, 6, 7]],
}


@pytest.fixture
def review():
    review = ReviewFactory(title="Spring review", status="closed")
    for perspective, rows in ROWS.items():
        bulk_responses(review, perspective, rows)
    return review


@pytest.fixture
def rep(review):
    user = UserFactory()
    RepAssignmentFactory(person__user=user, area=review.appointment.partnership.area)
    return user


def screen_url(review, screen):
    return reverse("reviews:present-screen", args=[review.pk, screen])


def presenter_url(review, screen):
    return reverse("reviews:presenter", args=[review.pk, screen])


def note_url(review, screen):
    return reverse("reviews:presenter-note", args=[review.pk, screen])


def test_the_title_screen_names_the_relationship_and_the_ground_rules(
    client, review, rep
):
    client.force_login(rep)
    page = client.get(screen_url(review, 0)).content.decode()
    assert str(review.appointment.partnership) in page
    assert str(review.appointment.organisation) in page
    assert "perceptions, not performance" in page
    assert "only what the shared results show" in page
    assert "have not been shared yet" in page


def test_opening_the_presentation_is_audited(client, review, rep):
    client.force_login(rep)
    client.get(screen_url(review, 0))
    event = AuditEvent.objects.get(review=review)
    assert event.action == AuditEvent.Action.VIEWED_RESULTS
    assert "Presented" in event.detail


def test_the_first_point_is_the_largest_gap_with_its_questions_and_numbers(
    client, review, rep
):
    client.force_login(rep)
    page = client.get(screen_url(review, 1)).content.decode()
    assert "Governance and risk" in page
    assert "Provided effective governance and risk management" in page
    assert "Questions to open with" in page
    assert "What does the LTO do on governance that partnership members see" in page
    # Members' average now, 4.0, in the large numbers.
    assert '<td class="room-number">4.0</td>' in page
    assert 'data-figure="room-chart-data"' in page
    assert '"staticPlot": true' in page


def test_the_room_never_sees_pseudonyms_or_agreement_statistics(client, review, rep):
    client.force_login(rep)
    for screen in range(0, 4):
        page = client.get(screen_url(review, screen)).content.decode()
        assert "Partnership member 1" not in page
        assert "r_wg" not in page
        assert "Agreement" not in page


def test_a_small_group_of_members_is_hidden_whether_or_not_released(
    client, review, rep
):
    review.min_group_size = 5
    review.save()
    client.force_login(rep)
    page = client.get(screen_url(review, 0)).content.decode()
    assert "Not shown here: Partnership members." in page
    assert "fewer than 5" in page


def test_the_last_screen_lists_what_the_meeting_agreed(client, review, rep):
    AgreedAction.objects.create(
        review=review, what="Walk through the budget", lead="lto", due="2027-01-31"
    )
    client.force_login(rep)
    deck_end = build_deck(review).last
    page = client.get(screen_url(review, deck_end)).content.decode()
    assert "What we agreed" in page
    assert "Walk through the budget" in page
    assert client.get(screen_url(review, deck_end + 1)).status_code == 404


def test_each_screen_links_to_the_next_and_previous(client, review, rep):
    client.force_login(rep)
    page = client.get(screen_url(review, 1)).content.decode()
    assert f'rel="prev" href="{screen_url(review, 0)}"' in page
    assert f'rel="next" href="{screen_url(review, 2)}"' in page


def test_an_open_review_cannot_be_presented(client, rep, review):
    review.status = "open"
    review.save()
    client.force_login(rep)
    assert client.get(screen_url(review, 0)).status_code == 404
    assert client.get(presenter_url(review, 0)).status_code == 404


@pytest.mark.parametrize("name", ["present-screen", "presenter"])
def test_another_areas_rep_gets_404(client, review, name):
    client.force_login(UserFactory())
    url = reverse(f"reviews:{name}", args=[review.pk, 0])
    assert client.get(url).status_code == 404


def test_local_trust_staff_may_present_any_review(client, review):
    client.force_login(programme_staff_user())
    assert client.get(presenter_url(review, 1)).status_code == 200


def test_both_pages_share_the_screen_the_meeting_is_on(client, review, rep):
    client.force_login(rep)
    url = reverse("reviews:present-state", args=[review.pk])
    assert client.get(url).json() == {"screen": 0}
    assert client.post(url, {"screen": "3"}).json() == {"screen": 3}
    assert client.get(url).json() == {"screen": 3}
    assert client.post(url, {"screen": "next"}).status_code == 400


def test_another_areas_rep_cannot_read_or_move_the_screen(client, review):
    client.force_login(UserFactory())
    url = reverse("reviews:present-state", args=[review.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"screen": "2"}).status_code == 404


def test_notes_save_as_typed_and_a_repeated_save_changes_nothing(client, review, rep):
    client.force_login(rep)
    for _ in range(2):
        reply = client.post(
            note_url(review, 1),
            {"text": "Members want to see the risk register"},
            headers={"accept": "application/json"},
        )
        assert reply.status_code == 200
    note = MeetingNote.objects.get(review=review)
    assert note.statement.key == "governance-risk"
    assert note.text == "Members want to see the risk register"
    page = client.get(presenter_url(review, 1)).content.decode()
    assert "Members want to see the risk register" in page


def test_notes_are_private_to_the_rep_and_local_trust_staff(client, review, rep):
    client.force_login(rep)
    client.post(note_url(review, 1), {"text": "Private"})
    client.force_login(UserFactory())
    assert client.post(note_url(review, 1), {"text": "Hello"}).status_code == 404
    assert client.get(presenter_url(review, 1)).status_code == 404
    assert MeetingNote.objects.get().text == "Private"


def test_notes_never_show_on_the_rooms_screen(client, review, rep):
    client.force_login(rep)
    client.post(note_url(review, 1), {"text": "Chair seemed upset"})
    page = client.get(screen_url(review, 1)).content.decode()
    assert "Chair seemed upset" not in page


def test_notes_too_long_are_shown_again_with_the_reason(client, review, rep):
    client.force_login(rep)
    text = "x" * 10001
    reply = client.post(note_url(review, 1), {"text": text})
    assert reply.status_code == 200
    assert text in reply.content.decode()
    assert "at most 10000 characters" in reply.content.decode()
    assert not MeetingNote.objects.exists()


def test_the_title_screen_takes_no_notes(client, review, rep):
    client.force_login(rep)
    assert client.post(note_url(review, 0), {"text": "x"}).status_code == 404


def test_an_action_added_from_the_presenter_concerns_the_current_statement(
    client, review, rep
):
    client.force_login(rep)
    page = client.get(presenter_url(review, 1)).content.decode()
    statement = review.framework_version.statements.get(key="governance-risk")
    assert f'value="{statement.pk}"' in page and "checked" in page
    due = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    reply = client.post(
        presenter_url(review, 1),
        {
            "what": "Share the risk register",
            "lead": "lto",
            "due": due,
            "statements": [statement.pk],
        },
    )
    assert reply.status_code == 302
    action = AgreedAction.objects.get(review=review)
    assert list(action.statements.all()) == [statement]


def test_a_bad_action_keeps_what_was_typed(client, review, rep):
    client.force_login(rep)
    reply = client.post(
        presenter_url(review, 1), {"what": "Share the risk register", "lead": "lto"}
    )
    page = reply.content.decode()
    assert reply.status_code == 200
    assert "Share the risk register" in page
    assert "This field is required" in page
    assert not AgreedAction.objects.exists()


def test_the_results_page_offers_to_present_a_closed_review(client, review, rep):
    client.force_login(rep)
    page = client.get(reverse("reviews:review-results", args=[review.pk]))
    assert "Present at the meeting" in page.content.decode()


def test_the_rooms_chart_is_a_figure_without_hover_or_mode_bar(client, review, rep):
    client.force_login(rep)
    page = client.get(screen_url(review, 1)).content.decode()
    script = page.split('id="room-chart-data" type="application/json">')[1]
    figure = json.loads(script.split("</script>")[0])
    assert figure["config"]["displayModeBar"] is False
    assert figure["layout"]["dragmode"] is False


def test_the_room_reads_the_screens_in_the_language_chosen_on_the_title_screen(
    client, review, rep
):
    client.force_login(rep)
    title = client.get(screen_url(review, 0)).content.decode()
    # English until a language is chosen, whatever the rep's browser prefers.
    assert '<html lang="en-gb" dir="ltr">' in title
    assert 'value="pl"' in title and ">Polski<" in title

    client.post(
        reverse("reviews:choose-language"),
        {"language": "pl", "next": screen_url(review, 0)},
    )

    title = client.get(screen_url(review, 0))
    assert title["Content-Language"] == "pl"
    assert "Zasady rozmowy" in title.content.decode()
    point = client.get(screen_url(review, 1)).content.decode()
    assert '<html lang="pl" dir="ltr">' in point
    assert "Zarządzanie i ryzyko" in point
    assert "różnica" in point and "a gap of" not in point
    assert "Personel LTO" in point  # the numbers' perspective labels
    agreed = client.get(screen_url(review, build_deck(review).last)).content.decode()
    assert "Co uzgodniliśmy" in agreed
    # The rep's own page stays English.
    presenter = client.get(presenter_url(review, 1)).content.decode()
    assert '<html lang="en-gb"' in presenter
    assert "a gap of" in presenter


def test_the_room_reads_right_to_left_in_urdu(client, review, rep):
    client.force_login(rep)
    client.post(reverse("reviews:choose-language"), {"language": "ur", "next": "/"})
    point = client.get(screen_url(review, 1)).content.decode()
    assert '<html lang="ur" dir="rtl">' in point
    assert "bootstrap.rtl.min" in point
    assert "انتظام اور خطرے" in point


def test_the_pack_prints_in_the_meetings_language(client, review, rep):
    client.force_login(rep)
    pack_url = reverse("reviews:review-pack", args=[review.pk])
    assert '<html lang="en-gb"' in client.get(pack_url).content.decode()

    client.post(reverse("reviews:choose-language"), {"language": "pl", "next": "/"})

    reply = client.get(pack_url)
    html = reply.content.decode()
    assert reply["Content-Language"] == "pl"
    assert '<html lang="pl" dir="ltr">' in html
    assert "Materiały na spotkanie:" in html
    assert "4 wysłane odpowiedzi" in html
    with translation.override("pl"):
        printed = date_format(timezone.localdate(), "j E Y")
    assert f"wydrukowano {printed}" in html and "printed" not in html
    assert "Zarządzanie i ryzyko" in html
    assert "różnica" in html and "a gap of" not in html
