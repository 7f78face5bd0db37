"""Staff review registrations in the admin: a button per allowed change on the
registration's page, for those who may; the answers, attendees and history; the list
with status labels, filters and counts per status."""

import re

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from events import workflow
from events.admin_registrations import history_line
from events.models import Answer, Question, Registration
from tests.events.staff_support import (
    AnswerFactory,
    AttendeeFactory,
    EventFactory,
    EventRegistrationFactory,
    QuestionFactory,
    staff_member,
    with_contact,
)
from tests.support.adminforms import admin_url
from tests.support.factories import (
    DelegationFactory,
    RegistrationFactory,
    RegistrationStatusChangeFactory,
)
from tests.support.htmlpage import Page

pytestmark = pytest.mark.django_db
Status = Registration.Status
CHANGELIST = "admin:events_registration_changelist"


def page_url(registration) -> str:
    return reverse("admin:events_registration_change", args=[registration.pk])


def transition_url(registration, verb: str) -> str:
    return reverse("admin:events_registration_transition", args=[registration.pk, verb])


def buttons(response) -> list[str]:
    """The changes offered on a registration's page (their forms' verbs)."""
    return re.findall(r"registration-action registration-action-(\w+)", response.content.decode())


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def editor():
    """Staff who may read registrations but not change them."""
    return staff_member("editor", permissions=["events.view_registration"])


@pytest.fixture
def manager():
    return staff_member("marie", group="Event managers")


class TestButtons:
    @pytest.mark.parametrize(
        ("status", "offered"),
        [
            (Status.SUBMITTED, ["accept", "waitlist", "reject", "cancel"]),
            (Status.ACCEPTED, ["waitlist", "reject", "cancel"]),
            (Status.WAITLISTED, ["accept", "reject", "cancel"]),
            (Status.REJECTED, []),
            (Status.CANCELLED, []),
        ],
    )
    def test_the_buttons_are_the_changes_the_workflow_allows(self, admin_client, status, offered):
        registration = RegistrationFactory(status=status)
        response = admin_client.get(page_url(registration))
        assert buttons(response) == offered
        # Each is a POST form with its CSRF token, to the change's URL.
        page = Page(response)
        for verb in offered:
            form = page.one("form", action=transition_url(registration, verb))
            assert form.get("method") == "post"
            assert form.find("input", name="csrfmiddlewaretoken") is not None
        # The reason goes with a rejection only.
        assert ('name="reason"' in response.content.decode()) == ("reject" in offered)
        assert offered == [
            transition.verb
            for transition in workflow.STAFF_TRANSITIONS
            if transition.allowed_from(status)
        ]

    def test_an_event_manager_sees_the_buttons(self, client, manager):
        registration = EventRegistrationFactory()
        client.force_login(manager)
        assert buttons(client.get(page_url(registration))) == [
            "accept",
            "waitlist",
            "reject",
            "cancel",
        ]

    def test_staff_who_may_not_change_registrations_see_no_button(self, client, editor):
        registration = RegistrationFactory()
        client.force_login(editor)
        response = client.get(page_url(registration))
        assert response.status_code == 200
        assert buttons(response) == []
        assert "change-status" not in response.content.decode()

    @pytest.mark.parametrize("verb", ["accept", "waitlist", "reject", "cancel"])
    def test_a_forged_post_without_permission_is_refused_and_changes_nothing(
        self, client, editor, verb, django_capture_on_commit_callbacks
    ):
        registration = RegistrationFactory()
        client.force_login(editor)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(transition_url(registration, verb), {"reason": "forged"})
        assert response.status_code == 403
        registration.refresh_from_db()
        assert registration.status == Status.SUBMITTED
        assert not registration.status_changes.exists()
        assert mail.outbox == []

    def test_a_change_needs_a_post(self, admin_client):
        registration = RegistrationFactory()
        assert admin_client.get(transition_url(registration, "accept")).status_code == 405
        assert admin_client.post(transition_url(registration, "promote")).status_code == 404
        registration.refresh_from_db()
        assert registration.status == Status.SUBMITTED


