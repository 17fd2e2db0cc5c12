"""SQLite named by DATABASE_URL keeps the embedded default's tuning (WAL,
immediate transactions, a busy timeout), so concurrent submissions still wait
for each other rather than fail with "database is locked"."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONCURRENT_SUBMIT = (
    "tests/integration/test_responses_actions.py"
    "::test_two_concurrent_submits_of_the_same_response_make_one_response"
)


def env_with_url(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["DEBUG"] = "1"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'by-url.sqlite3'}"
    return env


def test_a_sqlite_database_url_gets_the_same_tuning_as_the_default(tmp_path):
    code = (
        "import json, ltoreview.settings as s; d = s.DATABASES['default'];"
        " print(json.dumps([d['OPTIONS'], d['CONN_MAX_AGE'], s.SQLITE_OPTIONS]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env_with_url(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    options, max_age, default = json.loads(result.stdout)
    assert options == default
    assert "journal_mode=WAL" in options["init_command"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] == 20
    assert max_age == 0


@pytest.mark.slow
def test_the_concurrent_submit_test_passes_on_a_sqlite_database_url(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pytest", CONCURRENT_SUBMIT, "-q", "-p", "no:randomly"],
        cwd=ROOT,
        env=env_with_url(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "1 passed" in result.stdout
