"""Pseudonymised CSV of a review's answers: one row per response and statement.

Respondents appear only as "Partnership member 2"-style pseudonyms and their
perspective; no name, email or comment leaves in the file. The file is UTF-8
with a byte-order mark so spreadsheet programs read accents right, and any cell
that a spreadsheet could take for a formula is defused
(`ltoreview.spreadsheets`).
"""

from __future__ import annotations

import csv
import io

from ltoreview.spreadsheets import defuse_formula
from reviews import analysis
from reviews.analysis import DONT_KNOW, LIKE, NOT_RELEVANT, NOW, THEN, Cell
from reviews.models import Review
from reviews.results.reading import read_review

BOM = "\ufeff"
STATE_WORDS = {DONT_KNOW: "don't know", NOT_RELEVANT: "not relevant"}
COLUMN_NAMES = {THEN: "at_first", NOW: "now", LIKE: "would_like"}


def _answer(cell: Cell) -> str:
    if cell is None:
        return ""
    return str(cell) if isinstance(cell, int) else STATE_WORDS.get(cell, "")


def answers_csv(review: Review) -> str:
    """The whole file as one string; a review holds at most a few thousand rows."""
    data, result = read_review(review)
    columns = review.column_keys
    pseudonyms = analysis.individual_labels(data.responses)
    flat = set(result.flat_response_ids)

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            "response",
            "perspective",
            "statement_order",
            "statement_key",
            "statement",
            *(COLUMN_NAMES[c] for c in columns),
            "flags",
        ]
    )
    ordered = sorted(
        data.responses,
        # Stable: keeps the pseudonyms' random order, never the order of ids.
        key=lambda r: analysis.PERSPECTIVES.index(r.perspective),
    )
    for response in ordered:
        flags = []
        if response.id in flat:
            flags.append("flat response")
        if response.id in data.not_involved_ids:
            flags.append("not involved at first")
        if response.id in data.paper_ids:
            flags.append("entered from paper")
        for statement in result.statements:
            answer = response.answers.get(statement.key, {})
            row = [
                pseudonyms[response.id],
                analysis.PERSPECTIVE_LABELS[response.perspective],
                statement.order,
                statement.key,
                statement.label,
                *(_answer(answer.get(c)) for c in columns),
                "; ".join(flags),
            ]
            writer.writerow([defuse_formula(cell) for cell in row])
    return BOM + out.getvalue()
