"""Reading a review's answers: summaries, agreement, gaps, splits, flatness.

Pure Python, no Django: plain frozen dataclasses in and out. Views turn model
rows into `StatementInfo` and `ResponseData`, call `analyse()` with the
framework version's `Scale`, and (for anyone but the review's rep and Local
Trust staff) pass the result through `suppress_small_groups()` before
rendering it.

The modules, by what they do:
- words: the product's words for columns, answer states and perspectives;
- numbers: the one rounding rule (half up) for every number shown;
- scale: the rating scale a framework version asks on;
- thresholds: every number the report flags by, and its wording;
- records: the dataclasses in and out;
- tally: the one pass over every answer;
- agreement: summaries, r_wg and its bands;
- comparisons: gaps between groups and change from then to now;
- patterns: flat responses and "don't know";
- agenda: discussion points;
- privacy: pseudonyms and the small-group rule;
- engine: `analyse`, composing the steps above.

This module re-exports the names callers use, so they need only
`from reviews.analysis import ...`.
"""

from reviews.analysis.agenda import KINDS, with_discussion_points
from reviews.analysis.agreement import agreement_in_words, rwg, rwg_band, summarise
from reviews.analysis.attention import has_wide_gap
from reviews.analysis.engine import analyse
from reviews.analysis.numbers import (
    half_up,
    one_decimal,
    percent,
    signed_one_decimal,
    two_decimals,
)
from reviews.analysis.privacy import (
    individual_labels,
    is_suppressed,
    suppress_small_groups,
)
from reviews.analysis.records import (
    HEADLINE_PAIR,
    Analysis,
    Cell,
    Change,
    DiscussionPoint,
    Gap,
    GroupResult,
    ResponseData,
    StatementInfo,
    Summary,
)
from reviews.analysis.scale import (
    BIG_LOCAL_SCALE,
    FOOTING_WORDS,
    SHARE_OF_SCALE,
    Scale,
    names_another_scale,
    share_of_scale,
)
from reviews.analysis.thresholds import (
    ATTENTION,
    DEFAULT_THRESHOLDS,
    AttentionRules,
    Thresholds,
    describe_attention,
    describe_programme_rules,
    describe_thresholds,
)
from reviews.analysis.words import (
    AGREEMENT_HEADING,
    AGREEMENT_HEADING_IN_WORDS,
    ANSWER_STATE_CHOICES,
    ANSWER_STATE_LABELS,
    ANSWER_STATES,
    COLUMN_HEADINGS,
    COLUMN_LABELS,
    COLUMNS,
    DONT_KNOW,
    LIKE,
    NOT_RELEVANT,
    NOW,
    PERSPECTIVE_CHOICES,
    PERSPECTIVE_GROUPS,
    PERSPECTIVE_LABELS,
    PERSPECTIVE_ONE_PERSON,
    PERSPECTIVE_SINGULAR,
    PERSPECTIVES,
    THEN,
)

__all__ = [
    "AGREEMENT_HEADING",
    "AGREEMENT_HEADING_IN_WORDS",
    "ATTENTION",
    "ANSWER_STATES",
    "ANSWER_STATE_CHOICES",
    "ANSWER_STATE_LABELS",
    "BIG_LOCAL_SCALE",
    "FOOTING_WORDS",
    "SHARE_OF_SCALE",
    "COLUMNS",
    "COLUMN_HEADINGS",
    "COLUMN_LABELS",
    "DEFAULT_THRESHOLDS",
    "DONT_KNOW",
    "HEADLINE_PAIR",
    "KINDS",
    "LIKE",
    "NOT_RELEVANT",
    "NOW",
    "PERSPECTIVES",
    "PERSPECTIVE_CHOICES",
    "PERSPECTIVE_LABELS",
    "PERSPECTIVE_SINGULAR",
    "PERSPECTIVE_GROUPS",
    "PERSPECTIVE_ONE_PERSON",
    "THEN",
    "Analysis",
    "AttentionRules",
    "Cell",
    "Change",
    "DiscussionPoint",
    "Gap",
    "GroupResult",
    "ResponseData",
    "Scale",
    "names_another_scale",
    "share_of_scale",
    "StatementInfo",
    "Summary",
    "Thresholds",
    "analyse",
    "describe_attention",
    "describe_programme_rules",
    "describe_thresholds",
    "has_wide_gap",
    "half_up",
    "individual_labels",
    "is_suppressed",
    "one_decimal",
    "percent",
    "rwg",
    "rwg_band",
    "agreement_in_words",
    "signed_one_decimal",
    "summarise",
    "suppress_small_groups",
    "two_decimals",
    "with_discussion_points",
]
