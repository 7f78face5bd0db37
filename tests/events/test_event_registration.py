"""The chamber's events on the registration engine: the event page, registering with
several people per company, the e-mails that speak of the event, the wait list counted
in seats, strict parsing of the form, and the error summary."""

import datetime
import json

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from events import links, services
from events.models import Attendee, Question, Registration
from tests.events.factories import EventFactory, QuestionFactory
from tests.support.factories import DelegationFactory, OrganisationFactory, RegistrationFactory
from tests.support.htmlpage import Page, object_url
from tests.support.languages import LANGUAGES
from tests.support.registrations import company

pytestmark = pytest.mark.django_db
Status = Registration.Status

FORM = {
    "company_name": "Hanji Atelier",
    "contact_name": "Kim Min-ji",
    "contact_job_title": "Founder",
    "email": "minji@example.com",
    "phone": "+82 10 1234 5678",
    "website": "",
    "sector": "Lighting",
    "pitch": "Lamps made of hanji paper.",
    "consent": "on",
    "homepage": "",
}


def data(n: int) -> dict:
    """The registration's own fields for company ``n``."""
    fields = company(n)
    fields.pop("language")
    return fields


def people(count: int) -> list:
    return [services.AttendeeInput(name=f"Person {i}", job_title="Engineer") for i in range(count)]


def register(occasion, n, seats=1, language="en"):
    return services.register(occasion, data(n), attendees=people(seats), language=language)


def post(client, occasion, django_capture_on_commit_callbacks, language="en", **changes):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(object_url(occasion, language), {**FORM, **changes})


class TestEventPage:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_shows_the_main_facts_a_register_button_and_the_form(self, client, language):
        organiser = OrganisationFactory(
            name_fr="Fondation du design de Séoul",
            name_en="Seoul Design Foundation",
            name_ko="서울디자인재단",
        )
        event = EventFactory(organiser=organiser, price_non_members=None)
        partner = OrganisationFactory()
        event.partners.add(partner)
        response = client.get(object_url(event, language))
        assert response.status_code == 200
        page = Page(response)
        assert page.h1.text == getattr(event, f"title_{language}")
        # The way to the form comes before the facts.
        content = response.content.decode()
        cta = page.one("p", class_="register-cta").one("a")
        assert cta.get("href") == "#register"
        assert content.index('class="register-cta"') < content.index('class="facts"')
        assert page.one("section", id="register")
        # In the event's time zone, named: 10:00 UTC is 19:00 in Seoul.
        when = " ".join(page.one("dd", class_="event-when").text.split())
        # The zone as people of the page's language name it, not its identifier.
        zone = {"fr": "heure de la Corée", "en": "Korean Time", "ko": "대한민국 시간"}[language]
        assert f"({zone}, KST)" in when and "Asia/Seoul" not in when
        starts = page.one("dd", class_="event-when").find("time").get("datetime")
        assert starts.endswith("+09:00") and "T19:00" in starts
        place = page.one("dd", class_="event-place").text
        assert "120 Hangang-daero" in place and "04376 Seoul" in place
        assert {"fr": "Corée du Sud", "en": "South Korea", "ko": "대한민국"}[language] in place
        prices = " ".join(page.one("dd", class_="event-prices").text.split())
        price = {"fr": "30\u202f000\u00a0₩", "en": "₩30,000", "ko": "₩30,000"}[language]
        assert price in page.one("dd", class_="event-prices").text
        with translation.override(language):
            assert translation.gettext("members only") in prices
        assert getattr(organiser, f"name_{language}") in content
        assert getattr(partner, f"name_{language}") in content
        form = page.one("form", class_="registration-form")
        assert form.get("action") == object_url(event, language) + "#register"
        assert form.get("enctype") == "multipart/form-data"
        # What happens next, before anything is sent.
        assert page.one("section", class_="registration-next").find_all("li")
        (script,) = [
            json.loads(tag.text)
            for tag in page.find_all("script", type="application/ld+json")
            if json.loads(tag.text).get("@type") == "Event"
        ]
        assert script["name"] == getattr(event, f"title_{language}")

    def test_an_online_event_says_online_without_its_link(self, client):
        event = EventFactory(online=True)
        page = Page(client.get(object_url(event, "en")))
        assert "Online" in page.one("dd", class_="event-place").text
        assert event.online_url not in page.response.content.decode()

    def test_a_members_only_event_says_so_in_its_form(self, client):
        event = EventFactory(audience="members")
        with translation.override("en"):
            page = Page(client.get(object_url(event, "en")))
        assert "for members" in page.one("p", class_="notice-members").text

    def test_an_unpublished_event_is_for_staff_only(self, client, admin_client):
        event = EventFactory(draft=True)
        assert client.get(object_url(event, "en")).status_code == 404
        response = admin_client.get(object_url(event, "en"))
        assert response.status_code == 200
        assert Page(response).find("p", class_="preview-banner") is not None

    def test_a_closed_event_has_no_form_and_says_why(self, client):
        event = EventFactory(closed=True)
        with translation.override("en"):
            page = Page(client.get(object_url(event, "en")))
        assert page.find("form", class_="registration-form") is None
        assert page.find("p", class_="register-cta") is None
        assert "closed on" in page.one("p", class_="notice-closed").text

    def test_the_slug_of_another_language_redirects(self, client):
        event = EventFactory()
        with translation.override("en"):
            wrong = object_url(event, "en").replace(event.slug_en, event.slug_fr)
        response = client.get(wrong)
        assert response.status_code == 301
        assert response["Location"] == object_url(event, "en")

    def test_queries_do_not_grow_with_registrations_questions_or_partners(
        self, client, django_assert_num_queries
    ):
        event = EventFactory(seats_per_company=3)
        QuestionFactory(event=event)
        url = object_url(event, "en")
        client.get(url)  # warm-up
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        RegistrationFactory.create_batch(6, delegation=None, event=event)
        for kind in Question.Kind.values:
            QuestionFactory(event=event, kind=kind, choices_en="A\nB")
        event.partners.add(*OrganisationFactory.create_batch(3))
        with django_assert_num_queries(len(few.captured_queries)):
            client.get(url)


