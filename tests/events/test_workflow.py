"""The registration state machine: the product's rules, stated here independently of
``events.workflow``, checked against the services, the database and the e-mails."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.template.loader import get_template
from django.utils import translation

from events import services, workflow
from events.models import Registration
from tests.support.factories import DelegationFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status

# The rules as the product states them: which statuses each change may start from.
ALLOWED_FROM = {
    services.accept_registration: {Status.SUBMITTED, Status.WAITLISTED},
    services.waitlist_registration: {Status.SUBMITTED, Status.ACCEPTED},
    services.reject_registration: {Status.SUBMITTED, Status.ACCEPTED, Status.WAITLISTED},
    services.cancel_registration: {Status.SUBMITTED, Status.ACCEPTED, Status.WAITLISTED},
}
RESULT = {
    services.accept_registration: Status.ACCEPTED,
    services.waitlist_registration: Status.WAITLISTED,
    services.reject_registration: Status.REJECTED,
    services.cancel_registration: Status.CANCELLED,
}
HOLDS_PLACE = {Status.SUBMITTED, Status.ACCEPTED}
ACTIVE = {Status.SUBMITTED, Status.ACCEPTED, Status.WAITLISTED}
# The subject words of the e-mail each change sends (in English).
SUBJECT = {
    services.accept_registration: "accepted",
    services.waitlist_registration: "wait list",
    services.reject_registration: "your registration",
    services.cancel_registration: "cancelled",
}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


CASES = [(service, status) for service in ALLOWED_FROM for status in Status]


@pytest.mark.parametrize(("service", "start"), CASES)
def test_each_change_from_each_status(service, start, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(delegation=DelegationFactory(capacity=5), status=start)
    allowed = start in ALLOWED_FROM[service]
    with django_capture_on_commit_callbacks(execute=True):
        if allowed:
            assert service(registration=registration).registration.status == RESULT[service]
        else:
            with pytest.raises(services.TransitionNotAllowed) as refused:
                service(registration=registration)
            assert registration.company_name in refused.value.message
            assert str(Status(start).label) in refused.value.message
    registration.refresh_from_db()
    assert registration.status == (RESULT[service] if allowed else start)
    if allowed:
        (message,) = mail.outbox
        assert SUBJECT[service] in message.subject.lower()
    else:
        assert mail.outbox == []


@pytest.mark.parametrize("status", list(Status))
def test_which_statuses_hold_a_place_and_which_are_active(status):
    registration = RegistrationFactory(status=status)
    assert registration.holds_place == (status in HOLDS_PLACE)
    assert registration.is_active == (status in ACTIVE)
    delegation = registration.delegation
    assert delegation.held_count == (1 if status in HOLDS_PLACE else 0)
    assert delegation.places_left == delegation.capacity - delegation.held_count
    listed = type(delegation).objects.with_counts().get(pk=delegation.pk)
    assert listed.places_held == delegation.held_count


@pytest.mark.parametrize("status", list(Status))
def test_the_database_allows_one_active_registration_per_address(status):
    first = RegistrationFactory(status=status, email="minji@example.com")
    duplicate = {"delegation": first.delegation, "email": "MINJI@example.com"}
    if status in ACTIVE:
        with pytest.raises(IntegrityError), transaction.atomic():
            RegistrationFactory(**duplicate)
    else:
        assert RegistrationFactory(**duplicate).pk


@pytest.mark.parametrize("start", [Status.SUBMITTED, Status.ACCEPTED])
@pytest.mark.parametrize(
    ("service", "promotes"),
    [
        (services.reject_registration, True),
        (services.cancel_registration, True),
        (services.waitlist_registration, False),
    ],
)
def test_which_freed_places_go_to_the_wait_list(service, promotes, start):
    delegation = DelegationFactory(capacity=1)
    held = RegistrationFactory(delegation=delegation, status=start)
    waiting = RegistrationFactory(delegation=delegation, status=Status.WAITLISTED)
    outcome = service(registration=held)
    assert outcome.promoted == ([waiting] if promotes else [])
    waiting.refresh_from_db()
    assert waiting.status == (Status.SUBMITTED if promotes else Status.WAITLISTED)


def test_a_full_delegation_refuses_to_accept_from_the_wait_list():
    delegation = DelegationFactory(capacity=1)
    RegistrationFactory(delegation=delegation, status=Status.ACCEPTED)
    waiting = RegistrationFactory(delegation=delegation, status=Status.WAITLISTED)
    with pytest.raises(services.OccasionFull) as refused:
        services.accept_registration(registration=waiting)
    assert "it needs 1 places and 0 of the 1 places are free" in refused.value.message
    assert waiting.company_name in refused.value.message


def test_accepting_a_submitted_registration_needs_no_free_place():
    delegation = DelegationFactory(capacity=1)
    held = RegistrationFactory(delegation=delegation, status=Status.SUBMITTED)
    assert services.accept_registration(registration=held).registration.status == Status.ACCEPTED


def test_every_email_of_the_state_machine_has_its_templates():
    assert set(workflow.EMAILS) == {
        "submitted",
        "waitlisted",
        "accepted",
        "rejected",
        "promoted",
        "cancelled",
    }
    for kind in workflow.EMAILS:
        get_template(f"events/email/{kind}.txt")
        get_template(f"events/email/{kind}_subject.txt")


def test_every_staff_change_is_an_admin_action_with_its_report():
    from events.admin import RegistrationAdmin

    names = [getattr(action, "__name__", action) for action in RegistrationAdmin.actions]
    assert names[:4] == [
        "accept_selected",
        "waitlist_selected",
        "reject_selected",
        "cancel_selected",
    ]
    for transition in workflow.STAFF_TRANSITIONS:
        assert transition.refusal and transition.action and transition.done


@pytest.mark.parametrize("status", list(Status))
def test_the_private_page_explains_each_status(status):
    registration = RegistrationFactory(status=status)
    explanation = registration.status_explanation
    assert explanation and "%(" not in explanation
    if status == Status.WAITLISTED:
        assert "position 1" in explanation
