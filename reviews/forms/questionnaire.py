"""The then/now questionnaire as a form built from a framework version.

Each statement has one radio group per column ("then", "now" and, when the
review asks it, "like"); a group takes a rating on the version's scale, "don't
know" or "not relevant to us". Field names are `<column>-<statement key>`, so
anything else a browser posts is ignored. The form renders through
`templates/reviews/respond/statement_fields.html`, not crispy: nested fieldsets
and radio layout matter more here than anywhere else in the product.

The grid is the costly part of the respondent's pages (ten statements, two or
three columns, twelve or more options each): its radios are escaped once per
field name and scale and kept for the process (`radio_markup`), and each page
only marks the person's choice; the fields are copies of one per scale. The
statement's whole fieldset is kept the same way by the `statement_fieldset` tag.
"""

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from django import forms
from django.forms.utils import ErrorList
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import (
    get_language,
    gettext,
    ngettext,
    pgettext,
    pgettext_lazy,
)
from django.utils.translation import gettext_lazy as _

from reviews.analysis import COLUMN_HEADINGS
from reviews.models import Answer, Response, Review, Statement
from reviews.responding.words import VersionWords

COLUMN_LETTERS = {"then": "A", "now": "B", "like": "C"}
# The analysis package's words for the columns and the two states, as the
# respondent's side shows them in its language.
COLUMN_SHORT = {
    "then": pgettext_lazy("column", "At first"),
    "now": pgettext_lazy("column", "Now"),
    "like": pgettext_lazy("column", "Would like"),
}
STATE_WORDS = {
    "dont_know": _("Don't know"),
    "not_relevant": _("Not relevant to us"),
}
STATES = [(value, STATE_WORDS[value]) for value, _label in Answer.State.choices]


@dataclass(frozen=True)
class Column:
    key: str
    letter: str
    short: str
    label: str
    # The label is the English, where the version has no translation of it.
    label_in_english: bool = False


@dataclass(frozen=True)
class Radio:
    """One option's markup, split where `checked` goes."""

    value: str
    label: str
    head: str
    tail: str
    rating: bool


# Marks a radio's `checked` in a fieldset kept without anyone's answers.
SLOT = "\x00"


def radio_markup(name: str, scale: range) -> tuple[Radio, ...]:
    """Every option of one field, ratings then states as the page shows them,
    escaped once per language: framework data only (field name, value, label),
    never anyone's answer, so one process may share it."""
    return _radio_markup(name, scale, get_language())


@lru_cache(maxsize=1024)
def _radio_markup(name: str, scale: range, language: str) -> tuple[Radio, ...]:
    radios = []
    for value, label in answer_choices(scale):
        n, i, v = escape(name), escape(f"{name}-{value}"), escape(value)
        head = (
            '\n        <span class="rating-option">'
            f'<input type="radio" name="{n}" id="{i}" value="{v}"'
        )
        tail = f'><label for="{i}">{escape(label)}</label></span>'
        radios.append(Radio(value, label, head, tail, value.isdigit()))
    return tuple(radios)


@dataclass(frozen=True)
class Group:
    column: Column
    name: str
    radios: tuple[Radio, ...]
    value: str | None
    errors: ErrorList | list[str]
    # True: a SLOT where each radio's `checked` would go, for a kept fieldset.
    slots: bool = False

    @property
    def first_id(self) -> str:
        """The id of the first option: where a "Change" link takes focus."""
        return f"{self.name}-{self.radios[0].value}"

    @property
    def ratings_html(self) -> SafeString:
        return self._markup(rating=True)

    @property
    def states_html(self) -> SafeString:
        return self._markup(rating=False)

    @property
    def chosen(self) -> str | None:
        return next((r.label for r in self.radios if r.value == self.value), None)

    def answer_shown(self, not_involved_at_start: bool) -> str:
        """The answer as the check page gives it."""
        if self.column.key == "then" and not_involved_at_start:
            return gettext("Not involved at the start")
        return str(self.chosen or gettext("Not answered"))

    def marks(self) -> list[str]:
        """What goes where each radio may be checked, in the page's order."""
        return [" checked" if r.value == self.value else "" for r in self.radios]

    def _markup(self, rating: bool) -> SafeString:
        marks = [SLOT] * len(self.radios) if self.slots else self.marks()
        return mark_safe(
            "".join(
                r.head + mark + r.tail
                for r, mark in zip(self.radios, marks, strict=True)
                if r.rating is rating
            )
        )


@dataclass(frozen=True)
class Row:
    statement: Statement
    groups: list[Group]
    scale: range

    @property
    def has_errors(self) -> bool:
        return any(group.errors for group in self.groups)


def question_columns(review: Review, words: VersionWords | None = None) -> list[Column]:
    """The columns a review asks, with its framework version's questions (in
    `words`' language when given)."""
    version = words or review.framework_version
    labels = {
        "then": version.then_label,
        "now": version.now_label,
        "like": version.like_label,
    }
    short = {k: str(COLUMN_SHORT[k]) for k in COLUMN_HEADINGS}
    english = words.english if words else frozenset()
    return [
        Column(k, COLUMN_LETTERS[k], short[k], labels[k], f"{k}_label" in english)
        for k in review.column_keys
    ]


def field_name(column: str, statement: Statement) -> str:
    return f"{column}-{statement.key}"


def answer_choices(scale: range) -> tuple[tuple[str, str], ...]:
    """The options of one answer, their words in the active language."""
    return _answer_choices(scale, get_language())


