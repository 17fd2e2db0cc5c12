"""CSV cells a spreadsheet could run as a formula are defused with an apostrophe,
including after leading blanks or line breaks and with full-width signs."""

import pytest

from ltoreview.spreadsheets import defuse_formula


@pytest.mark.parametrize(
    "text",
    [
        "=HYPERLINK(1)",
        "+1",
        "-1",
        "@SUM(A1)",
        " =1+1",
        "   @x",
        "\n=1+1",
        "\r\n+1",
        "\t=1",
        "\u00a0=1",
        "\u3000=1",
        "\uff1d1+1",
        "\uff0b1",
        "\uff0d1",
        "\uff20x",
        " \uff1dcmd",
    ],
)
def test_formula_like_cells_are_defused(text):
    assert defuse_formula(text) == "'" + text


@pytest.mark.parametrize(
    "value", ["Partnership member 2", "5", 7, None, "", "don't know", "a = b"]
)
def test_ordinary_cells_are_left_alone(value):
    assert defuse_formula(value) == ("" if value is None else str(value))