class TestRegisteringForAnEvent:
    def test_register_with_colleagues_and_see_them_on_the_private_page(
        self, client, django_capture_on_commit_callbacks
    ):
        event = EventFactory(seats_per_company=3)
        response = post(
            client,
            event,
            django_capture_on_commit_callbacks,
            person_2_name="Lee Jun",
            person_2_job_title="Designer",
            person_2_email="jun@example.com",
        )
        assert response.status_code == 302
        registration = Registration.objects.get()
        assert (registration.event, registration.delegation, registration.seats) == (
            event,
            None,
            2,
        )
        assert list(registration.attendees.values_list("name", "job_title", "email")) == [
            ("Kim Min-ji", "Founder", "minji@example.com"),
            ("Lee Jun", "Designer", "jun@example.com"),
        ]
        page = Page(client.get(response["Location"]))
        names = page.one("ul", class_="attendee-list").text
        assert "Kim Min-ji" in names and "Lee Jun" in names

    def test_a_colleague_without_a_name_is_refused(
        self, client, django_capture_on_commit_callbacks
    ):
        event = EventFactory(seats_per_company=2)
        with translation.override("en"):
            response = post(
                client, event, django_capture_on_commit_callbacks, person_2_job_title="CTO"
            )
        assert response.status_code == 200
        assert response.context["form"].has_error("person_2_name")
        assert not Registration.objects.exists()

    def test_with_one_seat_the_contact_is_the_attendee(self):
        event = EventFactory()
        registration = services.register(event, data(1), language="en")
        assert registration.seats == 1
        (attendee,) = registration.attendees.all()
        assert (attendee.name, attendee.email) == ("Kim Min-ji 1", "contact1@example.com")

    def test_no_more_people_than_the_organiser_allows(self):
        event = EventFactory(seats_per_company=2)
        with pytest.raises(services.RegistrationError):
            register(event, 1, seats=3)
        assert not Registration.objects.exists()

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_e_mails_name_the_event_its_time_and_place_in_the_registrants_language(
        self, language, django_capture_on_commit_callbacks
    ):
        event = EventFactory()
        with django_capture_on_commit_callbacks(execute=True):
            registration = register(event, 1, language=language)
        registrant = [message for message in mail.outbox if message.to == [registration.email]]
        (message,) = registrant
        assert getattr(event, f"title_{language}") in message.body
        zone = {"fr": "heure de la Corée", "en": "Korean Time", "ko": "대한민국 시간"}[language]
        assert f"({zone})" in message.body
        assert "120 Hangang-daero" in message.body
        assert links.private_url(registration, language) in message.body
        assert message.reply_to == [event.contact_email]

    def test_the_online_link_is_only_in_the_acceptance_e_mail(
        self, django_capture_on_commit_callbacks
    ):
        event = EventFactory(online=True)
        with django_capture_on_commit_callbacks(execute=True):
            registration = register(event, 1)
        with django_capture_on_commit_callbacks(execute=True):
            services.accept_registration(registration=registration)
        received, notice, accepted = mail.outbox
        assert event.online_url not in received.body
        assert event.online_url not in notice.body
        assert event.online_url in accepted.body
        assert "Online" in received.body

    def test_the_delegation_e_mails_still_name_the_fair(self, django_capture_on_commit_callbacks):
        delegation = DelegationFactory()
        with django_capture_on_commit_callbacks(execute=True):
            registration = register(delegation, 1)
        message = next(m for m in mail.outbox if m.to == [registration.email])
        assert delegation.fair.name_en in message.body
        assert delegation.title_en in message.body


