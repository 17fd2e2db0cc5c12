"""The questionnaire form on its own: choices, completeness, the error summary."""

from reviews.forms.questionnaire import Column, QuestionnaireForm
from reviews.models import Statement

STATEMENTS = [
    Statement(pk=10 + i, key=key, order=i, text=f"Statement {i}", short_label=key)
    for i, key in enumerate(["voice", "skills", "networks"], start=1)
]
COLUMNS = [
    Column("then", "A", "At first", "Where was it at first?"),
    Column("now", "B", "Now", "Where is it now?"),
]


def form(data: dict, complete: bool = True) -> QuestionnaireForm:
    return QuestionnaireForm(
        data,
        statements=STATEMENTS,
        columns=COLUMNS,
        scale=range(1, 11),
        complete=complete,
    )


def full(**extra) -> dict:
    data = {f"{c.key}-{s.key}": "5" for s in STATEMENTS for c in COLUMNS}
    data.update(extra)
    return data


def test_every_column_of_every_statement_must_be_answered_to_continue():
    bound = form(full(**{"now-skills": ""}))
    assert not bound.is_valid()
    assert list(bound.errors) == ["now-skills"]
    assert bound.error_links()[0][0] == "#now-skills-1"


def test_a_draft_may_leave_answers_out():
    bound = form({"now-skills": "4"}, complete=False)
    assert bound.is_valid()
    assert bound.answers() == {12: {"now": "4"}}


def test_dont_know_and_not_relevant_count_as_answers():
    bound = form(full(**{"now-voice": "dont_know", "then-voice": "not_relevant"}))
    assert bound.is_valid()
    assert bound.answers()[11] == {"then": "not_relevant", "now": "dont_know"}


def test_not_involved_at_the_start_drops_and_excuses_column_a():
    data = {f"now-{s.key}": "6" for s in STATEMENTS}
    bound = form({**data, "then-voice": "3", "not_involved_at_start": "on"})
    assert bound.is_valid()
    assert all(set(cells) == {"now"} for cells in bound.answers().values())


def test_ratings_off_the_scale_are_errors_even_in_a_draft():
    for bad in ["0", "11", "4.5", "x"]:
        bound = form({"now-voice": bad}, complete=False)
        assert not bound.is_valid()
        assert "now-voice" in bound.errors


def test_error_links_follow_the_order_of_the_page():
    bound = form(full(**{"then-networks": "", "now-voice": ""}))
    bound.is_valid()
    assert [href for href, _ in bound.error_links()] == [
        "#now-voice-1",
        "#then-networks-1",
    ]


def test_rows_keep_the_posted_choice_checked():
    bound = form(full(**{"now-voice": "9", "now-skills": ""}))
    bound.is_valid()
    row = bound.rows()[0]
    now = row.groups[1]
    assert now.chosen == "9"
    assert now.ratings_html.count(" checked") == 1
    assert 'value="9" checked>' in now.ratings_html
    assert " checked" not in now.states_html
    assert bound.rows()[1].has_errors


def test_the_error_summary_groups_missing_answers_by_column():
    bound = form(full(**{"now-voice": "", "now-networks": "", "then-skills": ""}))
    bound.is_valid()
    assert bound.summary_links() == [
        ("#then-skills-1", "Statement 2 has no rating yet for at first"),
        ("#now-voice-1", "Statements 1 and 3 have no rating yet for now"),
    ]


def test_the_error_summary_lists_three_or_more_statements_in_one_line():
    bound = form({}, complete=True)
    bound.is_valid()
    messages = [message for _, message in bound.summary_links()]
    assert messages == [
        "Statements 1, 2 and 3 have no rating yet for at first",
        "Statements 1, 2 and 3 have no rating yet for now",
    ]


def test_the_error_summary_keeps_other_errors_as_their_own_links():
    bound = form(full(**{"now-voice": "", "now-skills": "99"}))
    bound.is_valid()
    hrefs = [href for href, _ in bound.summary_links()]
    assert hrefs == ["#now-voice-1", "#now-skills-1"]
