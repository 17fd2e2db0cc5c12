"""Import areas, partnerships, organisations, appointments or people from a CSV
or XLSX file; or write a template, or export what is there."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from partnerships import imports


class Command(BaseCommand):
    help = (
        "Import one kind of programme data from a CSV or XLSX file. Nothing is "
        "written unless every row is valid; --dry-run only reports."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(imports.RESOURCES))
        parser.add_argument("file", help="a .csv or .xlsx file")
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--dry-run", action="store_true", help="report, write nothing"
        )
        action.add_argument(
            "--template",
            action="store_true",
            help="write the columns and one example row to FILE instead",
        )
        action.add_argument(
            "--export", action="store_true", help="write what is stored to FILE"
        )

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        fmt = path.suffix.lstrip(".").lower()
        if fmt not in imports.FORMATS:
            raise CommandError("The file must end in .csv or .xlsx.")
        # An export defuses formula-like cells (`ltoreview.spreadsheets`).
        kind = options["kind"]
        if options["template"] or options["export"]:
            data = (
                imports.template(kind) if options["template"] else imports.export(kind)
            )
            path.write_bytes(imports.dump(data, fmt))
            self.stdout.write(f"Wrote {path}.")
            return
        try:
            imports.check_size(path.stat().st_size)
            dataset = imports.load(path.read_bytes(), fmt)
        except imports.ImportRefused as refused:
            raise CommandError(f"{path.name}: {refused}") from None
        except OSError as error:
            raise CommandError(f"Could not read {path}: {error.strerror}") from None
        report = imports.run_import(kind, dataset, dry_run=options["dry_run"])
        self.stdout.write(report.summary())
        if report.errors:
            for line in report.errors:
                self.stderr.write(line)
            raise CommandError(
                f"{len(report.errors)} problem(s) found: nothing was written."
            )
