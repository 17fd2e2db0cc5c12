"""`make validate`: every main page, as each role sees it, through the Nu HTML
Checker.

1. In a temporary folder: a throwaway SQLite database, migrated and filled by
   `seed_demo`, and static files collected there, with the Lighthouse run's
   production settings (DEBUG off, hashed static files; `bench/lighthouse/`).
2. Fetches the pages with Django's test client as each demo login, a respondent
   and an anonymous visitor would (`pages.py`), and writes each one's HTML to
   the folder.
3. Runs the checker (`vnu.jar`, errors only) on all of them in one Java start,
   prints the table of page -> errors and each error with its line, and exits
   non-zero when any page has an error or answered with an unexpected status.

The checker comes from the npm registry: `make validate` installs the version
pinned in `bench/validate/package.json` into the git-ignored node_modules there
(its install script, which would download a Java runtime, is skipped), or set
VNU_JAR to a vnu.jar. Needs Java 17 or later (`java` on the PATH, or JAVA).
Not part of CI or `make test`.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.lighthouse.run import manage, server_env

HERE = Path(__file__).resolve().parent
VNU_JAR = HERE / "node_modules/vnu-jar/build/dist/vnu.jar"
# Errors in third-party markup we render as shipped (path prefix, message start,
# whose template): shown apart and not failing the run, so that a new error of
# ours still does.
VENDORED = [
    (
        "/admin/partnerships/area/import/",
        "Bad value “” for attribute “action” on element “form”",
        "django-import-export, admin/import_export/import.html",
    ),
]


def checker() -> list[str]:
    jar = Path(os.environ.get("VNU_JAR") or VNU_JAR)
    if not jar.exists():
        sys.exit(f"No checker at {jar}: run `make validate` or set VNU_JAR.")
    return [os.environ.get("JAVA", "java"), "-jar", str(jar)]


def fetch(folder: Path) -> list[dict]:
    """Set Django up on the prepared database and save every page's HTML."""
    import django

    django.setup()
    # The pages asked for on purpose (404, 403, the lockout) would each log a
    # warning; errors still show.
    logging.disable(logging.WARNING)
    from bench.validate.pages import pages

    rows = []
    for number, page in enumerate(pages(), start=1):
        slug = re.sub(r"[^a-z0-9]+", "-", page.name.lower()).strip("-")
        file = folder / f"{number:02d}-{slug}.html"
        file.write_text(page.html)
        rows.append({**vars(page), "file": file, "errors": [], "vendored": []})
    return rows


def vendored(path: str, message: str) -> str | None:
    for prefix, start, origin in VENDORED:
        if path.startswith(prefix) and message.startswith(start):
            return origin
    return None


def check(rows: list[dict]) -> None:
    """Attach the checker's errors to the rows they belong to."""
    checked = [row for row in rows if row["html"]]
    made = subprocess.run(
        [*checker(), "--errors-only", "--format", "json", "--exit-zero-always"]
        + [str(row["file"]) for row in checked],
        capture_output=True,
        text=True,
        check=True,
    )
    by_file = {row["file"].resolve().as_uri(): row for row in checked}
    for message in json.loads(made.stderr)["messages"]:
        row = by_file.get(Path(message["url"].removeprefix("file:")).as_uri())
        if row is None:
            raise RuntimeError(f"The checker named no page we sent: {message}")
        origin = vendored(row["path"], message["message"])
        if origin:
            row["vendored"].append({**message, "origin": origin})
        else:
            row["errors"].append(message)


def problems(row: dict) -> list[str]:
    found = []
    if row["status"] != row["expected"]:
        found.append(f"status {row['status']}, expected {row['expected']}")
    if not row["html"]:
        found.append("no HTML")
    if row["errors"]:
        found.append(f"{len(row['errors'])} errors")
    return found


def table(rows: list[dict]) -> str:
    lines = [
        "| Page | As | Path | Status | Errors | In vendored markup |",
        "|---|---|---|--:|--:|--:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['name']} | {row['role']} | `{row['path']}` | {row['status']} "
            f"| {len(row['errors'])} | {len(row['vendored'])} |"
        )
    return "\n".join(lines)


def details(rows: list[dict]) -> str:
    lines = []
    for row in rows:
        for error in row["errors"] + row["vendored"]:
            origin = f" [vendored: {error['origin']}]" if "origin" in error else ""
            lines.append(
                f"{row['name']} ({row['role']}), line {error.get('lastLine', '?')}: "
                f"{error['message']}{origin}\n    {error.get('extract', '').strip()!r}"
            )
    return "\n".join(lines)


def main() -> int:
    checker()
    folder = Path(tempfile.mkdtemp(prefix="validate-"))
    try:
        env = server_env(folder)
        manage(env, "migrate", "--no-input")
        manage(env, "seed_demo")
        manage(env, "collectstatic", "--no-input")
        os.environ.update(env)
        rows = fetch(folder)
        check(rows)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(table(rows))
    failed = [(row, problems(row)) for row in rows if problems(row)]
    print()
    print(details(rows))
    if failed:
        for row, found in failed:
            print(f"FAIL {row['name']} ({row['role']}): {'; '.join(found)}")
    print(f"\n{len(rows)} pages, {len(failed)} with problems.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
