import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Registration, RegistrationStatusChange
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