class TestSeats:
    def test_a_registration_whose_seats_do_not_fit_is_waitlisted_whole(self):
        event = EventFactory(capacity=4, seats_per_company=3)
        assert register(event, 1, seats=3).status == Status.SUBMITTED
        waiting = register(event, 2, seats=2)
        assert waiting.status == Status.WAITLISTED
        # One place is left: a company of one still fits.
        assert register(event, 3, seats=1).status == Status.SUBMITTED
        event.refresh_from_db()
        assert event.held_count == 4 and event.is_full

    def test_freed_places_go_to_the_first_waitlisted_that_fit(
        self, django_capture_on_commit_callbacks
    ):
        event = EventFactory(capacity=4, seats_per_company=3)
        big = register(event, 1, seats=3)
        register(event, 2, seats=1)
        first = register(event, 3, seats=3)  # waits for 3 places
        second = register(event, 4, seats=2)  # waits for 2 places
        third = register(event, 5, seats=1)
        assert [r.status for r in (first, second, third)] == [Status.WAITLISTED] * 3
        # Cancelling the company of three frees three places: the first in line fits.
        outcome = services.cancel_registration(registration=big)
        assert outcome.promoted == [first]
        # Two more places: the second in line (two people) fits.
        event.capacity = 6
        promoted = services.save_occasion(event)
        assert promoted == [second]
        # One more place: the company of one.
        event.capacity = 7
        assert services.save_occasion(event) == [third]

    def test_a_waitlisted_registration_that_does_not_fit_is_skipped_keeping_its_rank(self):
        event = EventFactory(capacity=3, seats_per_company=3)
        holder = register(event, 1, seats=2)
        register(event, 2, seats=1)
        large = register(event, 3, seats=3)
        small = register(event, 4, seats=1)
        assert (large.status, small.status) == (Status.WAITLISTED, Status.WAITLISTED)
        outcome = services.reject_registration(registration=holder)
        # Two places free: the company of three does not fit, the company of one does.
        assert outcome.promoted == [small]
        large.refresh_from_db()
        assert large.status == Status.WAITLISTED
        assert large.waitlist_position == 1

    def test_accepting_needs_all_the_seats_free(self):
        event = EventFactory(capacity=3, seats_per_company=3)
        register(event, 1, seats=2)
        waiting = register(event, 2, seats=2)
        with translation.override("en"), pytest.raises(services.OccasionFull) as refused:
            services.accept_registration(registration=waiting)
        assert "needs 2 places and 1 of the 3 places are free" in refused.value.message

    def test_deleting_registrations_frees_their_seats_for_the_wait_list(self):
        event = EventFactory(capacity=2, seats_per_company=2)
        held = register(event, 1, seats=2)
        waiting = register(event, 2, seats=2)
        promoted = services.delete_registrations(
            registrations=Registration.objects.filter(pk=held.pk)
        )
        assert promoted == [waiting]
        assert not Attendee.objects.filter(registration_id=held.pk).exists()


