"""The apps import one way: partnerships from no other app, reviews from
partnerships only, programme from both; nothing imports demo.

Read from the source with ast, so an import inside a function counts too.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {
    "partnerships": {"reviews", "programme", "demo"},
    "reviews": {"programme", "demo"},
    "programme": {"demo"},
}


def imported_apps(path: Path) -> set[str]:
    """The top-level packages a module imports (absolute imports only)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_an_app_imports_nothing_from_the_apps_that_depend_on_it(app):
    wrong = [
        f"{path.relative_to(ROOT)} imports {', '.join(sorted(found))}"
        for path in sorted((ROOT / app).rglob("*.py"))
        if (found := imported_apps(path) & FORBIDDEN[app])
    ]

    assert not wrong, "\n".join(wrong)


def test_relative_imports_cannot_hide_an_import_from_another_app():
    relative = [
        str(path.relative_to(ROOT))
        for app in FORBIDDEN
        for path in sorted((ROOT / app).rglob("*.py"))
        if any(
            isinstance(node, ast.ImportFrom) and node.level > 0
            for node in ast.walk(ast.parse(path.read_text()))
        )
    ]

    assert not relative, "Use absolute imports: " + ", ".join(relative)
