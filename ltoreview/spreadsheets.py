"""Cells that a spreadsheet cannot run: the one defusing every export uses.

A spreadsheet program reads a cell that starts with `=`, `+`, `-` or `@` (after
leading blanks or line breaks too, and in the full-width signs East Asian
keyboards type) as a formula, and a tab or carriage return at the start can hide
one; such a cell is written with a leading apostrophe, which spreadsheets show as
text. The review CSV, the area directory's CSV, the admin's exports and
`import_programme --export` all go through `defuse_formula`; imports take the
apostrophe off again (`undo_defusing`), so an exported file imports unchanged.
"""

from __future__ import annotations

FORMULA_SIGNS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
LEADING_BLANKS = " \t\r\n\u00a0\u3000"


def is_formula_like(text: str) -> bool:
    first = text.lstrip(LEADING_BLANKS)[:1]
    return first in FORMULA_SIGNS or text[:1] in ("\t", "\r", "\n")


def defuse_formula(value: object) -> str:
    """A cell as text, defused if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if is_formula_like(text) else text


def undo_defusing(value: object) -> object:
    """An imported cell as it was before `defuse_formula`; others unchanged."""
    if isinstance(value, str) and value[:1] == "'" and is_formula_like(value[1:]):
        return value[1:]
    return value
