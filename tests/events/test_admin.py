import datetime
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from events.admin_registrations import history_line
from events.models import Registration, RegistrationStatusChange
from tests.support.adminforms import (
    admin_url,
    change_form_data,
    form_errors,
    management_form,
)
from tests.support.factories import (
    DelegationFactory,
    RegistrationFactory,
    RegistrationStatusChangeFactory,
)
from tests.support.htmlpage import Page
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db
Status = Registration.Status
CHANGELIST = "admin:events_registration_changelist"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def act(client, action, registrations, capture, language="en"):
    """Run an admin action; the admin speaks the browser's language (Accept-Language)."""
    with capture(execute=True):
        return client.post(
            reverse(CHANGELIST),
            {"action": action, "_selected_action": [r.pk for r in registrations]},
            follow=True,
            headers={"accept-language": language},
        )


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


class TestPages:
    def test_every_changelist_and_form_opens(self, admin_client):
        registration = RegistrationFactory()
        RegistrationStatusChangeFactory(registration=registration)
        delegation, fair = registration.delegation, registration.delegation.fair
        for url in [
            reverse("admin:events_fair_changelist"),
            reverse("admin:events_fair_add"),
            reverse("admin:events_fair_change", args=[fair.pk]),
            reverse("admin:events_delegation_changelist"),
            reverse("admin:events_delegation_add"),
            reverse("admin:events_delegation_change", args=[delegation.pk]),
            reverse(CHANGELIST),
            reverse("admin:events_registration_change", args=[registration.pk]),
            reverse("admin:events_registrationstatuschange_changelist"),
        ]:
            assert admin_client.get(url).status_code == 200, url

    def test_fair_page_has_its_delegations_inline(self, admin_client):
        delegation = DelegationFactory()
        response = admin_client.get(reverse("admin:events_fair_change", args=[delegation.fair.pk]))
        assert delegation.title_fr in response.content.decode()

    def test_registrations_cannot_be_added_in_the_admin(self, admin_client):
        assert admin_client.get(reverse("admin:events_registration_add")).status_code == 403

    def test_registration_page_shows_history_and_status_is_read_only(self, admin_client):
        registration = RegistrationFactory()
        RegistrationStatusChangeFactory(registration=registration, note="Arrived by the form")
        response = admin_client.get(
            reverse("admin:events_registration_change", args=[registration.pk])
        )
        content = response.content.decode()
        assert "Arrived by the form" in content
        assert 'name="status"' not in content
        assert 'name="staff_notes"' in content

    def test_delegation_counts_in_a_fixed_number_of_queries(self, admin_client):
        url = reverse("admin:events_delegation_changelist")
        delegation = DelegationFactory(capacity=5)
        for status in [Status.SUBMITTED, Status.ACCEPTED, Status.ACCEPTED, Status.WAITLISTED]:
            RegistrationFactory(delegation=delegation, status=status)
        with CaptureQueriesContext(connection) as few:
            response = admin_client.get(url)
        row = response.context["cl"].result_list[0]
        assert (row.places_held, row.accepted_count, row.waitlisted_count) == (3, 2, 1)
        for _ in range(5):
            RegistrationFactory.create_batch(
                3, delegation=DelegationFactory(), status=Status.WAITLISTED
            )
        with CaptureQueriesContext(connection) as many:
            admin_client.get(url)
        assert len(many.captured_queries) == len(few.captured_queries)

    def test_raising_capacity_gives_places_to_the_wait_list(
        self, admin_client, django_capture_on_commit_callbacks
    ):
        delegation = DelegationFactory(capacity=1)
        RegistrationFactory(delegation=delegation)
        waiting = RegistrationFactory(delegation=delegation, status=Status.WAITLISTED)
        url = reverse("admin:events_delegation_change", args=[delegation.pk])
        form = admin_client.get(url).context["adminform"].form
        data = {
            name: value
            for name, value in form.initial.items()
            if value is not None and not isinstance(value, datetime.datetime)
        }
        opens = timezone.localtime(delegation.registration_opens_at)
        closes = timezone.localtime(delegation.registration_closes_at)
        data.update(
            fair=delegation.fair.pk,
            capacity=2,
            registration_opens_at_0=opens.strftime("%Y-%m-%d"),
            registration_opens_at_1=opens.strftime("%H:%M:%S"),
            registration_closes_at_0=closes.strftime("%Y-%m-%d"),
            registration_closes_at_1=closes.strftime("%H:%M:%S"),
        )
        data.update(management_form("questions", 0))
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(url, data, follow=True)
        assert response.status_code == 200
        assert not response.context.get("errors"), response.context.get("errors")
        waiting.refresh_from_db()
        assert waiting.status == Status.SUBMITTED
        assert any(waiting.company_name in message for message in messages_of(response))
        assert mail.outbox[0].to == [waiting.email]