class TestChanges:
    @pytest.mark.parametrize("factory", [RegistrationFactory, EventRegistrationFactory])
    def test_accepting_from_the_page_goes_through_the_service(
        self, client, manager, django_capture_on_commit_callbacks, factory
    ):
        # For a delegation's registration as for an event's: one engine.
        registration = factory(language="ko")
        client.force_login(manager)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                transition_url(registration, "accept"),
                follow=True,
                headers={"accept-language": "fr"},
            )
        assert response.redirect_chain[-1][0] == page_url(registration)
        registration.refresh_from_db()
        assert registration.status == Status.ACCEPTED
        change = registration.status_changes.get()
        assert (change.from_status, change.to_status, change.changed_by) == (
            Status.SUBMITTED,
            Status.ACCEPTED,
            manager,
        )
        # The staff member reads the outcome in their language.
        assert "1 inscription acceptée." in messages_of(response)
        (message,) = mail.outbox
        assert message.to == [registration.email]
        # The page now offers what an accepted registration allows.
        assert buttons(response) == ["waitlist", "reject", "cancel"]

    @pytest.mark.parametrize("language", ["fr", "en", "ko"])
    def test_the_reason_of_a_rejection_reaches_the_registrant(
        self, admin_client, language, django_capture_on_commit_callbacks
    ):
        registration = RegistrationFactory(language=language)
        reason = "Votre offre ne correspond pas au salon  \n cette année."
        with django_capture_on_commit_callbacks(execute=True):
            admin_client.post(transition_url(registration, "reject"), {"reason": reason})
        registration.refresh_from_db()
        assert registration.status == Status.REJECTED
        one_line = "Votre offre ne correspond pas au salon cette année."
        assert registration.status_changes.get().note == one_line
        (message,) = mail.outbox
        assert f"> {one_line}" in message.body
        with translation.override(language):
            assert translation.gettext("Our team's note:") in message.body

    def test_a_rejection_without_reason_says_none(
        self, admin_client, django_capture_on_commit_callbacks
    ):
        registration = RegistrationFactory()
        with django_capture_on_commit_callbacks(execute=True):
            admin_client.post(transition_url(registration, "reject"), {"reason": "  "})
        (message,) = mail.outbox
        assert "Our team's note" not in message.body
        assert "\n> " not in message.body

    def test_a_change_the_status_no_longer_allows_is_reported(
        self, admin_client, django_capture_on_commit_callbacks
    ):
        """Two staff members on the same page: the second click finds it changed."""
        registration = RegistrationFactory(status=Status.CANCELLED, company_name="Seoul Loom")
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                transition_url(registration, "accept"),
                follow=True,
                headers={"accept-language": "en"},
            )
        assert any("Seoul Loom" in message for message in messages_of(response))
        registration.refresh_from_db()
        assert registration.status == Status.CANCELLED
        assert mail.outbox == []

    def test_a_full_delegation_refuses_to_accept_from_the_wait_list(self, admin_client):
        delegation = DelegationFactory(capacity=1)
        RegistrationFactory(delegation=delegation)
        waiting = RegistrationFactory(delegation=delegation, status=Status.WAITLISTED)
        response = admin_client.post(
            transition_url(waiting, "accept"), follow=True, headers={"accept-language": "en"}
        )
        assert any("cannot be accepted" in message for message in messages_of(response))
        waiting.refresh_from_db()
        assert waiting.status == Status.WAITLISTED

    def test_a_freed_place_goes_to_the_wait_list_and_is_reported(
        self, admin_client, django_capture_on_commit_callbacks
    ):
        delegation = DelegationFactory(capacity=1)
        held = RegistrationFactory(delegation=delegation)
        waiting = RegistrationFactory(
            delegation=delegation, status=Status.WAITLISTED, company_name="Bom Ceramics"
        )
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                transition_url(held, "cancel"), follow=True, headers={"accept-language": "en"}
            )
        assert any("Bom Ceramics" in message for message in messages_of(response))
        waiting.refresh_from_db()
        assert waiting.status == Status.SUBMITTED


