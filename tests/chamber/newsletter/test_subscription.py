"""Subscribing (double opt-in), confirming, unsubscribing, and the signed links."""

import datetime
import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from chamber.newsletter import links, services
from chamber.newsletter.models import Subscriber

pytestmark = pytest.mark.django_db


def subscribe_url(language="en"):
    with translation.override(language):
        return reverse("newsletter:subscribe")


def post_subscription(client, email="ann@example.org", language="en", **extra):
    data = {"email": email, "language": language, "consent": "on", "homepage": "", **extra}
    return client.post(subscribe_url(), data)


def confirm_link(message) -> str:
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_subscribing_sends_a_confirmation_in_the_subscribers_language(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_subscription(client, "Ann@Example.org", "ko")
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.language) == ("ann@example.org", "ko")
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent is True
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ann@example.org"]
    assert "뉴스레터" in mail.outbox[0].subject
    assert confirm_link(mail.outbox[0]).startswith("/ko/")


def test_the_confirmation_link_confirms_on_post_only(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_subscription(client)
    link = confirm_link(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    response = client.post(link)
    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None


def test_the_same_answer_whatever_the_address_state(client, django_capture_on_commit_callbacks):
    confirmed = Subscriber.objects.create(
        email="known@example.org", language="en", status=Subscriber.Status.CONFIRMED
    )
    with django_capture_on_commit_callbacks(execute=True):
        new = post_subscription(client, "new@example.org")
        known = post_subscription(client, "known@example.org")
        again = post_subscription(client, "new@example.org")
    assert new.status_code == known.status_code == again.status_code == 302
    assert new["Location"] == known["Location"] == again["Location"]
    # The pending address is sent the confirmation again, the confirmed one nothing.
    assert [m.to for m in mail.outbox] == [["new@example.org"], ["new@example.org"]]
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.CONFIRMED


def test_consent_is_required_and_errors_are_listed(client):
    response = post_subscription(client, consent="")
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_filled_honeypot_is_refused(client):
    response = post_subscription(client, homepage="http://spam.example")
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


@override_settings(NEWSLETTER_SUBSCRIBE_RATE="2/h")
def test_too_many_subscriptions_from_one_address_are_refused(client):
    for number in range(2):
        assert post_subscription(client, f"p{number}@example.org").status_code == 302
    response = post_subscription(client, "p3@example.org")
    assert response.status_code == 429
    assert Subscriber.objects.count() == 2


def test_an_expired_confirmation_link_is_refused_and_changes_nothing(client, frozen_clock):
    subscriber = Subscriber.objects.create(email="late@example.org", language="fr")
    link = links.confirm_url(subscriber).removeprefix("http://testserver")
    frozen_clock.shift(datetime.timedelta(days=8))
    response = client.post(link)
    assert response.status_code == 400
    assert "expiré" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_a_confirmation_link_within_its_week_works(client, frozen_clock):
    subscriber = Subscriber.objects.create(email="ok@example.org", language="fr")
    link = links.confirm_url(subscriber).removeprefix("http://testserver")
    frozen_clock.shift(datetime.timedelta(days=6))
    assert client.post(link).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


@pytest.mark.parametrize("tamper", ["swap_id", "truncate", "unsubscribe_token"])
def test_a_tampered_confirmation_link_is_refused(client, tamper):
    victim = Subscriber.objects.create(email="victim@example.org", language="fr")
    other = Subscriber.objects.create(email="other@example.org", language="fr")
    token = links.confirm_token(other)
    if tamper == "swap_id":
        token = token.replace(f"{other.pk}:", f"{victim.pk}:", 1)
    elif tamper == "truncate":
        token = token[:-3]
    else:
        token = links.unsubscribe_token(other)
    with translation.override("fr"):
        url = reverse("newsletter:confirm", kwargs={"token": token})
    assert client.get(url).status_code == 400
    assert client.post(url).status_code == 400
    assert not Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).exists()


def test_unsubscribe_get_asks_post_unsubscribes_without_csrf():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    subscriber = Subscriber.objects.create(
        email="bye@example.org", language="en", status=Subscriber.Status.CONFIRMED
    )
    link = links.unsubscribe_url(subscriber).removeprefix("http://testserver")
    page = client.get(link)
    assert page.status_code == 200
    assert "bye@example.org" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    response = client.post(link, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


def test_a_tampered_unsubscribe_link_changes_nothing(client):
    subscriber = Subscriber.objects.create(
        email="stay@example.org", language="en", status=Subscriber.Status.CONFIRMED
    )
    token = links.unsubscribe_token(subscriber)[:-2] + "xx"
    with translation.override("en"):
        url = reverse("newsletter:unsubscribe", kwargs={"token": token})
    assert client.post(url).status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_subscribing_again_after_unsubscribing_asks_to_confirm_again(
    django_capture_on_commit_callbacks,
):
    subscriber = Subscriber.objects.create(
        email="back@example.org", language="en", status=Subscriber.Status.UNSUBSCRIBED
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.subscribe("back@example.org", "fr")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.language == "fr"
    assert len(mail.outbox) == 1