class TestStrictParsing:
    @pytest.mark.parametrize("value", ["0", "off", "false", "", "no", "OFF", "False"])
    def test_only_the_checkboxs_own_value_is_consent(
        self, client, value, django_capture_on_commit_callbacks
    ):
        event = EventFactory()
        response = post(client, event, django_capture_on_commit_callbacks, consent=value)
        assert response.status_code == 200
        assert response.context["form"].has_error("consent")
        assert not Registration.objects.exists()

    @pytest.mark.parametrize("value", ["on", "1", "true"])
    def test_the_checkboxs_value_is_consent(
        self, client, value, django_capture_on_commit_callbacks
    ):
        event = EventFactory()
        response = post(client, event, django_capture_on_commit_callbacks, consent=value)
        assert response.status_code == 302
        assert Registration.objects.get().consent is True

    @pytest.mark.parametrize("value", [" ", "   ", "\t", "\n"])
    def test_a_honeypot_holding_only_spaces_is_a_bot(
        self, client, value, django_capture_on_commit_callbacks
    ):
        event = EventFactory()
        response = post(client, event, django_capture_on_commit_callbacks, homepage=value)
        assert response.status_code == 400
        assert not Registration.objects.exists()
        assert mail.outbox == []


class TestErrors:
    def test_the_summary_lists_every_error_with_a_link_and_takes_the_focus(
        self, client, django_capture_on_commit_callbacks
    ):
        event = EventFactory(seats_per_company=2)
        kinds = [
            Question.Kind.SHORT_TEXT,
            Question.Kind.SINGLE_CHOICE,
            Question.Kind.MULTIPLE_CHOICE,
            Question.Kind.YES_NO,
            Question.Kind.NUMBER,
            Question.Kind.DATE,
            Question.Kind.FILE,
            Question.Kind.LONG_TEXT,
        ]
        questions = [QuestionFactory(event=event, kind=kind, choices_en="A\nB") for kind in kinds]
        with translation.override("en"):
            response = post(
                client,
                event,
                django_capture_on_commit_callbacks,
                company_name="",
                email="not an address",
                consent="0",
                person_2_email="jun@example.com",
                **{f"question_{questions[4].pk}": "many"},
            )
        assert response.status_code == 200
        page = Page(response)
        summary = page.one("div", class_="form-error-summary")
        assert summary.get("tabindex") == "-1"
        assert "autofocus" in summary.attrs and "data-error-summary" in summary.attrs
        content = response.content.decode()
        assert content.index("form-error-summary") < content.index('name="company_name"')
        form = response.context["form"]
        invalid = list(form.errors)
        assert len(invalid) == 4 + len(questions)  # company, e-mail, consent, person 2
        anchors = [link.get("href") for link in summary.find_all("a")]
        assert len(anchors) == len(invalid)
        for href in anchors:
            target = page.find(id=href[1:])
            assert target is not None, href
            assert target.get("aria-invalid") == "true"
        # Every invalid field is marked, whatever its widget, and described by its error.
        for name in invalid:
            inputs = page.find_all(name=name)
            assert inputs, name
            for element in inputs:
                assert element.get("aria-invalid") == "true", (name, element)
            row = next(
                ancestor
                for ancestor in ancestors(inputs[0])
                if "form-row" in (ancestor.get("class") or "").split()
            )
            assert "form-row-error" in row.get("class").split(), name
            error_id = f"id_{name}_error"
            assert page.find(id=error_id) is not None, name
            described = inputs[0].get("aria-describedby") or fieldset_of(inputs[0]).get(
                "aria-describedby"
            )
            assert error_id in described.split(), name

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_summary_speaks_the_visitors_language(
        self, client, language, django_capture_on_commit_callbacks
    ):
        event = EventFactory()
        with translation.override(language):
            response = post(
                client, event, django_capture_on_commit_callbacks, language, company_name=""
            )
            title = translation.gettext(
                "Your registration was not sent. Please correct the following:"
            )
        summary = Page(response).one("div", class_="form-error-summary")
        assert summary.one("h3").text == title
        required = {
            "fr": "Ce champ est obligatoire.",
            "en": "This field is required.",
            "ko": "필수 항목입니다.",
        }
        assert required[language] in summary.one("a").text

    def test_being_waitlisted_is_shown_as_information(
        self, client, django_capture_on_commit_callbacks
    ):
        event = EventFactory(capacity=1)
        register(event, 9)
        with translation.override("en"):
            response = post(client, event, django_capture_on_commit_callbacks)
            page = Page(client.get(response["Location"]))
        message = page.one("li", class_="message-info")
        assert "wait list" in message.text
        assert page.find("li", class_="message-warning") is None
        assert page.find("li", class_="message-error") is None
        # Its style is its own, not the error's.
        assert any("registration.css" in (link.get("href") or "") for link in page.find_all("link"))


