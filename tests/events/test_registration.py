"""Registering through the public form, the private page and its signed link."""

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import translation

from events import links
from events.models import Registration
from tests.support.factories import DelegationFactory, RegistrationFactory
from tests.support.htmlpage import Page, absolute, object_url
from tests.support.languages import LANGUAGES
from tests.support.registrations import registrant_mail

pytestmark = pytest.mark.django_db
Status = Registration.Status

FORM = {
    "company_name": "Hanji Atelier",
    "contact_name": "Kim Min-ji",
    "email": "minji@example.com",
    "phone": "+82 10 1234 5678",
    "website": "hanji.example.com",
    "sector": "Lighting",
    "pitch": "Lamps made of hanji paper.",
    "consent": "on",
    "homepage": "",
}


def post(
    client, delegation, language, django_capture_on_commit_callbacks, address="127.0.0.1", **changes
):
    """Send the registration form (``changes`` on top of a valid one) from ``address``."""
    data = {**FORM, **changes}
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(object_url(delegation, language), data, REMOTE_ADDR=address)


class TestRegistrationFlow:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_register_see_and_cancel_in_each_language(
        self, client, delegation, language, django_capture_on_commit_callbacks, frozen_clock
    ):
        response = post(client, delegation, language, django_capture_on_commit_callbacks)
        registration = Registration.objects.get()
        assert registration.language == language
        assert registration.status == Status.SUBMITTED
        assert registration.website == "https://hanji.example.com"
        private = links.private_path(registration, language)
        assert response.status_code == 302
        assert response["Location"] == private
        assert private.startswith(f"/{language}/")

        (message,) = registrant_mail()
        assert message.to == ["minji@example.com"]
        assert absolute(private) in message.body

        page = Page(client.get(private))
        assert page.lang == language
        assert page.find("meta", name="robots").get("content") == "noindex, nofollow"
        assert page.one("a", class_="private-link-url").get("href") == absolute(private)
        assert page.find("li", class_="message-success") is not None
        assert "Hanji Atelier" in page.response.content.decode()
        assert page.response["Cache-Control"].startswith("max-age=0")

        with translation.override(language):
            cancel = reverse("events:registration-cancel", kwargs={"token": private.split("/")[-2]})
        confirm = client.get(cancel)
        assert confirm.status_code == 200
        registration.refresh_from_db()
        assert registration.status == Status.SUBMITTED  # a GET changes nothing
        with django_capture_on_commit_callbacks(execute=True):
            done = client.post(cancel)
        assert done.status_code == 302 and done["Location"] == private
        registration.refresh_from_db()
        assert registration.status == Status.CANCELLED
        assert mail.outbox[-1].to == ["minji@example.com"]
        assert registration.status_changes.last().changed_by is None

    def test_the_registrant_is_told_about_the_wait_list_after_submitting(
        self, client, delegation, django_capture_on_commit_callbacks
    ):
        RegistrationFactory.create_batch(2, delegation=delegation)
        with translation.override("en"):
            response = post(client, delegation, "en", django_capture_on_commit_callbacks)
            page = Page(client.get(response["Location"]))
        assert Registration.objects.get(email="minji@example.com").status == Status.WAITLISTED
        # Information, not a warning or an error.
        assert page.find("li", class_="message-info") is not None
        assert page.find("li", class_="message-warning") is None
        assert page.find("li", class_="message-error") is None
        status = page.one("p", class_="registration-status-waitlisted").text
        assert "position 1" in status
        assert "wait list" in mail.outbox[0].subject.lower()

    @pytest.mark.parametrize(
        ("language", "required"),
        [("fr", "Ce champ est obligatoire."), ("en", "This field is required.")],
    )
    def test_field_errors_in_the_visitors_language(
        self, client, delegation, language, required, django_capture_on_commit_callbacks
    ):
        response = post(
            client,
            delegation,
            language,
            django_capture_on_commit_callbacks,
            company_name="",
            email="not-an-address",
            consent="",
        )
        assert response.status_code == 200
        form = response.context["form"]
        assert form.errors["company_name"] == [required]
        assert "email" in form.errors and "consent" in form.errors
        page = Page(response)
        company = page.one("input", name="company_name")
        assert company.get("aria-invalid") == "true"
        assert required in response.content.decode()
        assert not Registration.objects.exists()
        assert mail.outbox == []

    def test_same_email_twice_is_an_error_on_the_email_field(
        self, client, delegation, django_capture_on_commit_callbacks
    ):
        post(client, delegation, "en", django_capture_on_commit_callbacks)
        response = post(
            client, delegation, "en", django_capture_on_commit_callbacks, email="MINJI@example.com"
        )
        assert response.status_code == 200
        assert response.context["form"].has_error("email")
        assert Registration.objects.count() == 1

    def test_closed_delegation_refuses_a_post_and_says_why(
        self, client, django_capture_on_commit_callbacks
    ):
        delegation = DelegationFactory(closed=True)
        with translation.override("en"):
            response = post(client, delegation, "en", django_capture_on_commit_callbacks)
        assert response.status_code == 200
        assert "closed on" in response.content.decode()
        assert not Registration.objects.exists()

    def test_honeypot_refuses_and_writes_nothing(
        self, client, delegation, django_capture_on_commit_callbacks
    ):
        with translation.override("en"):
            response = post(
                client,
                delegation,
                "en",
                django_capture_on_commit_callbacks,
                homepage="http://spam.example.net",
            )
        assert response.status_code == 400
        assert "Leave this field empty" in response.content.decode()
        assert not Registration.objects.exists()
        assert mail.outbox == []

    def test_rate_limit_per_address_refuses_and_writes_nothing(
        self, client, settings, django_capture_on_commit_callbacks
    ):
        settings.REGISTRATION_RATE = "2/h"
        delegation = DelegationFactory()
        for n in range(2):
            response = post(
                client,
                delegation,
                "en",
                django_capture_on_commit_callbacks,
                email=f"a{n}@example.com",
            )
            assert response.status_code == 302
        with translation.override("en"):
            refused = post(
                client, delegation, "en", django_capture_on_commit_callbacks, email="a9@example.com"
            )
        assert refused.status_code == 429
        assert "Too many registrations" in refused.content.decode()
        assert Registration.objects.count() == 2
        # Another address is not limited.
        other = post(
            client,
            delegation,
            "en",
            django_capture_on_commit_callbacks,
            email="b@example.com",
            address="10.0.0.2",
        )
        assert other.status_code == 302

    def test_behind_a_proxy_the_limit_counts_each_visitor_and_ignores_their_header(
        self, client, settings, django_capture_on_commit_callbacks
    ):
        settings.TRUSTED_PROXIES = 1
        settings.REGISTRATION_RATE = "1/h"
        delegation = DelegationFactory()

        def post_through_proxy(email, forwarded):
            data = {**FORM, "email": email}
            headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
            with django_capture_on_commit_callbacks(execute=True):
                return client.post(
                    object_url(delegation, "en"), data, REMOTE_ADDR="10.0.0.2", **headers
                )

        assert post_through_proxy("a1@example.com", "203.0.113.7").status_code == 302
        # The same visitor, with a header of their own: the proxy's entry counts.
        forged = post_through_proxy("a2@example.com", "198.51.100.1, 203.0.113.7")
        assert forged.status_code == 429
        assert post_through_proxy("b@example.com", "198.51.100.1").status_code == 302
        # A missing or malformed header is no error: the proxy's own address is used.
        for forwarded in (None, "", "not an address", "a, b, c"):
            assert post_through_proxy("c@example.com", forwarded).status_code in (302, 429)
        assert Registration.objects.count() == 3

    def test_a_get_is_not_rate_limited(self, client, settings, delegation):
        settings.REGISTRATION_RATE = "1/h"
        for _ in range(3):
            assert client.get(object_url(delegation, "en")).status_code == 200

    def test_cancel_needs_csrf(self, delegation):
        registration = RegistrationFactory(delegation=delegation)
        token = links.make_token(registration)
        csrf_client = Client(enforce_csrf_checks=True)
        with translation.override("en"):
            url = reverse("events:registration-cancel", kwargs={"token": token})
        assert csrf_client.post(url).status_code == 403
        registration.refresh_from_db()
        assert registration.status == Status.SUBMITTED


