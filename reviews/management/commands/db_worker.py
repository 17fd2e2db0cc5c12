"""django-tasks-db's worker, with the outbox's sweep beside it.

A worker killed mid-task leaves its task "running" for ever and its messages
queued or "sending"; every worker therefore sweeps the outbox when it starts and
every half minute after (`reviews.tasks.sweep_outbox`), so what a dead worker
held is sent by itself, with no one running a command.
"""

import logging
import threading

from django.db import connections
from django_tasks_db.management.commands import db_worker

from reviews import tasks

log = logging.getLogger(__name__)

SWEEP_SECONDS = 30


def _sweep_forever(stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            tasks.sweep_outbox()
        except Exception:  # the database may be away for a moment: try later
            log.exception("The outbox sweep failed")
        finally:
            connections.close_all()  # this thread's own connection
        stop.wait(SWEEP_SECONDS)


class Command(db_worker.Command):
    help = "Run a database task worker, sweeping the outbox every half minute"

    def handle(self, *args, **options) -> None:
        stop = threading.Event()
        sweeper = threading.Thread(
            target=_sweep_forever, args=(stop,), name="outbox-sweep", daemon=True
        )
        sweeper.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
