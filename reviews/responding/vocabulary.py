"""The English of the product's fixed words that pages translate by value.

`reviews.analysis` and the models' choices hold these words without Django's
translation machinery (the analysis package imports no Django), so pages
translate them where they show them (`gettext(value)`, `{% translate value %}`).
Listing them here with `gettext_noop` lets makemessages find them; a unit test
keeps this list in step with the words it copies.
"""

from django.utils.translation import gettext_noop, pgettext_lazy

CAPITAL_LABELS = (
    gettext_noop("Social"),
    gettext_noop("Economic"),
    gettext_noop("Cultural"),
    gettext_noop("Overarching"),
)

# As headings: "Social capital".
CAPITAL_HEADINGS = (
    gettext_noop("Social capital"),
    gettext_noop("Economic capital"),
    gettext_noop("Cultural capital"),
    gettext_noop("Overarching capital"),
)

CAPITAL_HELP = (
    gettext_noop(
        "Social capital is about people: how confident residents feel, whether "
        "they are listened to, the skills they have, and their ideas and hopes "
        "for the area."
    ),
    gettext_noop(
        "Economic capital is about the things a group needs to get things done: "
        "places to meet, paid workers, money, buildings and contracts."
    ),
    gettext_noop(
        "Cultural capital is about standing and connections: how well the "
        "partnership is run, whether others trust it, who it knows, and whether "
        "it can reach the people who make decisions."
    ),
    gettext_noop(
        "This looks beyond the programme: whether the partnership will last when "
        "the money ends."
    ),
)

PERSPECTIVE_SINGULAR = (
    gettext_noop("Partnership member"),
    gettext_noop("LTO staff"),
    gettext_noop("Worker"),
    gettext_noop("Rep"),
    gettext_noop("Local Trust staff"),
    gettext_noop("Other respondent"),
)

# A group in the middle of a sentence, in the context
# `reviews.analysis.words.IN_A_SENTENCE` (the same English as a heading may
# translate with a capital).
PERSPECTIVE_GROUPS = (
    pgettext_lazy(
        "a group of people in the middle of a sentence", "partnership members"
    ),
    pgettext_lazy("a group of people in the middle of a sentence", "LTO staff"),
    pgettext_lazy("a group of people in the middle of a sentence", "workers"),
    pgettext_lazy("a group of people in the middle of a sentence", "reps"),
    pgettext_lazy("a group of people in the middle of a sentence", "Local Trust staff"),
    pgettext_lazy("a group of people in the middle of a sentence", "other respondents"),
)

# How a small group's answers are shown (reviews.views.respond.SHARED_AS).
SHARED_AS = (
    gettext_noop("the LTO's view"),
    gettext_noop("the workers' view"),
    gettext_noop("the rep's view"),
)

PURPOSES = (
    gettext_noop("Inception of a new LTO"),
    gettext_noop("Regular review"),
    gettext_noop("Finance review"),
    gettext_noop("Troubleshooting or mediation"),
    gettext_noop("Reviewing workers and commissioned services"),
    gettext_noop("Deciding whether to change LTO or become own LTO"),
    gettext_noop("Communication"),
    gettext_noop("Legacy planning"),
    gettext_noop("Exit interview"),
)

FOOTING = gettext_noop(
    "Averages are shown as a share of their own rating scale, so reviews asked on "
    "different scales can be compared: 0% is the scale's lowest option and 100% "
    "its highest (on a scale from 1 to 10, an average of 6.1 is 56.7%). Each "
    "table names the scale each figure was asked on."
)

# The analysis's words that results pages draw (reviews.results.vocabulary).
RESULT_WORDS = (
    # PERSPECTIVE_LABELS
    gettext_noop("Partnership members"),
    gettext_noop("LTO staff"),
    gettext_noop("Workers"),
    gettext_noop("Rep"),
    gettext_noop("Local Trust staff"),
    gettext_noop("Other"),
    # COLUMN_HEADINGS
    gettext_noop("At first"),
    gettext_noop("Now"),
    gettext_noop("Would like"),
    # ANSWER_STATE_LABELS
    gettext_noop("Don't know"),
    gettext_noop("Not relevant to us"),
    # AGREEMENT_WORDS, AGREEMENT_HEADING, AGREEMENT_HEADING_IN_WORDS
    gettext_noop("see this very differently from one another"),
    gettext_noop("see this quite differently"),
    gettext_noop("partly agree"),
    gettext_noop("mostly agree"),
    gettext_noop("agree closely"),
    gettext_noop("Agreement (r_wg)"),
    gettext_noop("How alike they see it"),
    # Axis titles of the charts released results draw
    gettext_noop("Average rating now"),
    gettext_noop("Rating"),
    # PERSPECTIVE_ONE_PERSON, in the discussion points' sentences
    gettext_noop("the one partnership member who answered"),
    gettext_noop("the one LTO staff member who answered"),
    gettext_noop("the one worker who answered"),
    gettext_noop("the rep"),
    gettext_noop("the one Local Trust staff member who answered"),
    gettext_noop("the one other respondent who answered"),
    # Thresholds.rwg_bands, in "How we flag"
    gettext_noop("lack of agreement"),
    gettext_noop("weak agreement"),
    gettext_noop("moderate agreement"),
    gettext_noop("strong agreement"),
    gettext_noop("very strong agreement"),
    # The heading of the flat-answers discussion point
    gettext_noop("Flat answers"),
)

# Agreed actions (reviews.models.AgreedAction): who leads, their status and
# when they are due, as released results and the meeting's screens list them.
ACTION_WORDS = (
    gettext_noop("The partnership"),
    gettext_noop("The LTO"),
    gettext_noop("The rep"),
    gettext_noop("Local Trust"),
    gettext_noop("Another organisation"),
    gettext_noop("Agreed"),
    gettext_noop("In progress"),
    gettext_noop("Done"),
    gettext_noop("Dropped"),
    gettext_noop("Overdue"),
    gettext_noop("Due soon"),
)