@cache
def _answer_choices(scale: range, language: str) -> tuple[tuple[str, str], ...]:
    states = tuple((value, str(label)) for value, label in STATES)
    return tuple((str(n), str(n)) for n in scale) + states


@cache
def answer_field(scale: range) -> forms.ChoiceField:
    """One answer field per scale, to copy: a new ChoiceField normalises its
    choices and builds a widget, which 30 fields a form made slow."""
    return forms.ChoiceField(choices=answer_choices(scale), required=False)


class QuestionnaireForm(forms.Form):
    not_involved_at_start = forms.BooleanField(
        required=False, label=_("I wasn't involved at the start")
    )
    comments = forms.CharField(
        required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(
        self,
        *args,
        statements: Sequence[Statement],
        columns: Sequence[Column],
        scale: range,
        complete: bool = False,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.statements = list(statements)
        self.columns = list(columns)
        self.complete = complete
        # column key -> statements left without an answer, filled by clean().
        self.missing: dict[str, list[Statement]] = {}
        self.scale = scale
        self.choices = answer_choices(scale)
        field = answer_field(scale)
        for statement in self.statements:
            for column in self.columns:
                self.fields[field_name(column.key, statement)] = copy.copy(field)

    def clean(self) -> dict:
        cleaned = super().clean()
        assert cleaned is not None  # Form.clean returns cleaned_data
        if not self.complete:
            return cleaned
        skip_then = cleaned.get("not_involved_at_start")
        for statement in self.statements:
            for column in self.columns:
                name = field_name(column.key, statement)
                if column.key == "then" and skip_then:
                    continue
                if name in self.errors or cleaned.get(name):
                    continue
                self.missing.setdefault(column.key, []).append(statement)
                self.add_error(
                    name,
                    gettext(
                        "Statement %(number)s: choose an answer for “%(column)s”, "
                        "or “Don't know” or “Not relevant to us”"
                    )
                    % {"number": statement.order, "column": column.short},
                )
        return cleaned

    def answers(self) -> dict[int, dict[str, str]]:
        """statement id -> column -> chosen value, for what is valid and given."""
        skip_then = self.cleaned_data.get("not_involved_at_start")
        result: dict[int, dict[str, str]] = {}
        for statement in self.statements:
            for column in self.columns:
                if column.key == "then" and skip_then:
                    continue
                value = self.cleaned_data.get(field_name(column.key, statement))
                if value:
                    result.setdefault(statement.pk, {})[column.key] = value
        return result

    def rows(self) -> list[Row]:
        rows = []
        for statement in self.statements:
            groups = []
            for column in self.columns:
                name = field_name(column.key, statement)
                radios = radio_markup(name, self.scale)
                errors: ErrorList | list[str] = self.errors.get(name, [])
                groups.append(Group(column, name, radios, self[name].value(), errors))
            rows.append(Row(statement, groups, self.scale))
        return rows

    def error_links(self) -> list[tuple[str, str]]:
        """(href, message) for the error summary, in the order of the page."""
        # An ErrorList yields its messages as strings; str() only says so to mypy.
        links = [("#questionnaire", str(error)) for error in self.non_field_errors()]
        for name in self.fields:
            links += [
                (f"#{self.anchor(name)}", str(e)) for e in self.errors.get(name, [])
            ]
        return links

    def summary_links(self) -> list[tuple[str, str]]:
        """(href, message) for the error summary: one line per column that has
        statements without an answer ("Statements 3, 5 and 8 have no rating yet
        for now"), then any other error as `error_links` gives it."""
        links = []
        grouped = set()
        for column in self.columns:
            statements = self.missing.get(column.key, [])
            if not statements:
                continue
            hrefs = [f"#{self.anchor(field_name(column.key, s))}" for s in statements]
            grouped.update(hrefs)
            links.append((hrefs[0], missing_message(statements, column)))
        return links + [link for link in self.error_links() if link[0] not in grouped]

    def anchor(self, name: str) -> str:
        """The id of a field's first input: where an error link takes focus."""
        if name in self.base_fields or name.split("-", 1)[0] not in COLUMN_HEADINGS:
            radios = isinstance(self.fields[name].widget, forms.RadioSelect)
            return f"id_{name}_0" if radios else f"id_{name}"
        return f"{name}-{self.choices[0][0]}"


def missing_message(statements: Sequence[Statement], column: Column) -> str:
    numbers = [str(s.order) for s in statements]
    listed = numbers[0]
    if len(numbers) > 1:
        listed = pgettext("a list of numbers", "%(first)s and %(last)s") % {
            "first": ", ".join(numbers[:-1]),
            "last": numbers[-1],
        }
    return ngettext(
        "Statement %(numbers)s has no rating yet for %(column)s",
        "Statements %(numbers)s have no rating yet for %(column)s",
        len(numbers),
    ) % {"numbers": listed, "column": column.short.lower()}


def initial_from(
    response: Response, answers: Iterable[Answer], statements: Iterable[Statement]
) -> dict[str, object]:
    """The form's initial data from a stored (draft or submitted) response."""
    initial: dict[str, object] = {
        "not_involved_at_start": response.not_involved_at_start,
        "comments": response.comments,
    }
    by_id = {statement.pk: statement for statement in statements}
    for answer in answers:
        statement = by_id.get(answer.statement_id)
        if statement is None:
            continue
        for column in Answer.COLUMNS:
            value = answer.cell(column)
            if value is not None:
                initial[field_name(column, statement)] = str(value)
    return initial
