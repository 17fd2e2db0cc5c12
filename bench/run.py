"""`make bench`: measure the main pages at two data-set sizes and judge them.

Runs `bench.worker` twice, on a small data set (query counts only) and on the
programme-scale one (timings too), each in its own database: SQLite files under
bench/ by default, or PostgreSQL when DATABASE_URL is set (the small data set
then lives in a database of the same name with "_small" added). Prints a
markdown table and writes bench/results.json. Exits non-zero if a row fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse, urlunparse

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results.json"
# Budgets, as multiples of the /healthz median measured in the same run.
RESPONDENT_RATIO = 100
PAGE_RATIO = 150
# Tighter budgets for these rows: the programme overview within 100x; autosave,
# one small write on every change a respondent makes, within 20x. A review's
# first, uncached results at 500 responses has the pages' 150x (about 40 ms),
# well ahead of anything a person would notice. Do not tighten a budget again
# without a reason a user can see.
RATIO_BY_KEY = {"programme": 100, "autosave": 20}
SUBMISSION_QUERIES = 10
QUESTIONNAIRE_KB = 100
PLOTLY_KB = 450
# A worker that takes longer than this is stuck, not slow.
WORKER_TIMEOUT = 900


def database_env(size: str) -> dict[str, str]:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        suffix = "" if size == "full" else f"-{size}"
        return {"BENCH_SQLITE": str(BENCH / f"bench{suffix}.sqlite3")}
    if size != "full":
        parts = urlparse(url)
        url = urlunparse(parts._replace(path=f"{parts.path}_{size}"))
    ensure_postgres_database(url)
    return {"DATABASE_URL": url}


def ensure_postgres_database(url: str) -> None:
    """Create the named PostgreSQL database if it does not exist yet."""
    import psycopg

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin = urlunparse(parts._replace(path="/postgres"))
    connection = psycopg.connect(admin, autocommit=True)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        connection.close()


def python_env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(DJANGO_SETTINGS_MODULE="bench.settings", **extra)
    return env


def collect_static() -> None:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=python_env(database_env("small")),
        check=True,
        timeout=WORKER_TIMEOUT,
    )


def run_worker(size: str, counts_only: bool) -> dict:
    print(f"Measuring the {size} data set…", file=sys.stderr, flush=True)
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        command = [sys.executable, "-m", "bench.worker", "--size", size]
        command += ["--out", out.name] + (["--counts-only"] if counts_only else [])
        subprocess.run(
            command,
            cwd=ROOT,
            env=python_env(database_env(size)),
            check=True,
            timeout=WORKER_TIMEOUT,
        )
        return json.loads(Path(out.name).read_text())


def judge(full: dict, small: dict, tight: bool = True) -> list[dict]:
    """Each full-size row with its ratio, budget, and PASS or FAIL; `tight`
    applies RATIO_BY_KEY (the programme's sizes, not the ten-times set)."""
    queries_small = {row["key"]: row["queries"] for row in small["rows"]}
    floor = next(r["median_ms"] for r in full["rows"] if r["key"] == "healthz")
    judged = []
    for row in full["rows"]:
        row = dict(row, queries_small=queries_small.get(row["key"]))
        row["ratio"] = round(row["median_ms"] / floor, 1)
        problems = []
        expected = 302 if row["kind"] == "write" else 200
        if row["status"] != expected:
            problems.append(f"status {row['status']}")
        if row["key"] != "healthz":
            limit = PAGE_RATIO if row["kind"] == "page" else RESPONDENT_RATIO
            limit = RATIO_BY_KEY.get(row["key"], limit) if tight else limit
            row["budget"] = f"≤{limit}x"
            if row["ratio"] > limit:
                problems.append(f"{row['ratio']}x > {limit}x")
        if row["queries_small"] not in (None, row["queries"]):
            problems.append("queries grow with the programme")
        if row["queries_big"] not in (None, row["queries"]):
            problems.append("queries grow with responses")
        if row["kind"] == "write":
            row["budget"] += f", ≤{SUBMISSION_QUERIES} queries, 1 tx"
            if row["queries"] > SUBMISSION_QUERIES or row["transactions"] != 1:
                problems.append(f"{row['queries']} q in {row['transactions']} tx")
        if row["key"] == "questionnaire":
            row["budget"] += f", ≤{QUESTIONNAIRE_KB} KB"
            if row["weight_kb"] > QUESTIONNAIRE_KB:
                problems.append(f"{row['weight_kb']} KB")
        if row["key"] == "results" and row.get("plotly_kb") is not None:
            row["budget"] += f", plotly ≤{PLOTLY_KB} KB"
            if row["plotly_kb"] > PLOTLY_KB:
                problems.append(f"plotly {row['plotly_kb']} KB")
        row["result"] = "FAIL: " + "; ".join(problems) if problems else "PASS"
        if row["key"] == "healthz":
            row["result"] = "floor"
        judged.append(row)
    return judged


def tenfold_rows(rows: list[dict], counts: dict) -> list[dict]:
    """The ten-times rows, named for their size; their "small" count is the
    150-area one and their floor their own run's /healthz."""
    label = f"{counts['areas']:,} areas"
    return [
        dict(row, key=f"{row['key']}-tenfold", name=f"{row['name']} ({label})")
        for row in rows
    ]


def table(rows: list[dict], full: dict, analysis: dict) -> str:
    counts = full["counts"]
    lines = [
        f"Data: {counts['areas']} areas, {counts['reviews']:,} reviews, "
        f"{counts['responses']:,} responses, {counts['answers']:,} answers.",
        "",
        "| Page | Median ms | p95 ms | × /healthz | Queries (small → full"
        " → 500 responses) | Tx | Weight KB (gzip) | Budget | Result |",
        "|---|--:|--:|--:|---|--:|--:|---|---|",
    ]
    for r in rows:
        queries = f"{r['queries_small'] if r['queries_small'] is not None else '–'}"
        queries += f" → {r['queries']}"
        if r["queries_big"] is not None:
            queries += f" → {r['queries_big']}"
        weight = "" if r["weight_kb"] is None else f"{r['weight_kb']:.1f}"
        lines.append(
            f"| {r['name']} | {r['median_ms']:.2f} | {r['p95_ms']:.2f} | "
            f"{r['ratio']:.1f} | {queries} | {r['transactions'] or ''} | {weight} | "
            f"{r.get('budget', '')} | {r['result']} |"
        )
    lines += [
        "",
        f"Analysis engine: {analysis['responses']:,} responses in "
        f"{analysis['seconds'] * 1000:.0f} ms, "
        f"{analysis['responses_per_second']:,} responses per second "
        f"({analysis['ratio']:,.0f}x the /healthz median).",
    ]
    return "\n".join(lines)


def main() -> int:
    os.chdir(ROOT)
    collect_static()
    small = run_worker("small", counts_only=True)
    full = run_worker("full", counts_only=False)
    rows = judge(full, small)
    # Ten times the programme: the programme pages, queries as at 150 areas.
    # BENCH_TENFOLD=0 leaves it out: on a busy machine its first build alone can
    # outlast WORKER_TIMEOUT.
    tenfold = None
    if os.environ.get("BENCH_TENFOLD") != "0":
        tenfold = run_worker("tenfold", counts_only=False)
        rows += tenfold_rows(judge(tenfold, full, tight=False), tenfold["counts"])
    floor = rows[0]["median_ms"]
    analysis = dict(full["analysis"])
    analysis["ratio"] = round(analysis["seconds"] * 1000 / floor)
    database = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
    report = {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": database,
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "sizes": {
            "small": small["counts"],
            "full": full["counts"],
            "tenfold": tenfold["counts"] if tenfold else None,
        },
        "healthz_median_ms": floor,
        "rows": rows,
        "analysis": analysis,
    }
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\n## Benchmark ({database}, {os.cpu_count()} CPUs)\n")
    print(table(rows, full, analysis))
    print(f"\nWrote {RESULTS.relative_to(ROOT)}.")
    return 1 if any(r["result"].startswith("FAIL") for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
