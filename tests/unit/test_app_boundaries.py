"""The apps import one way: partnerships from no other app, reviews from
partnerships but never programme. Read from the source with ast, so an import
inside a function counts too; that nothing imports demo is
tests/integration/test_demo_imports.py. Nor does partnerships reach the tables of
the apps that depend on it through a reverse relation (`appointment.reviews`,
`reviews__status`), which needs no import.
"""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps

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


def reverse_names(app: str) -> set[str]:
    """The names by which `app`'s models reach the models of the apps that depend
    on it: each relation into `app` from one of those apps, as an attribute and
    in a lookup (`reviews` for Review.appointment)."""
    relations = [
        field
        for model in apps.get_models()
        if model._meta.app_label in FORBIDDEN[app]
        for field in model._meta.get_fields()
        if field.concrete and field.is_relation and field.related_model
    ]
    return {
        name
        for field in relations
        if field.related_model._meta.app_label == app
        for name in (field.related_query_name(), field.remote_field.get_accessor_name())
    }


LOOKUP = re.compile(r"[a-z_]+(__[a-z_]+)*")


def reverse_lookups(source: str, names: set[str]) -> list[str]:
    """Where `source` uses one of `names`, by line: as an attribute
    (`x.reviews`), in a lookup given as a keyword (`reviews__status=`), or in a
    lookup or field name in a string (`"appointments__reviews"`,
    `get_field("reviews")`). Prose in docstrings has spaces, so is not read."""

    def in_lookup(text: object) -> bool:
        return (
            isinstance(text, str)
            and LOOKUP.fullmatch(text) is not None
            and bool(names & set(text.split("__")))
        )

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in names:
            found.append((node.lineno, f".{node.attr}"))
        elif isinstance(node, ast.keyword) and in_lookup(node.arg):
            found.append((node.lineno, f"{node.arg}="))
        elif isinstance(node, ast.Constant) and in_lookup(node.value):
            found.append((node.lineno, repr(node.value)))
    return [f"line {line}: {text}" for line, text in sorted(found)]


def test_the_reverse_relations_into_partnerships_are_known():
    assert {"reviews", "invitations"} <= reverse_names("partnerships")


def test_a_reverse_lookup_is_found_in_code_but_not_in_prose():
    source = """
def last(appointment, Appointment):
    \"\"\"The reviews of an appointment, as prose.\"\"\"
    appointment.reviews.filter(status="closed")
    Appointment.objects.filter(reviews__status="closed")
    Appointment._meta.get_field("reviews")
    return Appointment.objects.prefetch_related("partnership__appointments__reviews")
"""
    found = reverse_lookups(source, {"reviews"})

    assert found == [
        "line 4: .reviews",
        "line 5: reviews__status=",
        "line 6: 'reviews'",
        "line 7: 'partnership__appointments__reviews'",
    ]


def test_partnerships_reaches_no_other_apps_tables_through_a_reverse_relation():
    names = reverse_names("partnerships")
    wrong = [
        f"{path.relative_to(ROOT)} {place}"
        for path in sorted((ROOT / "partnerships").rglob("*.py"))
        for place in reverse_lookups(path.read_text(encoding="utf-8"), names)
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
