"""The capacity holds when many companies register at the same moment.

Each thread has its own database connection, so the registrations really run in
parallel transactions; on PostgreSQL the lock on the delegation's row must serialise the
count and the write, on SQLite the database's write lock does (the test database is a
file there, so that the threads share it).
"""

import threading

import pytest
from django.db import connection

from events import services, workflow
from events.models import Registration
from tests.support.factories import DelegationFactory
from tests.support.registrations import company

THREADS = 60
CAPACITY = 10


@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_never_overbook():
    delegation = DelegationFactory(capacity=CAPACITY)
    barrier = threading.Barrier(THREADS)
    errors, statuses = [], []

    def register(n):
        try:
            barrier.wait()
            registration = services.register_for_delegation(delegation=delegation, **company(n))
            statuses.append(registration.status)
        except Exception as error:  # noqa: BLE001 -- every failure is reported below
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(statuses) == THREADS
    stored = list(
        Registration.objects.filter(delegation=delegation).values_list("status", flat=True)
    )
    assert len(stored) == THREADS  # none lost
    held = [status for status in stored if status in workflow.HOLDS_PLACE]
    waiting = [status for status in stored if status == Registration.Status.WAITLISTED]
    assert len(held) == CAPACITY
    assert len(waiting) == THREADS - CAPACITY
    assert sorted(statuses) == sorted(stored)
    # The wait list is in order of arrival: every held registration came first.
    ordered = list(
        Registration.objects.filter(delegation=delegation)
        .order_by("created_at", "id")
        .values_list("status", flat=True)
    )
    assert ordered[:CAPACITY] == held
