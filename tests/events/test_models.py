import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from events.models import Delegation, Fair, Registration, RegistrationState
from tests.support.factories import (
    DelegationFactory,
    FairFactory,
    RegistrationFactory,
    RegistrationStatusChangeFactory,
)

pytestmark = pytest.mark.django_db
Status = Registration.Status


class TestFair:
    def test_published_upcoming_and_past(self):
        upcoming = FairFactory()
        in_progress = FairFactory(
            starts_on=timezone.localdate() - datetime.timedelta(days=1),
            ends_on=timezone.localdate(),
        )
        past = FairFactory(past=True)
        draft = FairFactory(draft=True)
        assert set(Fair.objects.published()) == {upcoming, in_progress, past}
        assert set(Fair.objects.published().upcoming()) == {upcoming, in_progress}
        assert set(Fair.objects.published().past()) == {past}
        assert draft.is_public is False
        assert past.is_past and not in_progress.is_past

    def test_last_day_cannot_come_before_first(self):
        fair = FairFactory.build(
            starts_on=datetime.date(2027, 1, 10), ends_on=datetime.date(2027, 1, 9)
        )
        with pytest.raises(ValidationError):
            fair.full_clean()
        with pytest.raises(IntegrityError), transaction.atomic():
            fair.save()

    @pytest.mark.parametrize(("language", "slug"), [("fr", "salon-deco"), ("en", "deco-fair")])
    def test_url_uses_the_slug_of_the_active_language(self, language, slug):
        fair = FairFactory(slug_fr="salon-deco", slug_en="deco-fair")
        with translation.override(language):
            url = fair.get_absolute_url()
        assert url.startswith(f"/{language}/")
        assert url.endswith(f"/{slug}/")
        assert str(fair) == fair.name


class TestDelegation:
    def test_published_needs_a_published_fair(self):
        visible = DelegationFactory()
        DelegationFactory(draft=True)
        DelegationFactory(fair=FairFactory(draft=True))
        assert list(Delegation.objects.published()) == [visible]

    def test_open_for_registration(self):
        open_ = DelegationFactory()
        DelegationFactory(not_open=True)
        DelegationFactory(closed=True)
        DelegationFactory(draft=True)
        assert list(Delegation.objects.open_for_registration()) == [open_]

    def test_registration_state(self):
        assert DelegationFactory().registration_state() == RegistrationState.OPEN
        assert DelegationFactory(not_open=True).registration_state() == RegistrationState.NOT_OPEN
        assert DelegationFactory(closed=True).registration_state() == RegistrationState.CLOSED
        assert DelegationFactory(draft=True).registration_state() == RegistrationState.UNAVAILABLE

    def test_with_counts_counts_places_held_accepted_and_waitlisted(self):
        delegation = DelegationFactory(capacity=5)
        for status in [
            Status.SUBMITTED,
            Status.ACCEPTED,
            Status.ACCEPTED,
            Status.WAITLISTED,
            Status.REJECTED,
            Status.CANCELLED,
        ]:
            RegistrationFactory(delegation=delegation, status=status)
        counted = Delegation.objects.with_counts().get(pk=delegation.pk)
        assert (counted.places_held, counted.accepted_count, counted.waitlisted_count) == (3, 2, 1)
        assert counted.places_left == 2
        assert delegation.places_left == 2  # without the annotation: counted on demand
        assert not counted.is_full

    def test_registration_must_close_after_it_opens(self):
        now = timezone.now()
        delegation = DelegationFactory.build(
            fair=FairFactory(), registration_opens_at=now, registration_closes_at=now
        )
        with pytest.raises(ValidationError):
            delegation.full_clean()

    def test_offer_list_has_one_item_per_line(self):
        delegation = DelegationFactory(offer_en="- A stand\n\n• Meetings \n")
        with translation.override("en"):
            assert delegation.offer_list == ["A stand", "Meetings"]


class TestRegistration:
    def test_one_active_registration_per_email_and_delegation(self):
        registration = RegistrationFactory(email="Minji@Example.com")
        with pytest.raises(IntegrityError), transaction.atomic():
            RegistrationFactory(delegation=registration.delegation, email="minji@example.com")

    @pytest.mark.parametrize("status", [Status.CANCELLED, Status.REJECTED])
    def test_an_inactive_registration_does_not_block_a_new_one(self, status):
        old = RegistrationFactory(email="minji@example.com", status=status)
        new = RegistrationFactory(delegation=old.delegation, email="minji@example.com")
        assert new.pk

    def test_the_same_email_may_register_for_another_delegation(self):
        RegistrationFactory(email="minji@example.com")
        assert RegistrationFactory(email="minji@example.com").pk

    def test_constraint_is_checked_by_validation_too(self):
        old = RegistrationFactory(email="minji@example.com")
        duplicate = RegistrationFactory.build(delegation=old.delegation, email="MINJI@example.com")
        with pytest.raises(ValidationError):
            duplicate.validate_constraints()

    def test_waitlist_position_follows_arrival(self):
        delegation = DelegationFactory()
        now = timezone.now()
        second = RegistrationFactory(
            delegation=delegation, status=Status.WAITLISTED, created_at=now
        )
        first = RegistrationFactory(
            delegation=delegation,
            status=Status.WAITLISTED,
            created_at=now - datetime.timedelta(minutes=1),
        )
        third = RegistrationFactory(delegation=delegation, status=Status.WAITLISTED, created_at=now)
        held = RegistrationFactory(delegation=delegation)
        assert [first.waitlist_position, second.waitlist_position, third.waitlist_position] == [
            1,
            2,
            3,
        ]
        assert held.waitlist_position is None
        assert held.holds_place and held.is_active

    def test_str(self):
        change = RegistrationStatusChangeFactory(
            registration__company_name="Onggi Lab", to_status=Status.SUBMITTED
        )
        assert "Onggi Lab" in str(change.registration)
        with translation.override("en"):
            assert str(change).endswith("— → Submitted")