class TestActions:
    @pytest.mark.parametrize(
        ("action", "status"),
        [
            ("accept_selected", Status.ACCEPTED),
            ("reject_selected", Status.REJECTED),
            ("cancel_selected", Status.CANCELLED),
            ("waitlist_selected", Status.WAITLISTED),
        ],
    )
    def test_actions_go_through_the_services(
        self, admin_client, admin_user, action, status, django_capture_on_commit_callbacks
    ):
        delegation = DelegationFactory(capacity=3)
        chosen = RegistrationFactory.create_batch(2, delegation=delegation)
        response = act(admin_client, action, chosen, django_capture_on_commit_callbacks)
        assert response.status_code == 200
        for registration in chosen:
            registration.refresh_from_db()
            assert registration.status == status
            change = registration.status_changes.get()
            assert (change.from_status, change.to_status, change.changed_by) == (
                Status.SUBMITTED,
                status,
                admin_user,
            )
        assert sorted(message.to[0] for message in mail.outbox) == sorted(
            registration.email for registration in chosen
        )
        assert any("2 registrations" in message for message in messages_of(response))

    def test_action_messages_speak_the_staff_members_language(
        self, admin_client, django_capture_on_commit_callbacks
    ):
        chosen = RegistrationFactory.create_batch(2, delegation=DelegationFactory(capacity=3))
        response = act(
            admin_client, "accept_selected", chosen, django_capture_on_commit_callbacks, "fr"
        )
        assert any("2 inscriptions acceptées" in message for message in messages_of(response))

    def test_refused_changes_are_reported_not_crashed(
        self, admin_client, django_capture_on_commit_callbacks
    ):
        delegation = DelegationFactory(capacity=1)
        held = RegistrationFactory(delegation=delegation, company_name="Onggi Lab")
        cancelled = RegistrationFactory(
            delegation=delegation, status=Status.CANCELLED, company_name="Seoul Loom"
        )
        waiting = RegistrationFactory(
            delegation=delegation, status=Status.WAITLISTED, company_name="Moa Home"
        )
        response = act(
            admin_client,
            "accept_selected",
            [held, cancelled, waiting],
            django_capture_on_commit_callbacks,
        )
        assert response.status_code == 200
        messages = messages_of(response)
        assert any("Seoul Loom" in message for message in messages)
        assert any("Moa Home" in message and "places" in message for message in messages)
        assert any("1 registration accepted" in message for message in messages)
        cancelled.refresh_from_db()
        waiting.refresh_from_db()
        assert (cancelled.status, waiting.status) == (Status.CANCELLED, Status.WAITLISTED)

    def test_rejecting_reports_the_promotion(
        self, admin_client, django_capture_on_commit_callbacks
    ):
        delegation = DelegationFactory(capacity=1)
        held = RegistrationFactory(delegation=delegation)
        waiting = RegistrationFactory(
            delegation=delegation, status=Status.WAITLISTED, company_name="Bom Ceramics"
        )
        response = act(admin_client, "reject_selected", [held], django_capture_on_commit_callbacks)
        assert any("Bom Ceramics" in message for message in messages_of(response))
        waiting.refresh_from_db()
        assert waiting.status == Status.SUBMITTED

    def test_deleting_a_held_registration_gives_its_place_away(self, admin_client):
        delegation = DelegationFactory(capacity=1)
        held = RegistrationFactory(delegation=delegation)
        waiting = RegistrationFactory(delegation=delegation, status=Status.WAITLISTED)
        admin_client.post(
            reverse(CHANGELIST),
            {"action": "delete_selected", "_selected_action": [held.pk], "post": "yes"},
        )
        assert not Registration.objects.filter(pk=held.pk).exists()
        waiting.refresh_from_db()
        assert waiting.status == Status.SUBMITTED


