import datetime

import pytest
from django.utils import timezone

from events.demo.loader import load as load_events_demo
from events.demo.loader import maison_objet_start, next_maison_objet
from events.models import Delegation, Fair, Registration, RegistrationStatusChange

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "fairs": sorted(Fair.objects.values_list("id", "slug_en", "starts_on", "updated_at")),
        "delegations": sorted(
            Delegation.objects.values_list(
                "id", "slug_fr", "registration_opens_at", "registration_closes_at", "updated_at"
            )
        ),
        "registrations": sorted(
            Registration.objects.values_list("id", "email", "status", "updated_at")
        ),
        "changes": sorted(RegistrationStatusChange.objects.values_list("id", "to_status")),
    }


def test_running_twice_changes_nothing():
    load_events_demo()
    first = snapshot()
    load_events_demo()
    assert snapshot() == first


def test_maison_objet_is_upcoming_and_open_with_every_status():
    load_events_demo()
    fair = Fair.objects.published().upcoming().get(slug_en__startswith="maison-objet")
    assert fair.venue_name_en == "Paris Nord Villepinte exhibition centre"
    # At Villepinte, north of Paris: in its address, not "Paris".
    address = (fair.street_address, fair.postal_code, fair.locality, fair.country)
    assert address == ("ZAC Paris Nord 2", "93420", "Villepinte", "FR")
    assert fair.starts_on.weekday() == 3  # a Thursday
    delegation = Delegation.objects.open_for_registration().get(fair=fair)
    assert delegation.capacity == 6
    statuses = set(delegation.registrations.values_list("status", flat=True))
    assert statuses == set(Registration.Status.values)
    held = delegation.registrations.holding_place().count()
    assert held == delegation.capacity  # full: that is why two wait
    for registration in delegation.registrations.all():
        assert registration.email.endswith(("@example.com", "@example.org"))
        assert registration.status_changes.last().to_status == registration.status
    assert (
        delegation.title_fr and delegation.title_en and delegation.offer_fr and delegation.offer_en
    )


def test_there_is_a_past_fair():
    load_events_demo()
    past = Fair.objects.published().past().get()
    assert past.delegations.get().registration_state() == "closed"


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [
        (2025, 1, datetime.date(2025, 1, 16)),
        (2026, 1, datetime.date(2026, 1, 15)),
        (2025, 9, datetime.date(2025, 9, 4)),
    ],
)
def test_maison_objet_dates_follow_the_real_pattern(year, month, expected):
    assert maison_objet_start(year, month) == expected


@pytest.mark.parametrize("days", range(0, 366, 15))
def test_the_demo_never_goes_stale(days):
    today = datetime.date(2026, 1, 1) + datetime.timedelta(days=days)
    start = next_maison_objet(today)
    assert today + datetime.timedelta(days=30) <= start <= today + datetime.timedelta(days=300)
    load_events_demo(today)
    fair = Fair.objects.get(starts_on=start)
    delegation = fair.delegations.get()
    now = timezone.make_aware(datetime.datetime.combine(today, datetime.time(12)))
    assert delegation.registration_state(now) == "open"
