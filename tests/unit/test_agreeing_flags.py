"""Flags that agree: the statement table marks a gap "flagged" only when the
agenda counts it, a one-against-one gap says "(one person each)", and a point
that rests on few ratings says so first, in plain words."""

from reviews.analysis import NOW, analyse
from reviews.results.statement_tables import statement_tables
from tests.unit.test_analysis import STATEMENTS, ratings_on, response


def gaps_shown(responses, statement: str = "s2") -> tuple[str, ...]:
    now = next(
        t for t in statement_tables(analyse(STATEMENTS, responses), in_words=False)
    )
    assert now.column == NOW
    return next(gaps for s, _, gaps in now.rows if s.key == statement)


def test_a_one_against_one_gap_shows_its_number_with_one_person_each():
    responses = [response(1, "lto_staff", {"s2": 2}), response(2, "rep", {"s2": 9})]

    assert gaps_shown(responses) == ("LTO staff \u2212 Rep: -7.0 (one person each)",)
    assert analyse(STATEMENTS, responses).discussion_points == ()


def test_a_gap_the_agenda_counts_is_marked_flagged_in_the_table():
    responses = [*ratings_on("s2", "lto_staff", [2, 2]), response(9, "rep", {"s2": 9})]

    assert gaps_shown(responses) == ("LTO staff \u2212 Rep: -7.0 (flagged)",)
    [point] = analyse(STATEMENTS, responses).discussion_points
    assert point.statement == "s2"


def test_a_small_gap_between_groups_is_neither_flagged_nor_one_person_each():
    responses = [*ratings_on("s2", "lto_staff", [5, 5]), response(9, "rep", {"s2": 6})]

    assert gaps_shown(responses) == ("LTO staff \u2212 Rep: -1.0",)


def test_a_point_that_rests_on_few_ratings_says_so_first():
    members = ratings_on(
        "s8", "member", [3, 4, 3, "dont_know", "dont_know", "dont_know", "dont_know"]
    )
    members.append(response(8, "member", {"s8": "not_relevant"}))
    staff = ratings_on("s8", "lto_staff", [9, 9], start=20)

    [point] = analyse(STATEMENTS, [*members, *staff]).discussion_points

    assert point.text == (
        "Governance and risk: only 3 of 8 partnership members rated this; 4 said "
        "they don\u2019t know; 1 said it is not relevant to them \u2014 partnership "
        "members (3) rate it 3.3 now on average and LTO staff (2) 9.0, a gap of "
        "5.7 points; 4 of 8 partnership members (50%) said they don\u2019t know "
        "how it is now."
    )


def test_a_point_resting_on_most_of_a_group_does_not_say_it_is_thin():
    members = ratings_on("s8", "member", [3, 4, 3, "dont_know"])
    staff = ratings_on("s8", "lto_staff", [9, 9], start=20)

    [point] = analyse(STATEMENTS, [*members, *staff]).discussion_points

    assert "rated this" not in point.text
