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


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_no_module_of_the_apps_imports_itself_round_a_cycle():
    """Not even through an import inside a function: a cycle means two modules
    that cannot be understood, or loaded, one without the other."""
    apps = ("accounts", "demo", "ltoreview", "partnerships", "programme", "reviews")
    sources = {
        module_name(path): path
        for app in apps
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    }
    graph = {
        name: sorted(n for n in imported_modules(path) if n in sources and n != name)
        for name, path in sources.items()
    }
    cycles = []
    state: dict[str, str] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for other in graph[name]:
            if state.get(other) == "open":
                cycles.append(" -> ".join([*trail[trail.index(other) :], other]))
            elif other not in state:
                visit(other, [*trail, other])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert not cycles, "\n".join(cycles)
