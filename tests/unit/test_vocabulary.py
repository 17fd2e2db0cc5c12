"""The English listed for translation is the English the pages show."""

from reviews.analysis.scale import FOOTING_WORDS
from reviews.analysis.words import (
    CAPITAL_HELP,
    PERSPECTIVE_GROUPS,
    PERSPECTIVE_SINGULAR,
)
from reviews.models import Capital, Review
from reviews.responding import vocabulary
from reviews.views.respond import SHARED_AS


def test_every_word_pages_translate_by_value_is_listed_for_translation():
    assert set(vocabulary.CAPITAL_HELP) == set(CAPITAL_HELP.values())
    assert set(vocabulary.PERSPECTIVE_SINGULAR) == set(PERSPECTIVE_SINGULAR.values())
    assert set(vocabulary.PERSPECTIVE_GROUPS) == set(PERSPECTIVE_GROUPS.values())
    assert set(vocabulary.SHARED_AS) == set(SHARED_AS.values())
    assert set(vocabulary.CAPITAL_LABELS) == set(Capital.labels)
    assert set(vocabulary.CAPITAL_HEADINGS) == {f"{c} capital" for c in Capital.labels}
    assert set(vocabulary.PURPOSES) == set(Review.Purpose.labels)
    assert vocabulary.FOOTING == FOOTING_WORDS
