"""The words analysis and charts share: columns, answer states, perspectives.

Pure Python; the model choices in reviews/models.py use the same values.
"""

THEN = "then"
NOW = "now"
LIKE = "like"
COLUMNS = (THEN, NOW, LIKE)
COLUMN_LABELS = {THEN: "at first", NOW: "now", LIKE: "would like"}

DONT_KNOW = "dont_know"
NOT_RELEVANT = "not_relevant"

# An answer to one column: a rating, DONT_KNOW, NOT_RELEVANT, or None (skipped).
Cell = int | str | None

# The order here is the order of every table, chart legend and tie-break.
PERSPECTIVES = ("member", "lto_staff", "worker", "rep", "lt_staff", "other")
PERSPECTIVE_LABELS = {
    "member": "Partnership members",
    "lto_staff": "LTO staff",
    "worker": "Workers",
    "rep": "Rep",
    "lt_staff": "Local Trust staff",
    "other": "Other",
}
PERSPECTIVE_SINGULAR = {
    "member": "Partnership member",
    "lto_staff": "LTO staff",
    "worker": "Worker",
    "rep": "Rep",
    "lt_staff": "Local Trust staff",
    "other": "Other respondent",
}
