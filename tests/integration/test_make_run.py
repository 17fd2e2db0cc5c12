"""`make run`'s steps before the server starts, read from the Makefile and run
here: they print the demo logins once, on an empty database and on a later run.
Seeding itself is replaced by making the logins, which is what the table reads."""

import shlex
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from demo import programme
from demo.logins import DEMO_LOGINS, DEMO_PASSWORD, create_logins
from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"
TABLE = "Demo accounts, for demonstrations only."


def run_steps() -> list[list[str]]:
    """The `manage.py` commands of the Makefile's `run` recipe, but the server
    and the migrations the test database already has."""
    lines = MAKEFILE.read_text(encoding="utf-8").splitlines()
    start = lines.index("run: $(STAMP)") + 1
    recipe = []
    for line in lines[start:]:
        if not line.startswith("\t"):
            break
        recipe.append(line)
    steps = [shlex.split(line.split("manage.py", 1)[1]) for line in recipe]
    return [step for step in steps if step[0] not in {"runserver", "migrate"}]


def run_make_run() -> str:
    out = StringIO()
    for name, *args in run_steps():
        call_command(name, *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def quick_seed(monkeypatch):
    """The demo's logins and one area, in place of the whole programme."""

    def seed(**kwargs) -> dict[str, int]:
        AreaFactory()
        create_logins()
        return {"areas": 1}

    monkeypatch.setattr(programme, "demo_present", lambda seed: False)
    monkeypatch.setattr(programme, "seed_demo", seed)


def test_make_run_seeds_the_demo_before_it_starts_the_server():
    assert [step[0] for step in run_steps()] == ["seed_demo"]


def test_make_run_prints_the_logins_once_on_an_empty_database(quick_seed):
    printed = run_make_run()

    assert "Demo data loaded" in printed
    assert printed.count(TABLE) == 1
    # One password per login, so the table was printed whole, and only once.
    assert printed.count(DEMO_PASSWORD) == len(DEMO_LOGINS)


def test_make_run_prints_the_logins_once_on_every_later_run(quick_seed):
    run_make_run()

    printed = run_make_run()

    assert "Areas already exist" in printed
    assert printed.count(TABLE) == 1
    assert printed.count(DEMO_PASSWORD) == len(DEMO_LOGINS)
