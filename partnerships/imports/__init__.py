"""Imports and exports of the programme's people and places, with
django-import-export: areas, partnerships, organisations, LTO appointments, and
people with their dated roles (memberships, LTO staff, rep assignments).

Rows are matched on natural keys, never on database ids, so a file exported from
one database imports into another, and importing the same file twice changes
nothing: an area by its slug, a partnership by its area, an organisation by its
name and kind, an appointment by area, organisation and start, a person by email
or else by name within the partnership, organisation or rep list of the row.

A file is refused whole, before it is parsed, when it is too big, has too many
rows, is not what its name says or has the wrong columns (`ImportRefused`).
`run_import` is all or nothing: every row is checked inside one transaction and
nothing is kept unless the whole file is valid. Every bad row is reported with
its number and a plain reason.
"""

from __future__ import annotations

from partnerships.imports.files import (
    CONTENT_TYPES,
    FORMATS,
    ImportRefused,
    check_size,
    dump,
    load,
)
from partnerships.imports.kinds import (
    EXAMPLES,
    RESOURCES,
    check_columns,
    export,
    headers,
    template,
)
from partnerships.imports.report import ImportReport, run_import

__all__ = [
    "CONTENT_TYPES",
    "EXAMPLES",
    "FORMATS",
    "RESOURCES",
    "ImportRefused",
    "ImportReport",
    "check_columns",
    "check_size",
    "dump",
    "export",
    "headers",
    "load",
    "run_import",
    "template",
]