class TestRegistrationForm:
    """Staff correct a registration's details on its admin page."""

    def post(self, client, registration, **changes):
        url = reverse("admin:events_registration_change", args=[registration.pk])
        form = client.get(url).context["adminform"].form
        data = {name: value for name, value in form.initial.items() if value is not None}
        data.update(changes)
        changes_count = registration.status_changes.count()
        data.update(management_form("status_changes", changes_count, changes_count))
        return client.post(url, data, headers={"accept-language": "en"})

    def test_an_email_already_active_in_the_delegation_is_a_form_error(self, admin_client):
        first = RegistrationFactory(email="minji@example.com")
        second = RegistrationFactory(delegation=first.delegation, email="other@example.com")
        response = self.post(admin_client, second, email="MINJI@example.com")
        assert response.status_code == 200
        errors = response.context["adminform"].form.errors
        assert "already has a registration for this delegation" in errors["email"][0]
        second.refresh_from_db()
        assert second.email == "other@example.com"

    @pytest.mark.parametrize(
        "other",
        [
            {"status": Status.CANCELLED},  # no longer active
            {"delegation": None},  # another delegation (a new one)
        ],
    )
    def test_an_email_free_in_the_delegation_is_saved(self, admin_client, other):
        registration = RegistrationFactory(email="other@example.com")
        if other.get("delegation", registration.delegation) is None:
            RegistrationFactory(email="minji@example.com")
        else:
            RegistrationFactory(
                delegation=registration.delegation, email="minji@example.com", **other
            )
        response = self.post(admin_client, registration, email="minji@example.com")
        assert response.status_code == 302, form_errors(response)
        registration.refresh_from_db()
        assert registration.email == "minji@example.com"

    def test_deleting_one_registration_gives_its_place_away(self, admin_client):
        delegation = DelegationFactory(capacity=1)
        held = RegistrationFactory(delegation=delegation)
        waiting = RegistrationFactory(delegation=delegation, status=Status.WAITLISTED)
        url = reverse("admin:events_registration_delete", args=[held.pk])
        response = admin_client.post(url, {"post": "yes"}, follow=True)
        assert response.status_code == 200
        assert not Registration.objects.filter(pk=held.pk).exists()
        waiting.refresh_from_db()
        assert waiting.status == Status.SUBMITTED
        assert any(waiting.company_name in message for message in messages_of(response))


def test_more_places_given_in_the_fairs_page_go_to_the_wait_list(
    admin_client, django_capture_on_commit_callbacks
):
    delegation = DelegationFactory(capacity=1)
    RegistrationFactory(delegation=delegation)
    waiting = RegistrationFactory(delegation=delegation, status=Status.WAITLISTED)
    url = reverse("admin:events_fair_change", args=[delegation.fair.pk])
    page = admin_client.get(url)
    data = change_form_data(page)
    (inline,) = page.context["inline_admin_formsets"]
    data[inline.formset.forms[0].add_prefix("capacity")] = 2
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data, follow=True)
    assert not form_errors(response), form_errors(response)
    waiting.refresh_from_db()
    assert waiting.status == Status.SUBMITTED
    assert any(waiting.company_name in message for message in messages_of(response))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_registration_history_names_statuses_in_the_staff_members_language(
    admin_client, language
):
    """The status changes in their list and on their own page read "Sur liste
    d'attente", "Wait-listed", "대기", never the code "waitlisted"; the registration's
    page tells them in words ("Put on the wait list on ...")."""
    registration = RegistrationFactory(status=Status.WAITLISTED)
    RegistrationStatusChangeFactory(registration=registration, to_status=Status.SUBMITTED)
    change = RegistrationStatusChangeFactory(
        registration=registration, from_status=Status.SUBMITTED, to_status=Status.WAITLISTED
    )
    with translation.override(language):
        labels = [str(Status.SUBMITTED.label), str(Status.WAITLISTED.label)]
        words = [history_line(change) for change in registration.status_changes.all()]
    codes = re.compile(r"\b(" + "|".join(Status.values) + r")\b")
    places = {
        admin_url(Registration, "change", registration.pk): ("registration-history", words),
        admin_url(RegistrationStatusChange, "changelist"): ("result_list", labels),
        admin_url(RegistrationStatusChange, "change", change.pk): ("content", labels),
    }

    for url, (part, expected) in places.items():
        response = admin_client.get(url, headers={"accept-language": language})
        text = Page(response).one(id=part).text
        assert [text_ for text_ in expected if text_ not in text] == [], url
        assert codes.findall(text) == [], url
