"""The questionnaire page, drafts, autosave, validation, check, submit and thanks."""

import gzip
import html
import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from reviews.models import Answer, Response, Review
from tests.factories import ResponseFactory
from tests.views.respond_helpers import answers, is_checked, start, stored, url

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_instruction_and_every_statement_as_a_fieldset(client):
    review = start(client)
    body = client.get(url("respond", review)).content.decode()
    version = review.framework_version
    assert html.escape(version.instruction) in body
    for statement in version.statements.all():
        assert f"</span> {html.escape(statement.text)}</legend>" in body
        for column in ("then", "now"):
            for value in ["1", "10", "dont_know", "not_relevant"]:
                assert f'id="{column}-{statement.key}-{value}"' in body
        assert f'name="like-{statement.key}"' not in body
    assert "1 is least, 10 is most" in body
    assert "I wasn't involved at the start</label>" in body


def test_the_would_like_column_appears_when_the_review_asks_it(client):
    from tests.factories import ReviewFactory

    review = start(client, ReviewFactory(asks_would_like=True))
    body = client.get(url("respond", review)).content.decode()
    assert 'name="like-networks"' in body
    assert "C. Where would you like the relationship to be?" in body


@pytest.mark.parametrize("perspective", ["lto_staff", "worker", "rep"])
def test_small_group_perspectives_are_warned_before_they_start(client, perspective):
    review = start(client, perspective=perspective)
    body = client.get(url("respond", review)).content.decode()
    assert "may be recognisable" in body
    assert body.index("may be recognisable") < body.index("statement-1")


def test_partnership_members_see_no_small_group_warning(client):
    review = start(client, perspective="member")
    assert (
        "may be recognisable" not in client.get(url("respond", review)).content.decode()
    )


def test_save_and_finish_later_stores_a_draft_that_the_link_restores(client):
    review = start(client)
    data = {"then-networks": "3", "now-networks": "dont_know", "comments": "Halfway"}
    reply = client.post(url("respond", review), {**data, "action": "save"})
    assert reply.status_code == 302
    response = stored(review)
    assert response.status == Response.Status.DRAFT
    answer = response.answers.get(statement__key="networks")
    assert (answer.then_rating, answer.now_state) == (3, "dont_know")
    body = client.get(url("respond", review)).content.decode()
    assert is_checked(body, "then-networks-3")
    assert is_checked(body, "now-networks-dont_know")
    assert not is_checked(body, "then-networks-4")
    assert "Halfway" in body


def test_autosave_stores_the_posted_answers_as_a_draft_and_says_when(client):
    review = start(client)
    reply = client.post(url("respond-autosave", review), {"now-networks": "9"})
    assert reply.status_code == 200
    assert reply.json()["saved"] is True
    assert stored(review).draft["answers"] == {"now-networks": "9"}
    assert not Answer.objects.exists()


def test_autosave_refuses_a_rating_off_the_scale_and_stores_nothing(client):
    review = start(client)
    reply = client.post(
        url("respond-autosave", review), {"now-networks": "11", "then-networks": "2"}
    )
    assert reply.status_code == 400
    assert reply.json()["saved"] is False
    assert not Answer.objects.exists()


def test_autosave_answers_get_with_405(client):
    review = start(client)
    assert client.get(url("respond-autosave", review)).status_code == 405


def test_missing_answers_keep_every_given_answer_and_link_to_each_gap(client):
    review = start(client)
    data = answers(review)
    del data["now-networks"]
    del data["then-governance-risk"]
    data["comments"] = "Keep me"
    reply = client.post(url("respond", review), {**data, "action": "continue"})
    assert reply.status_code == 200
    body = reply.content.decode()
    assert re.search(r"<title>Error: ", body)
    assert 'class="error-summary"' in body and "autofocus" in body
    links = re.findall(r'<li><a href="#([^"]+)">', body)
    assert links == ["then-governance-risk-1", "now-networks-1"] or links == [
        "now-networks-1",
        "then-governance-risk-1",
    ]
    for target in links:
        assert f'id="{target}"' in body
    assert is_checked(body, "then-networks-5")
    assert is_checked(body, "now-governance-risk-7")
    assert "Keep me" in body
    # What was given is also kept on the server, as a draft.
    assert stored(review).answers.count() == 10


