"""Staff logins: repeated wrong passwords lock the username out from that address."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "editor", password="the-right-password", is_staff=True
    )


def log_in(client, username, password, language="en"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        headers={"accept-language": language},
    )


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "Too many failed logins"), ("fr", "Trop de connexions échouées")],
)
def test_wrong_passwords_lock_the_account_out(client, staff, language, message):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = log_in(client, "editor", "wrong", language)
        assert response.status_code in (200, 429)
    response = log_in(client, "editor", "the-right-password", language)
    assert response.status_code == 429
    assert message in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="editor").failures_since_start >= (
        settings.AXES_FAILURE_LIMIT
    )


def test_another_account_is_not_locked(client, staff, django_user_model):
    django_user_model.objects.create_user("publisher", password="pw-publisher", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "editor", "wrong")
    response = log_in(client, "publisher", "pw-publisher")
    assert response.status_code == 302


def test_a_successful_login_resets_the_count(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "editor", "wrong")
    assert log_in(client, "editor", "the-right-password").status_code == 302
    assert not AccessAttempt.objects.filter(username="editor").exists()
