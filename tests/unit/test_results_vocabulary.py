"""The analysis package's words are all listed for translation, and translated."""

import pytest
from django.utils import translation

from reviews.analysis import (
    AGREEMENT_HEADING,
    AGREEMENT_HEADING_IN_WORDS,
    ANSWER_STATE_LABELS,
    COLUMN_HEADINGS,
    PERSPECTIVE_LABELS,
)
from reviews.analysis.thresholds import DEFAULT_THRESHOLDS
from reviews.analysis.words import AGREEMENT_WORDS, PERSPECTIVE_ONE_PERSON
from reviews.responding.vocabulary import RESULT_WORDS as WORDS
from reviews.results.vocabulary import translate_figure, word

ANALYSIS_WORDS = (
    *PERSPECTIVE_LABELS.values(),
    *COLUMN_HEADINGS.values(),
    *ANSWER_STATE_LABELS.values(),
    *AGREEMENT_WORDS,
    AGREEMENT_HEADING,
    AGREEMENT_HEADING_IN_WORDS,
    *PERSPECTIVE_ONE_PERSON.values(),
    *(name for _, name in DEFAULT_THRESHOLDS.rwg_bands),
    "Flat answers",
)


def test_every_word_the_results_take_from_the_analysis_is_listed_for_translation():
    assert set(ANALYSIS_WORDS) <= set(WORDS)


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_every_listed_word_has_a_translation(language):
    with translation.override(language):
        untranslated = [english for english in WORDS if word(english) == english]
    assert untranslated == []


def test_a_figures_legend_hover_names_and_axis_titles_are_translated():
    figure = {
        "data": [
            {"name": "At first", "hovertemplate": "At first<br>%{theta}"},
            {"type": "bar"},
        ],
        "layout": {
            "xaxis": {"title": {"text": "Average rating now"}, "range": [0, 11]}
        },
    }
    with translation.override("pl"):
        translated = translate_figure(figure)
    assert translated["data"][0] == {
        "name": "Na początku",
        "hovertemplate": "Na początku<br>%{theta}",
    }
    assert translated["data"][1] == {"type": "bar"}
    assert translated["layout"]["xaxis"] == {
        "title": {"text": "Średnia ocena teraz"},
        "range": [0, 11],
    }
    assert figure["data"][0]["name"] == "At first"