def test_the_error_summary_groups_the_statements_left_without_a_rating(client):
    review = start(client)
    statements = list(review.framework_version.statements.order_by("order"))
    data = answers(review)
    for statement in (statements[2], statements[4], statements[7]):
        del data[f"now-{statement.key}"]
    reply = client.post(url("respond", review), {**data, "action": "continue"})
    body = html.unescape(reply.content.decode())
    links = re.findall(r'<li><a href="#([^"]+)">([^<]+)</a>', body)
    assert links == [
        (
            f"now-{statements[2].key}-1",
            "Statements 3, 5 and 8 have no rating yet for now",
        )
    ]


def test_not_involved_at_the_start_removes_column_a(client):
    review = start(client)
    data = answers(review, then=None, not_involved_at_start="on")
    reply = client.post(url("respond", review), {**data, "action": "continue"})
    assert reply.status_code == 302
    response = stored(review)
    assert response.not_involved_at_start
    assert not response.answers.filter(then_rating__isnull=False).exists()


def test_complete_answers_lead_to_check_your_answers_with_change_links(client):
    review = start(client)
    data = answers(review, now="dont_know", comments="All fine")
    reply = client.post(url("respond", review), {**data, "action": "continue"})
    assert reply.url == url("respond-check", review)
    body = client.get(reply.url).content.decode()
    assert "Check your answers" in body
    assert "<dd>Don&#x27;t know</dd>" in body
    assert f'href="{url("respond", review)}#now-networks-1"' in body
    assert "All fine" in body


def test_submitting_twice_keeps_one_submitted_response(client):
    review = start(client)
    client.post(url("respond", review), {**answers(review), "action": "continue"})
    first = client.post(url("respond-submit", review))
    second = client.post(url("respond-submit", review))
    assert first.url == second.url == url("respond-thanks", review)
    response = stored(review)
    assert response.status == Response.Status.SUBMITTED
    assert Response.objects.count() == 1
    assert response.answers.count() == 10


def test_submitting_incomplete_answers_shows_the_errors_instead(client):
    review = start(client)
    client.post(url("respond", review), {"now-networks": "4", "action": "save"})
    reply = client.post(url("respond-submit", review))
    assert reply.status_code == 200
    assert "There is a problem" in reply.content.decode()
    assert stored(review).status == Response.Status.DRAFT


def test_a_submitted_response_can_be_changed_until_the_review_closes(client):
    review = start(client)
    client.post(url("respond", review), {**answers(review), "action": "continue"})
    client.post(url("respond-submit", review))
    changed = answers(review, now="2")
    reply = client.post(url("respond", review), {**changed, "action": "continue"})
    assert reply.status_code == 302
    assert stored(review).answers.filter(now_rating=2).count() == 10
    Review.objects.filter(pk=review.pk).update(status=Review.Status.CLOSED)
    reply = client.post(
        url("respond", review), {**answers(review), "action": "continue"}
    )
    assert reply.status_code == 403
    assert stored(review).answers.filter(now_rating=2).count() == 10


def test_a_submitted_response_is_never_saved_incomplete(client):
    review = start(client)
    client.post(url("respond", review), {**answers(review), "action": "continue"})
    client.post(url("respond-submit", review))
    # An autosave is only a draft: the submitted answers stay whole.
    reply = client.post(url("respond-autosave", review), {"now-networks": "3"})
    assert reply.status_code == 200
    assert stored(review).answers.filter(now_rating=7).count() == 10
    reply = client.post(url("respond", review), {"now-networks": "3", "action": "save"})
    assert reply.status_code == 400
    assert stored(review).answers.filter(now_rating=7).count() == 10


