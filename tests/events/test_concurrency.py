"""The capacity holds when many companies register at the same moment, for delegations
and events alike, with one person or several per company.

Each thread has its own database connection, so the registrations really run in
parallel transactions; on PostgreSQL the lock on the occasion's row must serialise the
count and the write, on SQLite the database's write lock does (the test database is a
file there, so that the threads share it).
"""

import threading

import pytest
from django.db import connection

from events import services, workflow
from events.models import Registration
from tests.events.factories import EventFactory
from tests.support.factories import DelegationFactory
from tests.support.registrations import company

THREADS = 40
CAPACITY = 10


def seats_of(n: int, most: int) -> int:
    """How many people company ``n`` names: 1, 2, 3, 1, 2, 3 ... up to ``most``."""
    return n % most + 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", ["delegation", "event"])
@pytest.mark.parametrize("most", [1, 3], ids=["one-seat", "up-to-three-seats"])
def test_parallel_registrations_never_overbook(kind, most):
    factory = DelegationFactory if kind == "delegation" else EventFactory
    occasion = factory(capacity=CAPACITY, seats_per_company=most)
    barrier = threading.Barrier(THREADS)
    errors, statuses = [], []

    def register(n):
        try:
            fields = company(n)
            language = fields.pop("language")
            people = [
                services.AttendeeInput(name=f"Person {n}.{i}") for i in range(seats_of(n, most))
            ]
            barrier.wait()
            registration = services.register(occasion, fields, attendees=people, language=language)
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
        Registration.objects.filter(**{kind: occasion})
        .order_by("created_at", "id")
        .values_list("status", "seats")
    )
    assert len(stored) == THREADS  # none lost
    assert sorted(statuses) == sorted(status for status, _seats in stored)
    held = sum(seats for status, seats in stored if status in workflow.HOLDS_PLACE)
    assert held <= CAPACITY
    # Replayed in the order the lock gave places (arrival), each registration got
    # exactly what the rule says: its places if they fitted in those left, else the
    # wait list.
    left = CAPACITY
    for status, seats in stored:
        if seats <= left:
            assert status == Registration.Status.SUBMITTED
            left -= seats
        else:
            assert status == Registration.Status.WAITLISTED
    assert left == CAPACITY - held
    if most == 1:
        assert held == CAPACITY
