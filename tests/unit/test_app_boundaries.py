"""The apps import one way: partnerships from no other app, reviews from
partnerships but never programme. Read from the source with ast, so an import
inside a function counts too; that nothing imports demo is
tests/integration/test_demo_imports.py.
"""

from pathlib import Path

import pytest

from tests.integration.test_demo_imports import imported_modules

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {
    "partnerships": {"reviews", "programme"},
    "reviews": {"programme"},
}


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_an_app_imports_nothing_from_the_apps_that_depend_on_it(app):
    wrong = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / app).rglob("*.py"))
        for name in sorted(imported_modules(path))
        if name.split(".")[0] in FORBIDDEN[app]
    ]

    assert not wrong, "\n".join(wrong)