class TestRegistrationPage:
    def test_answers_attendees_and_history_in_words(self, admin_client):
        delegation = DelegationFactory()
        question = QuestionFactory(
            delegation=delegation, kind=Question.Kind.LONG_TEXT, label_en="Your products?"
        )
        registration = RegistrationFactory(delegation=delegation, status=Status.ACCEPTED)
        AnswerFactory(
            registration=registration,
            question=question,
            label="Your products?",
            value="Lamps\nand paper",
        )
        AnswerFactory(
            registration=registration,
            question=None,
            label="Deleted question",
            kind=Question.Kind.SHORT_TEXT,
            value="still here",
        )
        with_contact(registration, name="Kim Min-ji", job_title="CEO")
        AttendeeFactory(registration=registration, name="Park Ji-ho", position=1)
        marie = staff_member("marie")
        marie.first_name, marie.last_name = "Marie", "Durand"
        marie.save()
        when = timezone.make_aware(timezone.datetime(2026, 11, 26, 10, 30))
        RegistrationStatusChangeFactory(
            registration=registration, changed_at=when - timezone.timedelta(days=1)
        )
        RegistrationStatusChangeFactory(
            registration=registration,
            from_status=Status.SUBMITTED,
            to_status=Status.ACCEPTED,
            changed_by=marie,
            changed_at=when,
            note="a good fit",
        )

        page = Page(admin_client.get(page_url(registration), headers={"accept-language": "en"}))
        answers = page.one(id="registration-answers").text
        assert "Your products?" in answers and "Lamps" in answers and "and paper" in answers
        assert "Deleted question" in answers and "still here" in answers
        attendees = page.one(id="registration-attendees").text
        assert "Kim Min-ji, CEO" in attendees and "Park Ji-ho" in attendees
        history = page.one(id="registration-history").text
        assert "Received on" in history
        assert "Accepted by Marie Durand on 26 November 2026 at 10:30 — a good fit" in history

    @pytest.mark.parametrize(
        ("language", "expected"),
        [
            ("fr", "Acceptée par Marie le 26 novembre 2026 à 10:30 — a good fit"),
            ("ko", "Marie 님이 2026년 11월 26일 10:30에 수락 — a good fit"),
        ],
    )
    def test_the_history_speaks_the_staff_members_language(self, language, expected):
        marie = staff_member("marie")
        change = RegistrationStatusChangeFactory(
            from_status=Status.SUBMITTED,
            to_status=Status.ACCEPTED,
            changed_by=marie,
            changed_at=timezone.make_aware(timezone.datetime(2026, 11, 26, 10, 30)),
            note="a good fit",
        )
        with translation.override(language):
            assert history_line(change) == expected

    def test_a_file_is_a_staff_only_link_never_a_public_address(self, admin_client, client):
        delegation = DelegationFactory()
        question = QuestionFactory(delegation=delegation, kind=Question.Kind.FILE)
        registration = RegistrationFactory(delegation=delegation)
        answer = AnswerFactory(registration=registration, question=question)
        answer.file.save("deck.pdf", ContentFile(b"%PDF-1.4 pitch deck"), save=True)

        content = admin_client.get(page_url(registration)).content.decode()
        download = reverse("admin:events_registration_answer_file", args=[answer.pk])
        assert f'href="{download}"' in content
        assert answer.file.url not in content
        assert "private-files" not in content

        # Staff who may see registrations are sent to a signed, expiring link.
        response = admin_client.get(download)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("private-file", args=["x"])[:-1])
        assert "no-store" in response["Cache-Control"]
        file = admin_client.get(response["Location"])
        assert b"".join(file.streaming_content) == b"%PDF-1.4 pitch deck"

        # Others are not.
        assert client.get(download).status_code == 302  # to the login page
        assert "login" in client.get(download)["Location"]
        client.force_login(staff_member("stranger"))
        assert client.get(download).status_code == 403

    def test_the_registration_page_links_its_check_in_for_those_who_may(self, admin_client, client):
        registration = RegistrationFactory(status=Status.ACCEPTED)
        checkin = reverse("admin:events_registration_checkin", args=[registration.pk])
        assert checkin in admin_client.get(page_url(registration)).content.decode()
        client.force_login(staff_member("reader", permissions=["events.view_registration"]))
        assert checkin not in client.get(page_url(registration)).content.decode()


