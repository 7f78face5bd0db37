"""The task worker in tests: ``run_tasks()`` runs the queued tasks whose time has come, as
``manage.py db_worker --batch`` does, in this process and its transaction.

The test suite's task backend (``tests.settings.TASKS``) is the database backend of
production that also runs the worker once the enqueuing transaction commits: the tests
that run their on-commit callbacks (``django_capture_on_commit_callbacks(execute=True)``)
see the e-mails the worker sent in ``mail.outbox``, through the outbox row, the task row
and the worker's code; the others send nothing, as before a commit.
"""

from contextlib import nullcontext
from unittest import mock

from django.db import connection, transaction
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks_db import DatabaseBackend
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_tasks() -> int:
    """Run every ready task, then return how many ran."""
    before = DBTaskResult.objects.exclude(status="READY").count()
    worker = db_worker.Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name=DEFAULT_TASK_BACKEND_ALIAS,
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    # The worker drops a connection left inside a transaction, as a test's is (threads
    # of transactional tests run it after their commit, outside any).
    keep = connection.in_atomic_block
    with (
        mock.patch.object(db_worker, "close_old_connections", lambda: None)
        if keep
        else nullcontext()
    ):
        worker.run()
    return DBTaskResult.objects.exclude(status="READY").count() - before


class WorkerOnCommitBackend(DatabaseBackend):
    """The database backend, and the worker run when the transaction commits."""

    def enqueue(self, task, args, kwargs):
        result = super().enqueue(task, args, kwargs)
        transaction.on_commit(run_tasks)
        return result
