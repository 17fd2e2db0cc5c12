"""The analysis's sentences are said in the reader's language: every pattern the
discussion points and "How we flag" use is in the Polish and Urdu catalogues,
fills its places there, and reads exactly as before in English."""

from collections.abc import Iterator

import pytest
from django.utils import translation
from django.utils.translation import trans_real

from reviews.analysis import (
    DONT_KNOW,
    NOT_RELEVANT,
    NOW,
    THEN,
    ResponseData,
    StatementInfo,
    analyse,
    describe_programme_rules,
    describe_thresholds,
)
from reviews.analysis.phrases import ENGLISH, Phrase, gettext, joined, listed, ngettext

STATEMENTS = [
    StatementInfo(key=f"s{i}", label=f"S{i}", text=f"S{i}", capital="social", order=i)
    for i in range(1, 11)
]


def answers(now, then=None):
    then = then or {}
    return {k: {NOW: now.get(k), THEN: then.get(k)} for k in set(now) | set(then)}


def every_kind_of_point() -> list[ResponseData]:
    """A review with a point of every kind on a statement, a thin note, a
    one-person "don't know" and a rep's rating mentioned beside a gap."""
    rows: list[tuple[str, dict, dict]] = []
    # s1: members 8 and LTO staff 3, the rep 7: a gap.
    rows += [("member", {"s1": 8}, {})] * 3 + [("lto_staff", {"s1": 3}, {})] * 2
    rows += [("rep", {"s1": 7, "s6": DONT_KNOW}, {})]
    # s2: workers see it very differently from one another.
    rows += [("worker", {"s2": v}, {}) for v in (1, 10, 1, 10, 5)]
    # s3: other respondents split, two higher now, two lower.
    rows += [("other", {"s3": 6}, {"s3": 5})] * 2
    rows += [("other", {"s3": 5}, {"s3": 6})] * 2
    # s4: most Local Trust staff don't know.
    rows += [("lt_staff", {"s4": DONT_KNOW}, {})] * 3 + [("lt_staff", {"s4": 5}, {})]
    # s5: a gap resting on one of five members, the rest unsure.
    rows += [("member", {"s5": 2}, {})]
    rows += [("member", {"s5": DONT_KNOW}, {})] * 3 + [
        ("member", {"s5": NOT_RELEVANT}, {})
    ]
    rows += [("lto_staff", {"s5": 9}, {})] * 2
    return [
        ResponseData(id=i, perspective=p, answers=answers(now, then))
        for i, (p, now, then) in enumerate(rows, start=1)
    ]


def flat_review() -> list[ResponseData]:
    return [
        ResponseData(
            id=i, perspective="member", answers=answers({s.key: 5 for s in STATEMENTS})
        )
        for i in range(1, 4)
    ]


def sentences() -> list[Phrase]:
    points = [
        *analyse(STATEMENTS, every_kind_of_point()).discussion_points,
        *analyse(STATEMENTS, flat_review()).discussion_points,
    ]
    assert {p.kind for p in points} == {
        "gap",
        "disagreement",
        "split",
        "unknown",
        "flat",
    }
    return [
        *(p.sentence for p in points),
        *describe_thresholds(),
        *describe_programme_rules(),
    ]


def patterns(phrase: Phrase) -> Iterator[Phrase]:
    yield phrase
    for _, value in phrase.values:
        if isinstance(value, Phrase):
            yield from patterns(value)


def test_a_phrase_in_english_fills_its_places():
    who = gettext("{group} ({n})", group=Phrase("workers"), n=3)
    rate = ngettext(
        "{who} rates it {mean}",
        "{who} rate it {mean} on average",
        3,
        who=who,
        mean="6.0",
    )
    assert rate.say(ENGLISH) == str(rate) == "workers (3) rate it 6.0 on average"
    one = ngettext("{count} said so", "{count} say so", 1)
    assert str(one) == "1 said so"


def test_clauses_are_joined_and_listed_in_plain_english():
    a, b, c = Phrase("a"), Phrase("b"), Phrase("c")
    assert str(joined([a, b, c])) == "a; b; c"
    assert str(listed([a])) == "a"
    assert str(listed([a, b, c])) == "a, b and c"


def test_the_points_read_as_they_always_did_in_english():
    points = analyse(STATEMENTS, every_kind_of_point()).discussion_points
    gap = next(p for p in points if p.statement == "s1")
    assert gap.body == (
        "partnership members (3) rate it 8.0 now on average and LTO staff (2) 3.0, "
        "a gap of 5.0 points; the rep\u2019s rating is 7.0."
    )
    thin = next(p for p in points if p.statement == "s5")
    assert thin.body.startswith(
        "only 1 of 5 partnership members rated this; 3 said they don\u2019t know; "
        "1 said it is not relevant to them \u2014 "
    )


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_every_pattern_is_in_the_catalogue_and_fills_its_places(language):
    catalogue = trans_real.translation(language)._catalog
    with translation.override(language):
        for sentence in sentences():
            for phrase in patterns(sentence):
                key: str | tuple[str, int] = phrase.pattern
                if phrase.context is not None:
                    key = f"{phrase.context}\x04{phrase.pattern}"
                elif phrase.plural is not None:
                    key = (phrase.pattern, 0)
                assert catalogue.get(key), (language, phrase.pattern)
            # Every place the English has is filled in the translation.
            assert "{" not in sentence.say(translation)


def test_a_page_says_a_sentence_in_its_language():
    points = analyse(STATEMENTS, every_kind_of_point()).discussion_points
    sentence = next(p for p in points if p.statement == "s1").sentence
    with translation.override("pl"):
        polish = sentence.say(translation)
    assert polish != sentence.say()
    assert "5.0" in polish and "8.0" in polish
