"""The product's words for columns, answer states and perspectives, defined once.

Model choices, forms, tables, charts, discussion points and exports build their
labels from here, so a perspective is called the same thing on every page. The
order of `PERSPECTIVES` is the order of every table, chart legend and tie-break.
"""

from __future__ import annotations

from typing import Final

THEN: Final = "then"
NOW: Final = "now"
LIKE: Final = "like"
COLUMNS: Final = (THEN, NOW, LIKE)
# In a sentence ("rated now", "rated at first").
COLUMN_LABELS: Final = {THEN: "at first", NOW: "now", LIKE: "would like"}
# As a heading, a legend entry or a form's column title.
COLUMN_HEADINGS: Final = {THEN: "At first", NOW: "Now", LIKE: "Would like"}

DONT_KNOW: Final = "dont_know"
NOT_RELEVANT: Final = "not_relevant"
ANSWER_STATES: Final = (DONT_KNOW, NOT_RELEVANT)
ANSWER_STATE_LABELS: Final = {
    DONT_KNOW: "Don't know",
    NOT_RELEVANT: "Not relevant to us",
}
ANSWER_STATE_CHOICES: Final = [(s, ANSWER_STATE_LABELS[s]) for s in ANSWER_STATES]

PERSPECTIVES: Final = ("member", "lto_staff", "worker", "rep", "lt_staff", "other")
# A group as a table heading or legend entry.
PERSPECTIVE_LABELS: Final = {
    "member": "Partnership members",
    "lto_staff": "LTO staff",
    "worker": "Workers",
    "rep": "Rep",
    "lt_staff": "Local Trust staff",
    "other": "Other",
}
# One person of a group: a choice on a form, or a pseudonym ("Worker 2").
PERSPECTIVE_SINGULAR: Final = {
    "member": "Partnership member",
    "lto_staff": "LTO staff",
    "worker": "Worker",
    "rep": "Rep",
    "lt_staff": "Local Trust staff",
    "other": "Other respondent",
}
# A group in the middle of a sentence ("partnership members (8) rate it ...").
PERSPECTIVE_GROUPS: Final = {
    "member": "partnership members",
    "lto_staff": "LTO staff",
    "worker": "workers",
    "rep": "reps",
    "lt_staff": "Local Trust staff",
    "other": "other respondents",
}
# The translation context of a group's words in a sentence, apart from the same
# words as a heading ("LTO staff"), which some languages capitalise.
IN_A_SENTENCE: Final = "a group of people in the middle of a sentence"
# A group of one in a sentence: never "Reps" for one rep.
PERSPECTIVE_ONE_PERSON: Final = {
    "member": "the one partnership member who answered",
    "lto_staff": "the one LTO staff member who answered",
    "worker": "the one worker who answered",
    "rep": "the rep",
    "lt_staff": "the one Local Trust staff member who answered",
    "other": "the one other respondent who answered",
}
PERSPECTIVE_CHOICES: Final = [(p, PERSPECTIVE_SINGULAR[p]) for p in PERSPECTIVES]

# What each capital (the group a statement belongs to) means, for a reading age of
# about 11. The capitals are a closed list held by a database constraint on every
# statement, whatever the framework, so what they mean is the product's vocabulary
# like the perspectives, not data of one framework version.
CAPITAL_HELP: Final = {
    "social": (
        "Social capital is about people: how confident residents feel, whether "
        "they are listened to, the skills they have, and their ideas and hopes "
        "for the area."
    ),
    "economic": (
        "Economic capital is about the things a group needs to get things done: "
        "places to meet, paid workers, money, buildings and contracts."
    ),
    "cultural": (
        "Cultural capital is about standing and connections: how well the "
        "partnership is run, whether others trust it, who it knows, and whether "
        "it can reach the people who make decisions."
    ),
    "overarching": (
        "This looks beyond the programme: whether the partnership will last when "
        "the money ends."
    ),
}

# A group's agreement (r_wg) as members and the room read it, one phrase per band
# of `Thresholds.rwg_bands`, lowest first: the statistic and its band stay in the
# rep's table and in "How we read the answers".
AGREEMENT_WORDS: Final = (
    "see this very differently from one another",
    "see this quite differently",
    "partly agree",
    "mostly agree",
    "agree closely",
)
AGREEMENT_HEADING: Final = "Agreement (r_wg)"
AGREEMENT_HEADING_IN_WORDS: Final = "How alike they see it"
