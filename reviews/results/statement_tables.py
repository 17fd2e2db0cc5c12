"""The statement tables of the results pages, the pack and released results:
per statement and perspective, one column's summary figures, with the gaps
between groups under each statement. Built in the page's language and cached
with the rest of the results (`reviews.results.pages`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_noop, ngettext

from reviews import analysis
from reviews.analysis import (
    AGREEMENT_HEADING,
    AGREEMENT_HEADING_IN_WORDS,
    ANSWER_STATE_LABELS,
    COLUMN_HEADINGS,
    DONT_KNOW,
    NOT_RELEVANT,
    NOW,
    PERSPECTIVE_LABELS,
    Analysis,
    StatementInfo,
    signed_one_decimal,
    two_decimals,
)
from reviews.results.page_charts import DASH, fmt
from reviews.results.vocabulary import word


class Column(NamedTuple):
    label: str
    wide: bool = False


# A statement table's columns after the statement and the perspective, in the
# order of `_group_cells`: the template heads the table with these and labels
# each cell with them (a cell's label heads it when the table stacks on a phone).
# Labels in English: `cell_columns` translates them as the page is drawn.
STATEMENT_COLUMNS = (
    Column(gettext_noop("n")),
    Column(gettext_noop("Mean")),
    Column(gettext_noop("Median")),
    Column(gettext_noop("Range")),
    Column(AGREEMENT_HEADING, wide=True),
    Column(ANSWER_STATE_LABELS[DONT_KNOW]),
    Column(ANSWER_STATE_LABELS[NOT_RELEVANT]),
    Column(gettext_noop("Change")),
)


@dataclass(frozen=True)
class StatementTable:
    """Per statement and perspective, one column's summary figures."""

    column: str
    heading: str
    # (statement, ((perspective label, cells), ...), gap descriptions)
    rows: tuple[
        tuple[StatementInfo, tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]],
        ...,
    ]
    # Released results say agreement in words; the rep's table gives r_wg.
    in_words: bool = False

    @property
    def agreement_heading(self) -> str:
        return AGREEMENT_HEADING_IN_WORDS if self.in_words else AGREEMENT_HEADING

    @property
    def cell_columns(self) -> tuple[Column, ...]:
        """`STATEMENT_COLUMNS` in the active language, with agreement said in
        words where it is."""
        return tuple(
            column._replace(
                label=word(
                    self.agreement_heading
                    if column.label == AGREEMENT_HEADING
                    else column.label
                )
            )
            for column in STATEMENT_COLUMNS
        )


def statement_tables(a: Analysis, *, in_words: bool) -> list[StatementTable]:
    changes = {(c.statement, c.perspective): c for c in a.changes}
    tables = []
    # "Now" first: it is what the flags read; the other columns are reference.
    for column in sorted(a.columns, key=lambda c: c != NOW):
        rows = []
        for statement, groups in a.rows(column):
            cells = []
            for p, g in zip(a.perspectives, groups, strict=True):
                cells.append(
                    (
                        word(PERSPECTIVE_LABELS[p]),
                        _group_cells(
                            g, changes.get((statement.key, p)), column, a, in_words
                        ),
                    )
                )
            gaps = tuple(
                f"{word(PERSPECTIVE_LABELS[g.a])} \u2212 "
                f"{word(PERSPECTIVE_LABELS[g.b])}: "
                f"{signed_one_decimal(g.gap)}{_gap_mark(g)}"
                for g in a.gaps
                if g.statement == statement.key and g.column == column
            )
            rows.append((statement, tuple(cells), gaps))
        tables.append(
            StatementTable(
                column=column,
                heading=word(COLUMN_HEADINGS[column]),
                rows=tuple(rows),
                in_words=in_words,
            )
        )
    return tables


def _gap_mark(g: analysis.Gap) -> str:
    """The same rule as the agenda: a one-against-one gap is never "flagged"."""
    if g.one_against_one:
        return " " + gettext("(one person each)")
    return " " + gettext("(flagged)") if g.counted else ""


def _group_cells(
    g: analysis.GroupResult | None,
    change: analysis.Change | None,
    column: str,
    a: Analysis,
    in_words: bool,
) -> tuple[str, ...]:
    """n, mean, median, range, r_wg and band (or in words), don't know, not
    relevant, change."""
    if g is None:
        return ("0", DASH, DASH, DASH, DASH, "0", "0", DASH)
    s = g.summary
    if g.suppressed and s.answered == 0:
        fewer = ngettext(
            "fewer than %(k)d response", "fewer than %(k)d responses", a.k or 0
        ) % {"k": a.k or 0}
        return (fewer,) + (DASH,) * 7
    spread = f"{s.min}{DASH}{s.max}" if s.min is not None else DASH
    if g.rwg is None:
        agreement = DASH
    elif in_words:
        agreement = capfirst(word(analysis.agreement_in_words(g.rwg, a.thresholds)))
    else:
        band = word(g.rwg_band) if g.rwg_band else DASH
        agreement = f"{two_decimals(g.rwg)} ({band})"
    moved = signed_one_decimal(change.mean_change) if change and column == NOW else DASH
    return (
        str(s.n),
        fmt(s.mean),
        fmt(s.median),
        spread,
        agreement,
        str(s.dont_know),
        str(s.not_relevant),
        moved,
    )
