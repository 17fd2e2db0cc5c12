"""The analysis package stays pure Python, and its words are defined once."""

import pkgutil
import subprocess
import sys

import reviews.analysis
from reviews.analysis import (
    PERSPECTIVE_CHOICES,
    PERSPECTIVE_GROUPS,
    PERSPECTIVE_LABELS,
    PERSPECTIVE_ONE_PERSON,
    PERSPECTIVE_SINGULAR,
    PERSPECTIVES,
)

MODULES = sorted(
    m.name for m in pkgutil.iter_modules(reviews.analysis.__path__, "reviews.analysis.")
)


def test_every_module_of_the_analysis_imports_without_django():
    # A fresh interpreter: this one has Django loaded by pytest-django already.
    script = (
        "import importlib, sys\n"
        "sys.modules['django'] = None\n"
        f"for name in {MODULES!r} + ['reviews.results.charts']:\n"
        "    importlib.import_module(name)\n"
    )

    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )

    assert run.returncode == 0, run.stderr
    assert len(MODULES) >= 10


def test_every_perspective_has_every_kind_of_label():
    for labels in (
        PERSPECTIVE_LABELS,
        PERSPECTIVE_SINGULAR,
        PERSPECTIVE_GROUPS,
        PERSPECTIVE_ONE_PERSON,
    ):
        assert tuple(labels) == PERSPECTIVES


def test_perspective_choices_pair_values_with_singular_labels_in_order():
    assert PERSPECTIVE_CHOICES[0] == ("member", "Partnership member")
    assert [value for value, _ in PERSPECTIVE_CHOICES] == list(PERSPECTIVES)