class TestPrivateLink:
    def detail(self, token, language="en"):
        with translation.override(language):
            return reverse("events:registration-detail", kwargs={"token": token})

    @pytest.mark.parametrize("view", ["events:registration-detail", "events:registration-cancel"])
    def test_tampered_link_is_refused_and_changes_nothing(self, client, view):
        registration = RegistrationFactory()
        other = RegistrationFactory()
        token = links.make_token(registration)
        forged = signing.dumps(other.pk, salt="another purpose")
        for bad in (
            token[:-2] + ("aa" if not token.endswith("aa") else "bb"),
            links.make_token(other).split(":")[0] + ":" + token.split(":", 1)[1],
            forged,
            "garbage",
        ):
            with translation.override("en"):
                url = reverse(view, kwargs={"token": bad})
                response = client.get(url)
                posted = client.post(url)
            assert response.status_code == 400, bad
            assert posted.status_code == 400
            assert "not valid" in response.content.decode()
            assert other.company_name not in response.content.decode()
        registration.refresh_from_db()
        other.refresh_from_db()
        assert {registration.status, other.status} == {Status.SUBMITTED}

    def test_old_link_is_refused(self, client, settings, frozen_clock):
        registration = RegistrationFactory()
        token = links.make_token(registration)
        frozen_clock.shift(settings.REGISTRATION_LINK_MAX_AGE - 1)
        with translation.override("en"):
            assert client.get(self.detail(token)).status_code == 200  # still valid
        frozen_clock.shift(2)
        with translation.override("en"):
            response = client.get(self.detail(token))
        assert response.status_code == 400
        assert "expired" in response.content.decode()

    def test_link_to_a_deleted_registration_is_not_found(self, client):
        registration = RegistrationFactory()
        token = links.make_token(registration)
        registration.delete()
        assert client.get(self.detail(token)).status_code == 404

    def test_language_switch_keeps_the_token(self, client):
        registration = RegistrationFactory()
        token = links.make_token(registration)
        page = Page(client.get(self.detail(token, "en")))
        assert page.language_link("fr") == self.detail(token, "fr")

    def test_no_cancel_button_once_cancelled(self, client):
        registration = RegistrationFactory(status=Status.CANCELLED)
        page = Page(client.get(self.detail(links.make_token(registration))))
        assert page.find("a", class_="button-quiet") is None
