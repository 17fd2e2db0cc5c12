"""The respondent's pages rendered from kept fieldsets: the same HTML as the
templates give, each person's own choices only, and a pinned number of queries."""

import html
import re

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from reviews.forms.questionnaire import QuestionnaireForm, question_columns
from reviews.models import Review
from reviews.templatetags.framework_help import statement_help
from reviews.templatetags.questionnaire_grid import (
    CHECK_TEMPLATE,
    TEMPLATE,
    check_statement,
    statement_fieldset,
)
from tests.factories import ReviewFactory
from tests.views.respond_helpers import answers, start

pytestmark = pytest.mark.django_db


def url(name: str, review: Review) -> str:
    return reverse(f"reviews:{name}", args=[review.pk])


def checked(body: str) -> set[str]:
    return set(re.findall(r'id="([^"]+)" value="[^"]*" checked', body))


def rows_of(review: Review, data: dict) -> list:
    version = review.framework_version
    form = QuestionnaireForm(
        data,
        statements=list(version.statements.all()),
        columns=question_columns(review),
        scale=version.scale,
    )
    form.is_valid()
    return form.rows()


@pytest.mark.parametrize("asks_would_like", [False, True])
def test_a_kept_fieldset_is_the_html_its_template_renders(asks_would_like):
    review = ReviewFactory(asks_would_like=asks_would_like)
    hint = review.framework_version.scale_hint
    for data in ({}, answers(review, then="dont_know", now="3", like="10")):
        for row in rows_of(review, data):
            direct = render_to_string(TEMPLATE, {"row": row, "scale_hint": hint})
            # The first call renders and keeps the fieldset, the second fills it.
            assert statement_fieldset(row, hint) == direct
            assert statement_fieldset(row, hint) == direct


@pytest.mark.parametrize("not_involved", [False, True])
def test_a_kept_check_section_is_the_html_its_template_renders(not_involved):
    review = ReviewFactory(asks_would_like=True)
    given = answers(review, then="4", now="not_relevant", like=None)
    for data in ({}, given):
        for row in rows_of(review, data):
            shown = [group.answer_shown(not_involved) for group in row.groups]
            cells = list(zip(row.groups, shown, strict=True))
            context = {"row": row, "cells": cells, "respond_url": "/r/?a=1&b=2"}
            direct = render_to_string(CHECK_TEMPLATE, context)
            for _ in range(2):
                kept = check_statement(row, not_involved, "/r/?a=1&b=2")
                assert kept == direct
            assert ("Not involved at the start" in direct) is not_involved
            assert "Not answered" in direct  # "would like" is left out


def test_the_check_page_shows_each_person_their_own_answers():
    review = ReviewFactory()
    first, second = Client(), Client()
    for client, then, now in ((first, "2", "dont_know"), (second, "9", "1")):
        start(client, review)
        data = {**answers(review, then, now), "action": "continue"}
        assert client.post(url("respond", review), data).status_code == 302
    for client, then, now in ((first, "2", "Don't know"), (second, "9", "1")):
        body = client.get(url("respond-check", review)).content.decode()
        shown = [html.unescape(dd) for dd in re.findall(r"<dd>([^<]*)</dd>", body)]
        assert shown == ["Yes"] + [then, now] * 10


def test_the_help_tag_is_the_help_template_rendered():
    review = ReviewFactory()
    for statement in review.framework_version.statements.all():
        direct = render_to_string(
            "reviews/respond/statement_help.html", {"statement": statement}
        )
        assert statement_help(statement) == direct
        assert "What this statement means" in direct


def test_two_people_on_one_review_each_see_only_their_own_choices():
    review = ReviewFactory()
    first, second = Client(), Client()
    start(first, review)
    start(second, review)
    first.post(url("respond", review), {**answers(review, "2", "3"), "action": "save"})
    second.post(url("respond", review), {**answers(review, "8", "9"), "action": "save"})
    statements = list(review.framework_version.statements.all())
    for client, then, now in ((first, "2", "3"), (second, "8", "9"), (first, "2", "3")):
        body = client.get(url("respond", review)).content.decode()
        expected = {f"then-{s.key}-{then}" for s in statements}
        expected |= {f"now-{s.key}-{now}" for s in statements}
        assert checked(body) == expected


def test_a_statement_with_an_error_is_rendered_with_its_message_beside_kept_ones(
    client,
):
    review = start(client)
    data = answers(review)
    del data["now-networks"]
    body = client.post(url("respond", review), {**data, "action": "continue"})
    body = body.content.decode()
    assert 'aria-describedby="now-networks-hint now-networks-error"' in body
    assert 'id="now-networks-error"' in body
    assert body.count('class="statement has-error"') == 1
    assert "then-networks-5" in checked(body)
    assert "now-confidence-voice-7" in checked(body)


@pytest.mark.parametrize(("page", "queries"), [("respond", 5), ("respond-check", 5)])
def test_the_questionnaire_and_check_pages_run_a_pinned_number_of_queries(
    client, django_assert_num_queries, page, queries
):
    review = start(client)
    client.post(url("respond", review), {**answers(review), "action": "save"})
    with django_assert_num_queries(queries):
        assert client.get(url(page, review)).status_code == 200


def test_answering_submitting_and_thanks_run_a_pinned_number_of_queries(
    client, django_assert_num_queries
):
    review = start(client)
    data = answers(review)
    client.get(url("respond", review))
    # Each write is one transaction: its SAVEPOINT and RELEASE count here.
    with django_assert_num_queries(8 + 2):
        reply = client.post(url("respond", review), data)
    assert reply.status_code == 302
    with django_assert_num_queries(7 + 2):
        assert client.post(url("respond-submit", review)).status_code == 302
    with django_assert_num_queries(5):
        assert client.get(url("respond-thanks", review)).status_code == 200
