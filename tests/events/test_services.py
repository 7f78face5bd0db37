import datetime
import smtplib

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from chamber.toolkit.models import OutgoingEmail
from events import links, services
from events.models import Delegation, Registration, RegistrationStatusChange
from tests.support.factories import DelegationFactory, FairFactory, RegistrationFactory
from tests.support.registrations import company, registrant_mail, staff_mail

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English (the registrants' e-mails use their own language)."""
    with translation.override("en"):
        yield


def history(registration):
    return list(registration.status_changes.values_list("from_status", "to_status", "changed_by"))


class TestRegister:
    def test_a_registration_holds_a_place_while_places_remain(self, delegation, register):
        registration = register(delegation, 1)
        assert registration.status == Status.SUBMITTED
        assert registration.consent and registration.consented_at is not None
        assert registration.language == "en"
        assert history(registration) == [("", Status.SUBMITTED, None)]

    def test_confirmation_email_in_the_registrants_language(
        self, delegation, register, frozen_clock
    ):
        register(delegation, 1, language="fr")
        register(delegation, 2, language="en")
        french, english = registrant_mail()
        assert french.to == ["contact1@example.com"]
        assert french.reply_to == ["delegations@example.org"]
        assert delegation.title_fr in french.body and delegation.title_en not in french.body
        assert english.to == ["contact2@example.com"]
        assert delegation.title_en in english.body
        # The private link, in the registrant's language, opens that registration.
        for message, registration in zip(
            (french, english), Registration.objects.order_by("id"), strict=True
        ):
            link = links.private_url(registration, registration.language)
            assert link in message.body
            assert link.startswith(f"http://testserver/{registration.language}/")

    def test_once_places_are_held_new_registrations_are_waitlisted(self, delegation, register):
        first, second = register(delegation, 1), register(delegation, 2)
        third = register(delegation, 3)
        assert [first.status, second.status] == [Status.SUBMITTED, Status.SUBMITTED]
        assert third.status == Status.WAITLISTED
        assert history(third) == [("", Status.WAITLISTED, None)]
        assert "wait list" in registrant_mail()[-1].subject.lower()
        assert "1" in registrant_mail()[-1].body  # its position on the wait list

    def test_accepted_registrations_hold_places_and_inactive_ones_do_not(
        self, delegation, register
    ):
        RegistrationFactory(delegation=delegation, status=Status.ACCEPTED)
        RegistrationFactory(delegation=delegation, status=Status.REJECTED)
        RegistrationFactory(delegation=delegation, status=Status.CANCELLED)
        RegistrationFactory(delegation=delegation, status=Status.WAITLISTED)
        assert register(delegation, 1).status == Status.SUBMITTED
        assert register(delegation, 2).status == Status.WAITLISTED

    @pytest.mark.parametrize(
        ("traits", "words"),
        [
            ({"not_open": True}, "opens on"),
            ({"closed": True}, "closed on"),
            ({"draft": True}, "not available"),
        ],
    )
    def test_refused_outside_the_window_or_unpublished(self, register, traits, words):
        delegation = DelegationFactory(**traits)
        with pytest.raises(services.RegistrationClosed) as refused:
            register(delegation, 1)
        assert words in refused.value.message
        assert not Registration.objects.exists()
        assert mail.outbox == []

    def test_refused_when_the_fair_is_unpublished(self, register):
        delegation = DelegationFactory(fair=FairFactory(draft=True))
        with pytest.raises(services.RegistrationClosed):
            register(delegation, 1)
        assert not Registration.objects.exists()

    def test_the_window_is_half_open(self, delegation):
        closes = delegation.registration_closes_at
        with pytest.raises(services.RegistrationClosed):
            services.register_for_delegation(delegation=delegation, now=closes, **company(1))
        opens = delegation.registration_opens_at
        registration = services.register_for_delegation(
            delegation=delegation, now=opens, **company(2)
        )
        assert registration.created_at == opens

    def test_one_active_registration_per_email(self, delegation, register):
        first = register(delegation, 1, email="Minji@example.com")
        with pytest.raises(services.AlreadyRegistered):
            register(delegation, 2, email=" minji@EXAMPLE.com ")
        assert Registration.objects.count() == 1
        services.cancel_registration(registration=first)
        assert register(delegation, 3, email="minji@example.com").status == Status.SUBMITTED

    def test_consent_is_required(self, delegation, register):
        with pytest.raises(services.RegistrationError):
            register(delegation, 1, consent=False)
        assert not Registration.objects.exists()

    def test_unknown_language_falls_back_to_the_sites(self, delegation, register):
        assert register(delegation, 1, language="en-us").language == "en"
        assert register(delegation, 2, language="de").language == "fr"

    def test_a_failing_mail_server_loses_no_registration(
        self, delegation, register, monkeypatch, caplog
    ):
        def broken(*args, **kwargs):
            raise smtplib.SMTPServerDisconnected("the server went away")

        monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken)
        registration = register(delegation, 1)
        assert Registration.objects.get(pk=registration.pk).status == Status.SUBMITTED
        # Both e-mails wait in the outbox for the next attempt, with the error.
        confirmation, notice = OutgoingEmail.objects.order_by("pk")
        assert confirmation.to == [registration.email]
        assert notice.to == [delegation.contact_email]
        for email in (confirmation, notice):
            assert (email.status, email.attempts) == (OutgoingEmail.Status.PENDING, 1)
            assert "the server went away" in email.last_error
        assert "the server went away" in caplog.text

    def test_no_mail_when_the_transaction_rolls_back(
        self, delegation, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            with pytest.raises(RuntimeError), transaction.atomic():
                services.register_for_delegation(delegation=delegation, **company(1))
                raise RuntimeError
        assert mail.outbox == []
        assert not Registration.objects.exists()
        assert not OutgoingEmail.objects.exists()
        assert not DBTaskResult.objects.exists()


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user("manager", "manager@example.org", "x")


@pytest.fixture
def full(delegation, register):
    """A delegation of two places: two held, then two on the wait list."""
    registrations = [register(delegation, n) for n in range(1, 5)]
    mail.outbox.clear()
    return registrations


class TestChanges:
    def test_accept(self, full, run, staff):
        registration = run(
            services.accept_registration, registration=full[0], changed_by=staff, note="Good fit"
        ).registration
        assert registration.status == Status.ACCEPTED
        assert full[0].status == Status.ACCEPTED  # the caller's object follows
        change = registration.status_changes.last()
        assert (change.from_status, change.to_status, change.changed_by, change.note) == (
            Status.SUBMITTED,
            Status.ACCEPTED,
            staff,
            "Good fit",
        )
        (message,) = mail.outbox
        assert message.to == [registration.email]
        assert "accepted" in message.subject.lower()

    @pytest.mark.parametrize(
        ("service", "status", "kind"),
        [
            (services.cancel_registration, Status.CANCELLED, "cancelled"),
            (services.reject_registration, Status.REJECTED, "registration"),
        ],
    )
    def test_freeing_a_place_promotes_the_first_waitlisted(
        self, full, run, staff, service, status, kind
    ):
        held, _other, first_waiting, second_waiting = full
        result = run(service, registration=held, changed_by=staff)
        assert result.registration.status == status
        assert result.promoted == [first_waiting]
        first_waiting.refresh_from_db()
        second_waiting.refresh_from_db()
        assert first_waiting.status == Status.SUBMITTED
        assert second_waiting.status == Status.WAITLISTED
        assert history(first_waiting)[-1] == (Status.WAITLISTED, Status.SUBMITTED, staff.pk)
        assert first_waiting.status_changes.last().note  # says why
        to = {message.to[0]: message for message in mail.outbox}
        assert set(to) == {held.email, first_waiting.email}
        assert "place" in to[first_waiting.email].subject.lower()
        assert kind in to[held.email].subject.lower()
        assert second_waiting.waitlist_position == 1

    def test_cancelling_a_waitlisted_registration_promotes_nobody(self, full, run):
        *_held, first_waiting, second_waiting = full
        run(services.cancel_registration, registration=first_waiting)
        second_waiting.refresh_from_db()
        assert second_waiting.status == Status.WAITLISTED
        assert len(mail.outbox) == 1

    def test_registrant_cancellation_is_recorded_without_a_user(self, full, run):
        run(services.cancel_registration, registration=full[0])
        change = full[0].status_changes.last()
        assert change.changed_by is None
        assert change.note

    def test_accepting_a_waitlisted_registration_needs_a_free_place(self, full, run, staff):
        with pytest.raises(services.OccasionFull):
            run(services.accept_registration, registration=full[2], changed_by=staff)
        full[2].refresh_from_db()
        assert full[2].status == Status.WAITLISTED
        assert mail.outbox == []

    def test_accepting_a_waitlisted_registration_when_places_were_added(
        self, delegation, full, run, staff
    ):
        delegation.capacity = 3
        delegation.save()
        run(services.accept_registration, registration=full[3], changed_by=staff)
        full[3].refresh_from_db()
        assert full[3].status == Status.ACCEPTED

    def test_waitlisting_frees_a_place_without_promoting(self, full, run, staff):
        held, other, first_waiting, _second = full
        result = run(services.waitlist_registration, registration=held, changed_by=staff)
        assert result.registration.status == Status.WAITLISTED
        assert result.promoted == []
        first_waiting.refresh_from_db()
        assert first_waiting.status == Status.WAITLISTED
        assert "wait list" in mail.outbox[0].subject.lower()
        # Wait-listing several in turn leaves each where staff put it.
        run(services.waitlist_registration, registration=other, changed_by=staff)
        held.refresh_from_db()
        assert held.status == Status.WAITLISTED
        # Staff give a free place by accepting a wait-listed registration.
        run(services.accept_registration, registration=first_waiting, changed_by=staff)
        first_waiting.refresh_from_db()
        assert first_waiting.status == Status.ACCEPTED

    @pytest.mark.parametrize(
        ("start", "service"),
        [
            (Status.CANCELLED, services.accept_registration),
            (Status.REJECTED, services.cancel_registration),
            (Status.CANCELLED, services.reject_registration),
            (Status.WAITLISTED, services.waitlist_registration),
            (Status.ACCEPTED, services.accept_registration),
        ],
    )
    def test_refused_transitions_change_nothing(self, delegation, run, staff, start, service):
        registration = RegistrationFactory(delegation=delegation, status=start)
        with pytest.raises(services.TransitionNotAllowed) as refused:
            run(service, registration=registration, changed_by=staff)
        assert registration.company_name in refused.value.message
        registration.refresh_from_db()
        assert registration.status == start
        assert not RegistrationStatusChange.objects.exists()
        assert mail.outbox == []

    def test_status_is_read_again_under_the_lock(self, full, run, staff):
        stale = Registration.objects.get(pk=full[0].pk)
        run(services.cancel_registration, registration=full[0])
        with pytest.raises(services.TransitionNotAllowed):
            run(services.accept_registration, registration=stale, changed_by=staff)

    def test_promote_after_raising_capacity(self, delegation, full, run, staff):
        delegation.capacity = 4
        delegation.save()
        promoted = run(services.promote_from_waitlist, delegation=delegation, changed_by=staff)
        assert promoted == full[2:]
        assert {message.to[0] for message in mail.outbox} == {full[2].email, full[3].email}
        assert run(services.promote_from_waitlist, delegation=delegation) == []

    def test_each_email_kind_names_the_delegation_and_the_link(
        self, full, run, staff, frozen_clock
    ):
        run(services.accept_registration, registration=full[0], changed_by=staff)
        run(services.reject_registration, registration=full[1], changed_by=staff)
        run(services.cancel_registration, registration=full[2])
        for message in mail.outbox:
            registration = Registration.objects.get(email=message.to[0])
            assert links.private_url(registration, "en") in message.body
            assert full[0].delegation.title_en in message.body
            assert message.reply_to == ["delegations@example.org"]


def test_closed_message_is_none_when_open(delegation):
    assert services.closed_message(delegation) is None
    later = timezone.now() + datetime.timedelta(days=365)
    assert "closed" in services.closed_message(delegation, later)


def test_the_lock_comes_before_the_count(delegation):
    """PostgreSQL locks the delegation's row; SQLite takes its write lock with an update
    that changes nothing. Either way, before anything is counted."""
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        locked = services.lock_delegation(delegation.pk)
    statements = [
        query["sql"] for query in queries.captured_queries if "SAVEPOINT" not in query["sql"]
    ]
    if connection.vendor == "sqlite":
        assert statements[0].startswith("UPDATE")
    else:
        assert "FOR UPDATE" in statements[0]
    assert locked == delegation
    assert locked.capacity == delegation.capacity


@pytest.mark.parametrize("places_left", [True, False])
def test_the_locked_section_only_counts_and_writes(delegation, places_left):
    """Under the delegation's lock: one count (places held and this e-mail address), the
    registration, its history and its attendee, then the two e-mails queued with them.
    Validation comes before."""
    delegation.capacity = 1
    delegation.save()
    if not places_left:
        services.register_for_delegation(delegation=delegation, **company(2))
    with CaptureQueriesContext(connection) as queries:
        services.register_for_delegation(delegation=delegation, **company(1))
    statements = [
        query["sql"] for query in queries.captured_queries if "SAVEPOINT" not in query["sql"]
    ]
    lock = next(
        position
        for position, sql in enumerate(statements)
        if "FOR UPDATE" in sql or sql.startswith('UPDATE "events_delegation"')
    )
    assert lock == 0, "nothing is read before the lock"
    locked_section = statements[lock + 1 :]
    if connection.vendor == "sqlite":  # the update took the lock; the row is read after
        assert locked_section.pop(0).startswith('SELECT "events_delegation"')
    assert "COUNT" in locked_section[0] and "events_registration" in locked_section[0]
    assert locked_section[1].startswith('INSERT INTO "events_registration"')
    assert locked_section[2].startswith('INSERT INTO "events_registrationstatuschange"')
    # The contact, the registration's only attendee (no questions: no answers).
    assert locked_section[3].startswith('INSERT INTO "events_attendee"')
    queued = locked_section[4:]
    reads = [sql for sql in queued if sql.startswith("SELECT")]
    # The wait-list position, for a wait-listed registrant (the places held are known).
    assert len(reads) == (0 if places_left else 1), reads
    assert all(
        sql.startswith('SELECT COUNT(*) AS "__count" FROM "events_registration"') for sql in reads
    )
    # Each e-mail: its row, its task, and the task's id on the row.
    writes = [sql.split('"')[:2] for sql in queued if not sql.startswith("SELECT")]
    each = [
        ["INSERT INTO ", "toolkit_outgoingemail"],
        ["INSERT INTO ", "django_tasks_database_dbtaskresult"],
        ["UPDATE ", "toolkit_outgoingemail"],
    ]
    assert writes == 2 * each, queued
    expected = Status.SUBMITTED if places_left else Status.WAITLISTED
    assert Registration.objects.get(email="contact1@example.com").status == expected


def test_invalid_data_is_refused_before_the_lock(delegation):
    with CaptureQueriesContext(connection) as queries, pytest.raises(ValidationError):
        services.register_for_delegation(
            delegation=delegation, **company(1, email="not an address")
        )
    assert queries.captured_queries == []
    assert not Registration.objects.exists()


class TestStaffNotification:
    def test_the_delegation_contact_is_told_of_each_registration(self, delegation, register):
        registration = register(delegation, 1, language="en")
        (message,) = staff_mail()
        assert message.to == [delegation.contact_email]
        assert message.reply_to == [registration.email]
        # In the site's language, whatever the registrant's, with a link to review it.
        assert "Nouvelle inscription" in message.subject
        assert registration.company_name in message.subject
        assert f"/admin/events/registration/{registration.pk}/change/" in message.body
        assert registration.pitch in message.body

    def test_a_notice_the_server_refuses_waits_and_the_registrant_still_gets_theirs(
        self, delegation, register, monkeypatch
    ):
        send = EmailMessage.send

        def refuses_the_contact(message, *args, **kwargs):
            if message.to == [delegation.contact_email]:
                raise ConnectionRefusedError("SMTP down")
            return send(message, *args, **kwargs)

        monkeypatch.setattr(EmailMessage, "send", refuses_the_contact)
        registration = register(delegation, 1)
        assert Registration.objects.filter(pk=registration.pk).exists()
        assert staff_mail() == []
        assert [message.to for message in registrant_mail()] == [[registration.email]]
        notice = OutgoingEmail.objects.get(to=[delegation.contact_email])
        assert (notice.status, notice.attempts) == (OutgoingEmail.Status.PENDING, 1)
        assert "SMTP down" in notice.last_error


@pytest.mark.django_db(transaction=True)
def test_the_lock_refuses_to_run_outside_a_transaction():
    delegation = DelegationFactory()
    with pytest.raises(TransactionManagementError):
        services.lock_delegation(delegation.pk)
    with transaction.atomic():
        assert services.lock_delegation(delegation.pk) == delegation


def in_french(text: str) -> str:
    with translation.override("fr"):
        french = translation.gettext(text)
    assert french != text  # the catalogue has it
    return french


class TestNotes:
    """Notes the site writes in a registration's history are in the site's language,
    whatever the language of the person who caused them."""

    def test_a_registrant_cancelling_in_english_leaves_a_french_note(self, full, run):
        with translation.override("en"):
            run(services.cancel_registration, registration=full[0])
        assert full[0].status_changes.last().note == in_french(
            "Cancelled by the registrant through the private link."
        )

    def test_a_promotion_caused_in_english_is_noted_in_french(self, full, run, staff):
        with translation.override("en"):
            run(services.reject_registration, registration=full[0], changed_by=staff)
        assert full[2].status_changes.last().note == in_french(
            "A place became free: promoted from the wait list."
        )


class TestCapacity:
    def save(self, run, delegation, capacity, staff):
        delegation.capacity = capacity
        return run(services.save_delegation, delegation=delegation, changed_by=staff)

    def test_more_places_go_to_the_wait_list_in_order(self, delegation, full, run, staff):
        promoted = self.save(run, delegation, 3, staff)
        assert promoted == [full[2]]
        assert Delegation.objects.get(pk=delegation.pk).capacity == 3
        full[2].refresh_from_db()
        full[3].refresh_from_db()
        assert (full[2].status, full[3].status) == (Status.SUBMITTED, Status.WAITLISTED)
        assert history(full[2])[-1] == (Status.WAITLISTED, Status.SUBMITTED, staff.pk)
        assert [message.to for message in mail.outbox] == [[full[2].email]]

    def test_saving_without_changing_the_places_promotes_nobody(self, delegation, run, staff):
        registrations = [
            RegistrationFactory(delegation=delegation, status=status)
            for status in (Status.SUBMITTED, Status.WAITLISTED)
        ]
        delegation.title_en = "Corrected title"
        assert self.save(run, delegation, delegation.capacity, staff) == []
        assert Delegation.objects.get(pk=delegation.pk).title_en == "Corrected title"
        registrations[1].refresh_from_db()
        assert registrations[1].status == Status.WAITLISTED  # the free place stays free

    def test_fewer_places_take_nothing_back(self, delegation, full, run, staff):
        assert self.save(run, delegation, 1, staff) == []
        held = Registration.objects.filter(delegation=delegation).holding_place()
        assert held.count() == 2

    def test_the_wait_list_is_served_by_arrival_not_by_id(self, delegation, run, staff):
        now = timezone.now()
        later = RegistrationFactory(delegation=delegation, status=Status.WAITLISTED, created_at=now)
        earlier = RegistrationFactory(
            delegation=delegation,
            status=Status.WAITLISTED,
            created_at=now - datetime.timedelta(hours=1),
        )
        RegistrationFactory.create_batch(2, delegation=delegation)
        assert self.save(run, delegation, 3, staff) == [earlier]
        assert later.pk < earlier.pk

    def test_a_new_delegation_is_saved(self, run, staff):
        delegation = DelegationFactory.build(fair=FairFactory())
        assert run(services.save_delegation, delegation=delegation, changed_by=staff) == []
        assert delegation.pk is not None


class TestDelete:
    def test_deleting_held_registrations_promotes_in_each_delegation(self, full, run, staff):
        other = DelegationFactory(capacity=1)
        other_held = RegistrationFactory(delegation=other)
        other_waiting = RegistrationFactory(delegation=other, status=Status.WAITLISTED)
        deleted = Registration.objects.filter(pk__in=[full[0].pk, other_held.pk])
        promoted = run(services.delete_registrations, registrations=deleted, changed_by=staff)
        assert set(promoted) == {full[2], other_waiting}
        assert not Registration.objects.filter(pk__in=[full[0].pk, other_held.pk]).exists()
        assert not RegistrationStatusChange.objects.filter(registration_id=full[0].pk).exists()

    def test_deleting_a_waitlisted_registration_promotes_nobody(self, full, run, staff):
        deleted = Registration.objects.filter(pk=full[2].pk)
        assert run(services.delete_registrations, registrations=deleted, changed_by=staff) == []
        full[3].refresh_from_db()
        assert full[3].status == Status.WAITLISTED

    def test_a_failure_deletes_nothing(self, full, monkeypatch, staff):
        def broken(*args, **kwargs):
            raise RuntimeError("mail queue down")

        monkeypatch.setattr(services, "queue_registration_email", broken)
        with pytest.raises(RuntimeError):
            services.delete_registrations(
                registrations=Registration.objects.filter(pk=full[0].pk), changed_by=staff
            )
        assert Registration.objects.filter(pk=full[0].pk).exists()
        full[2].refresh_from_db()
        assert full[2].status == Status.WAITLISTED
