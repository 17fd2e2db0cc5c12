"""The English listed for translation is the English the pages show."""

from pathlib import Path

from django.utils import translation

from reviews.analysis.phrases import word
from reviews.analysis.scale import FOOTING_WORDS
from reviews.analysis.words import (
    CAPITAL_HELP,
    IN_A_SENTENCE,
    PERSPECTIVE_GROUPS,
    PERSPECTIVE_SINGULAR,
)
from reviews.models import AgreedAction, Capital, Review
from reviews.responding import vocabulary
from reviews.views.respond import SHARED_AS


def test_every_word_pages_translate_by_value_is_listed_for_translation():
    assert set(vocabulary.CAPITAL_HELP) == set(CAPITAL_HELP.values())
    assert set(vocabulary.PERSPECTIVE_SINGULAR) == set(PERSPECTIVE_SINGULAR.values())
    with translation.override("en-gb"):
        groups = {str(words) for words in vocabulary.PERSPECTIVE_GROUPS}
    assert groups == set(PERSPECTIVE_GROUPS.values())
    assert set(vocabulary.SHARED_AS) == set(SHARED_AS.values())
    assert set(vocabulary.CAPITAL_LABELS) == set(Capital.labels)
    assert set(vocabulary.CAPITAL_HEADINGS) == {f"{c} capital" for c in Capital.labels}
    assert set(vocabulary.PURPOSES) == set(Review.Purpose.labels)
    assert vocabulary.FOOTING == FOOTING_WORDS
    action_words = {*AgreedAction.Lead.labels, *AgreedAction.Status.labels}
    assert set(vocabulary.ACTION_WORDS) == action_words | {"Overdue", "Due soon"}


def test_a_groups_words_in_a_sentence_have_one_context():
    # makemessages reads the context from the source, so it is written out
    # where the words are listed and where a template translates them.
    listed = Path(vocabulary.__file__).read_text()
    privacy = Path("templates/reviews/pages/privacy.html").read_text()
    assert listed.count(f'"{IN_A_SENTENCE}"') == len(PERSPECTIVE_GROUPS)
    assert f'context "{IN_A_SENTENCE}"' in privacy


def test_a_group_in_a_polish_sentence_has_no_capital():
    with translation.override("pl"):
        said = word(PERSPECTIVE_GROUPS["lto_staff"], context=IN_A_SENTENCE)
        assert said.say(translation) == "personel LTO"
        assert translation.gettext(PERSPECTIVE_GROUPS["lto_staff"]) == "Personel LTO"