class TestList:
    def test_status_is_a_coloured_label_in_the_second_column(self, admin_client):
        registration = RegistrationFactory(status=Status.WAITLISTED, company_name="Moa Home")
        response = admin_client.get(reverse(CHANGELIST), headers={"accept-language": "fr"})
        page = Page(response)
        table = page.one(id="result_list")
        headers = [th.text.strip() for th in table.find("thead").find_all("th")]
        # The checkbox, then the company, then the status.
        assert headers[1:3] == ["Nom de l'entreprise", "Statut"]
        assert len(headers) <= 7
        row = page.one(id="result_list").find_all("tr")[1]
        label = row.find("span", **{"class": "registration-status registration-status-waitlisted"})
        assert label.text == "Sur liste d'attente"
        assert registration.company_name in row.text
        assert "waitlisted" not in row.text

    def test_filters_by_status_by_event_and_by_delegation(self, admin_client):
        event = EventFactory()
        delegation = DelegationFactory()
        at_event = EventRegistrationFactory(event=event, company_name="At the event")
        in_delegation = RegistrationFactory(delegation=delegation, company_name="In delegation")
        filters = Page(admin_client.get(reverse(CHANGELIST))).one(id="changelist-filter").text
        assert str(event) in filters and str(delegation) in filters

        def shown(**params):
            response = admin_client.get(reverse(CHANGELIST), params)
            return [row.company_name for row in response.context["cl"].result_list]

        assert shown(event__id__exact=event.pk) == [at_event.company_name]
        assert shown(delegation__id__exact=delegation.pk) == [in_delegation.company_name]
        assert shown(status__exact="accepted") == []

    def test_search_by_company_contact_email_or_attendee(self, admin_client):
        registration = RegistrationFactory(
            company_name="Hanji Atelier", contact_name="Kim Min-ji", email="minji@hanji.kr"
        )
        AttendeeFactory(registration=registration, name="Park Ji-ho")
        AttendeeFactory(registration=registration, name="Park Seo-yeon")
        RegistrationFactory(company_name="Other")
        for query in ["hanji atelier", "Min-ji", "minji@hanji", "Park"]:
            response = admin_client.get(reverse(CHANGELIST), {"q": query})
            assert list(response.context["cl"].result_list) == [registration], query

    def test_counts_per_status_follow_the_other_filters(self, admin_client):
        event = EventFactory()
        for status, count in [(Status.SUBMITTED, 2), (Status.ACCEPTED, 3), (Status.REJECTED, 1)]:
            EventRegistrationFactory.create_batch(count, event=event, status=status)
        RegistrationFactory.create_batch(4, status=Status.ACCEPTED)

        def counts(**params):
            response = admin_client.get(
                reverse(CHANGELIST), params, headers={"accept-language": "en"}
            )
            section = Page(response).one(id="registration-counts")
            return {
                span.get("data-status"): int(span.text)
                for span in section.find_all("span", **{"class": "registration-count"})
            }, section

        everyone, section = counts()
        assert everyone == {
            "submitted": 2,
            "accepted": 7,
            "waitlisted": 0,
            "rejected": 1,
            "cancelled": 0,
        }
        assert "Accepted" in section.text
        at_event, _section = counts(event__id__exact=event.pk)
        assert (at_event["accepted"], at_event["submitted"]) == (3, 2)
        # Filtering by a status keeps the counts of the others, to switch between them.
        accepted_only, section = counts(event__id__exact=event.pk, status__exact="accepted")
        assert accepted_only == at_event
        link = section.find("a", **{"aria-current": "true"})
        assert "status__exact=accepted" in link.get("href")
        assert f"event__id__exact={event.pk}" in link.get("href")

    def test_the_list_takes_a_fixed_number_of_queries(self, admin_client):
        def queries():
            with CaptureQueriesContext(connection) as captured:
                response = admin_client.get(reverse(CHANGELIST))
            assert response.status_code == 200
            return len(captured.captured_queries)

        EventRegistrationFactory()
        RegistrationFactory()
        few = queries()
        for _ in range(4):
            EventRegistrationFactory.create_batch(3, event=EventFactory())
            RegistrationFactory.create_batch(3, status=Status.WAITLISTED)
        assert queries() == few