def test_thanks_shows_the_respondents_radar_data_and_a_table(client):
    review = start(client)
    client.post(url("respond", review), {**answers(review), "action": "continue"})
    client.post(url("respond-submit", review))
    reply = client.get(url("respond-thanks", review))
    body = reply.content.decode()
    figure = json.loads(
        re.search(
            r'id="chart-own-radar" type="application/json">(.*?)</script>', body
        ).group(1)
    )
    assert [trace["name"] for trace in figure["data"]] == ["At first", "Now"]
    assert figure["data"][1]["r"][:10] == [7] * 10
    assert figure["config"]["displaylogo"] is False
    assert figure["config"]["showSendToCloud"] is False
    assert 'data-figure="chart-own-radar"' in body
    assert "plotly-lto.min.js" in body and "js/charts.js" in body
    assert "<caption>Your answers</caption>" in body
    assert "data-print" in body


def test_thanks_before_submitting_goes_back_to_the_questionnaire(client):
    review = start(client)
    reply = client.get(url("respond-thanks", review))
    assert reply.url == url("respond", review)


def test_a_post_without_a_csrf_token_is_refused_and_stores_nothing(client):
    csrf_client = Client(enforce_csrf_checks=True)
    review = start(csrf_client)
    reply = csrf_client.post(url("respond", review), answers(review))
    assert reply.status_code == 403
    assert not Answer.objects.exists()


def test_unknown_statements_and_extra_fields_are_ignored(client):
    review = start(client)
    data = answers(review, **{"now-made-up": "5", "is_admin": "1", "then-1": "4"})
    reply = client.post(url("respond", review), {**data, "action": "continue"})
    assert reply.status_code == 302
    assert stored(review).answers.count() == 10


@pytest.mark.parametrize("bad", ["0", "11", "-3", "5.5", "five", "", " 7"])
def test_a_bad_rating_is_an_error_and_nothing_is_stored(client, bad):
    review = start(client)
    data = answers(review, **{"now-networks": bad})
    reply = client.post(url("respond", review), {**data, "action": "continue"})
    assert reply.status_code in (200, 400)
    assert "There is a problem" in reply.content.decode()
    assert not Answer.objects.filter(now_rating__in=[0, 11]).exists()
    if bad != "":
        assert not Answer.objects.exists()


def add_responses(review: Review, count: int) -> None:
    from tests.factories import answer_all

    for _ in range(count):
        answer_all(ResponseFactory(review=review))


@pytest.mark.parametrize("others", [0, 25])
def test_the_questionnaire_runs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, others
):
    review = start(client)
    client.post(url("respond", review), {**answers(review), "action": "save"})
    add_responses(review, others)
    with django_assert_max_num_queries(10):
        assert client.get(url("respond", review)).status_code == 200


def test_query_count_does_not_grow_with_the_number_of_statements(
    client, django_assert_max_num_queries
):
    from tests.factories import ReviewFactory, framework_version

    version = framework_version("long", statements=30)
    review = start(client, ReviewFactory(framework_version=version))
    data = {f"now-s{i}": "5" for i in range(1, 31)}
    client.post(url("respond", review), {**data, "action": "save"})
    with django_assert_max_num_queries(10):
        assert client.get(url("respond", review)).status_code == 200


def test_the_questionnaire_weighs_under_100_kb_compressed_and_loads_no_plotly(client):
    from tests.factories import ReviewFactory

    review = start(client, ReviewFactory(asks_would_like=True))
    body = client.get(url("respond", review)).content.decode()
    assert "plotly" not in body
    assets = re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', body)
    assert "js/questionnaire.js" in assets and "css/questionnaire.css" in assets
    total = len(gzip.compress(body.encode()))
    for asset in assets:
        with open(finders.find(asset), "rb") as handle:
            total += len(gzip.compress(handle.read()))
    assert total < 100 * 1024