class TestStaffNotice:
    def test_the_admin_link_comes_first_and_the_registrants_words_are_quoted(
        self, django_capture_on_commit_callbacks
    ):
        event = EventFactory()
        asked = QuestionFactory(event=event, label_en="Anything else?")
        pitch = "We make lamps.\nReview it here: https://evil.example/admin/\n\nThanks"
        with django_capture_on_commit_callbacks(execute=True):
            registration = services.register(
                event,
                {**data(1), "pitch": pitch},
                answers=[
                    services.AnswerInput(
                        question=asked, value="Click https://evil.example/login\nnow"
                    )
                ],
                language="en",
            )
        (notice,) = [m for m in mail.outbox if m.to == [event.contact_email]]
        lines = [line for line in notice.body.splitlines() if line.strip()]
        admin = f"/admin/events/registration/{registration.pk}/change/"
        assert admin in lines[1]
        assert lines[1].startswith("http")
        # Whatever the registrant wrote comes as quoted text, line by line.
        for line in notice.body.splitlines():
            if "evil.example" in line or "lamps" in line or "Thanks" in line or "now" == line[-3:]:
                assert line.startswith(">"), line
        assert "> We make lamps." in notice.body
        assert ">\n> Thanks" in notice.body
        assert "Anything else?\n> Click https://evil.example/login\n> now" in notice.body
        assert notice.body.index(admin) < notice.body.index("evil.example")


def ancestors(element):
    node = element.parent
    while node is not None:
        yield node
        node = node.parent


def fieldset_of(element):
    return next(node for node in ancestors(element) if node.tag == "fieldset")


def test_registration_dates_are_the_sites_even_for_an_event_abroad():
    event = EventFactory(time_zone="Europe/Paris")
    later = timezone.now() + datetime.timedelta(days=365)
    with translation.override("en"):
        assert "closed on" in services.closed_message(event, later)


def test_the_delegation_page_has_its_register_button_at_the_top(client):
    delegation = DelegationFactory()
    page = Page(client.get(object_url(delegation, "en")))
    assert page.one("p", class_="register-cta").one("a").get("href") == "#register"
    content = page.response.content.decode()
    assert content.index('class="register-cta"') < content.index('class="facts"')
    assert page.one("section", class_="registration-next")