class TestEventAndDelegationPages:
    def test_every_page_of_events_opens(self, admin_client):
        event = EventFactory()
        QuestionFactory(event=event)
        for url in [
            admin_url(type(event), "changelist"),
            admin_url(type(event), "add"),
            admin_url(type(event), "change", event.pk),
        ]:
            assert admin_client.get(url).status_code == 200, url

    @pytest.mark.parametrize("kind", ["event", "delegation"])
    def test_places_held_wait_list_and_link_to_the_registrations(self, admin_client, kind):
        if kind == "event":
            occasion = EventFactory(capacity=10)
            make = EventRegistrationFactory
        else:
            occasion = DelegationFactory(capacity=10)
            make = RegistrationFactory
        make(**{kind: occasion}, status=Status.ACCEPTED, seats=2)
        make(**{kind: occasion}, status=Status.SUBMITTED)
        make.create_batch(2, **{kind: occasion}, status=Status.WAITLISTED)
        make(**{kind: occasion}, status=Status.CANCELLED)
        registrations = reverse(CHANGELIST) + f"?{kind}__id__exact={occasion.pk}"

        listing = admin_client.get(admin_url(type(occasion), "changelist"))
        row = listing.context["cl"].result_list[0]
        assert (row.places_held, row.waitlisted_count) == (3, 2)
        assert f'<a href="{registrations}">3 / 10</a>' in listing.content.decode()

        page = admin_client.get(
            admin_url(type(occasion), "change", occasion.pk), headers={"accept-language": "en"}
        )
        text = page.content.decode()
        assert "3 of 10 places held" in text
        assert "2 on the wait list" in text
        assert f'href="{registrations}"' in text
        assert admin_client.get(registrations).context["cl"].result_count == 5

    def test_event_list_counts_in_a_fixed_number_of_queries(self, admin_client):
        url = admin_url(EventFactory._meta.model, "changelist")
        EventRegistrationFactory()
        with CaptureQueriesContext(connection) as few:
            admin_client.get(url)
        for _ in range(4):
            EventRegistrationFactory.create_batch(2, event=EventFactory())
        with CaptureQueriesContext(connection) as many:
            admin_client.get(url)
        assert len(many.captured_queries) == len(few.captured_queries)

    @pytest.mark.parametrize("kind", ["event", "delegation"])
    def test_questions_are_edited_in_each_language_in_order(self, admin_client, kind):
        occasion = EventFactory() if kind == "event" else DelegationFactory()
        QuestionFactory(**{kind: occasion}, label_en="Second", position=2)
        QuestionFactory(**{kind: occasion}, label_en="First", position=1)
        page = admin_client.get(admin_url(type(occasion), "change", occasion.pk))
        (inline,) = [
            formset
            for formset in page.context["inline_admin_formsets"]
            if formset.formset.model is Question
        ]
        assert [form.instance.label_en for form in inline.formset.forms] == ["First", "Second"]
        content = page.content.decode()
        for code in ("fr", "en", "ko"):
            assert f'name="questions-0-label_{code}"' in content
            assert f'name="questions-0-choices_{code}"' in content

    def test_check_in_links_for_those_who_may(self, admin_client, client):
        event = EventFactory()
        url = admin_url(type(event), "change", event.pk)
        checkin = reverse("admin:events_event_checkin", args=[event.pk])
        assert checkin in admin_client.get(url).content.decode()
        client.force_login(
            staff_member("viewer", permissions=["events.view_event", "events.change_event"])
        )
        assert checkin not in client.get(url).content.decode()


