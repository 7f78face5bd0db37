import datetime
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from chamber.toolkit.storage import private_storage
from events.models import Answer, Attendee, Registration, RegistrationStatusChange
from tests.events.factories import EventFactory
from tests.support.factories import (
    FairFactory,
    RegistrationFactory,
    RegistrationStatusChangeFactory,
)

pytestmark = pytest.mark.django_db


def test_old_registrations_are_deleted_with_their_history():
    today = timezone.localdate()
    old_fair = FairFactory(
        starts_on=today - datetime.timedelta(days=740), ends_on=today - datetime.timedelta(days=735)
    )
    old = RegistrationFactory(delegation__fair=old_fair)
    RegistrationStatusChangeFactory(registration=old)
    recent = RegistrationFactory(delegation__fair=FairFactory(past=True))

    out = StringIO()
    call_command("delete_old_registrations", "--dry-run", stdout=out)
    assert "Would delete 1" in out.getvalue()
    assert Registration.objects.count() == 2

    call_command("delete_old_registrations", stdout=StringIO())
    assert list(Registration.objects.all()) == [recent]
    assert not RegistrationStatusChange.objects.filter(registration_id=old.pk).exists()


def test_old_event_registrations_are_deleted_with_their_answers_files(
    django_capture_on_commit_callbacks,
):
    now = timezone.now()
    old_event = EventFactory(
        starts_at=now - datetime.timedelta(days=732),
        ends_at=now - datetime.timedelta(days=731),
        registration_opens_at=now - datetime.timedelta(days=800),
        registration_closes_at=now - datetime.timedelta(days=740),
    )
    recent_event = EventFactory(
        starts_at=now - datetime.timedelta(days=700),
        ends_at=now - datetime.timedelta(days=699),
        registration_opens_at=now - datetime.timedelta(days=800),
        registration_closes_at=now - datetime.timedelta(days=740),
    )
    old = RegistrationFactory(delegation=None, event=old_event)
    recent = RegistrationFactory(delegation=None, event=recent_event)
    Attendee.objects.create(registration=old, name="Kim Min-ji")
    stored = private_storage().save("registrations/old-deck.pdf", ContentFile(b"%PDF-1.7"))
    Answer.objects.create(
        registration=old, label="Deck", kind="file", value="deck.pdf", file=stored
    )

    out = StringIO()
    call_command("delete_old_registrations", "--dry-run", stdout=out)
    assert "Would delete 1" in out.getvalue()
    assert private_storage().exists(stored)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("delete_old_registrations", stdout=StringIO())
    assert list(Registration.objects.all()) == [recent]
    assert not Answer.objects.exists() and not Attendee.objects.exists()
    assert not private_storage().exists(stored)
