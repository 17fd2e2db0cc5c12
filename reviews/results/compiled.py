"""Queries compiled once a process: for the few read on every results page.

Turning a queryset into SQL costs Django about as much as a small query takes
to run (0.2 to 2 ms). `rows(query, value)` builds `query` through the ORM once
per process and database, with a placeholder where its one value goes, so the
queryset stays the one statement of the rule it reads (`counted()`,
`COUNTED`); later calls swap the value in and run the SQL on a plain cursor.
The rows come back as the database gives them: no converters, so SQLite's
booleans are 0 and 1 and its datetimes text. Only for `values_list()` queries
whose every other parameter is a constant.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.db.models import QuerySet

# The value in a compiled query, swapped for the real one on each run.
SLOT = -8_675_309
_compiled: dict[tuple[str, str, str], tuple[str, tuple[Any, ...], int]] = {}

Query = Callable[[int], QuerySet[Any, Any]]


def sql_for(query: Query, value: int) -> tuple[str, tuple[Any, ...]]:
    """The SQL of `query(value)` and its parameters, compiled once."""
    key = (query.__module__, query.__qualname__, connection.vendor)
    compiled = _compiled.get(key)
    if compiled is None:
        sql, params = query(SLOT).query.sql_with_params()
        if list(params).count(SLOT) != 1:
            raise ValueError(f"{query.__qualname__} must use its value once")
        slot = list(params).index(SLOT)
        compiled = _compiled[key] = (sql, tuple(params), slot)
    sql, params, slot = compiled
    return sql, (*params[:slot], value, *params[slot + 1 :])


def rows(query: Query, value: int) -> list[tuple[Any, ...]]:
    """The rows of `query(value)`, from its SQL compiled once."""
    sql, params = sql_for(query, value)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