class TestEventPublication:
    """``events.publish_event`` decides what visitors see, on every path."""

    @pytest.fixture
    def writer(self):
        return staff_member(
            "writer",
            permissions=[
                "events.view_event",
                "events.change_event",
                "events.add_event",
                "events.add_question",
                "events.change_question",
                "events.delete_question",
            ],
        )

    def test_the_status_is_read_only_without_the_permission(self, client, writer):
        event = EventFactory()
        client.force_login(writer)
        form = client.get(admin_url(type(event), "change", event.pk)).context["adminform"].form
        assert "status" not in form.fields
        listing = client.get(admin_url(type(event), "changelist")).content.decode()
        assert "publish_selected" not in listing

    def test_a_forged_publish_action_publishes_nothing(self, client, writer):
        event = EventFactory(status="draft")
        client.force_login(writer)
        client.post(
            admin_url(type(event), "changelist"),
            {"action": "publish_selected", "_selected_action": [event.pk]},
        )
        event.refresh_from_db()
        assert event.status == "draft"

    def test_an_edit_of_a_live_event_with_a_new_question_waits_for_a_publisher(
        self, client, writer
    ):
        from chamber.toolkit.models import Proposal
        from tests.support.adminforms import change_form_data

        event = EventFactory()
        url = admin_url(type(event), "change", event.pk)
        client.force_login(writer)
        data = change_form_data(client.get(url))
        data.update(
            {
                "title_en": "Renamed",
                "questions-TOTAL_FORMS": "1",
                "questions-0-kind": Question.Kind.SHORT_TEXT,
                "questions-0-label_fr": "Votre secteur ?",
                "questions-0-position": "1",
            }
        )
        response = client.post(url, data)
        assert response.status_code == 302
        event.refresh_from_db()
        assert event.title_en != "Renamed"
        assert not event.questions.exists()
        (proposal,) = Proposal.objects.for_object(event)
        stored = {version.content_type.model for version in proposal.revision.version_set.all()}
        assert stored == {"event", "question"}

        # A forged status is refused.
        data["status"] = "draft"
        assert client.post(url, data).status_code == 403

    @pytest.mark.parametrize("factory", [EventFactory, DelegationFactory])
    def test_an_event_manager_edits_and_publishes(self, client, manager, factory):
        """From the list, whose rows carry their counts (PostgreSQL locks them plain)."""
        event = factory(status="draft")
        client.force_login(manager)
        client.post(
            admin_url(type(event), "changelist"),
            {"action": "publish_selected", "_selected_action": [event.pk]},
        )
        event.refresh_from_db()
        assert event.status == "published"


def test_a_choice_question_needs_as_many_choices_in_every_language(admin_client):
    from tests.support.adminforms import change_form_data, form_errors

    event = EventFactory()
    url = admin_url(type(event), "change", event.pk)
    data = change_form_data(admin_client.get(url))
    data.update(
        {
            "questions-TOTAL_FORMS": "1",
            "questions-0-kind": Question.Kind.SINGLE_CHOICE,
            "questions-0-label_fr": "Taille ?",
            "questions-0-choices_fr": "Petite\nMoyenne\nGrande",
            "questions-0-choices_en": "Small\nLarge",
            "questions-0-position": "1",
        }
    )
    response = admin_client.post(url, data, headers={"accept-language": "en"})
    assert response.status_code == 200
    errors = form_errors(response)["questions"][0]
    assert "choices_en" in errors
    data["questions-0-choices_en"] = "Small\nMedium\nLarge"
    response = admin_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    assert event.questions.get().choice_list == ["Petite", "Moyenne", "Grande"]
    assert Answer.objects.count() == 0
