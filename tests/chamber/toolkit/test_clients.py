"""The visitor's address: one rule, from the number of trusted proxies, used by the
registration rate limit and the login lockout. Missing, empty, malformed or forged
headers never cause an error and never change the address beyond what the trusted
proxies added."""

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory
from django.urls import reverse

from chamber.toolkit.clients import client_address

PROXY = "10.0.0.2"  # the proxy in front of the app: the connection's address
VISITOR = "203.0.113.7"


def address(trusted_proxies, settings, forwarded=None):
    settings.TRUSTED_PROXIES = trusted_proxies
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    return client_address(RequestFactory().get("/", REMOTE_ADDR=PROXY, **headers))


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        (None, PROXY),  # no header: the connection's address
        ("", PROXY),
        ("not-an-address", PROXY),
        ("  ,  ", PROXY),
        (VISITOR, VISITOR),  # what nginx's $proxy_add_x_forwarded_for sends
        (f"198.51.100.9, {VISITOR}", VISITOR),  # a visitor's own header, then nginx's entry
        (f"junk, {VISITOR}", VISITOR),
        (f"{VISITOR}, 2001:db8::1", "2001:db8::1"),
        ("192.168.1.5", "192.168.1.5"),  # a visitor on a private network is still one
    ],
)
def test_one_trusted_proxy_reads_the_entry_it_added(settings, forwarded, expected):
    assert address(1, settings, forwarded) == expected


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        (f"{VISITOR}, 10.0.0.9", VISITOR),  # the CDN wrote the visitor, nginx the CDN
        (f"198.51.100.9, {VISITOR}, 10.0.0.9", VISITOR),
        ("10.0.0.9", PROXY),  # shorter than the proxies promise
        (None, PROXY),
    ],
)
def test_two_trusted_proxies_read_the_entry_the_farthest_added(settings, forwarded, expected):
    assert address(2, settings, forwarded) == expected


@pytest.mark.parametrize("forwarded", [None, VISITOR, f"198.51.100.9, {VISITOR}"])
def test_with_no_trusted_proxy_the_header_is_ignored(settings, forwarded):
    assert address(0, settings, forwarded) == PROXY


@pytest.mark.django_db
class TestBehindAProxy:
    """Every visitor reaches the app from the proxy's address."""

    @pytest.fixture(autouse=True)
    def one_proxy(self, settings):
        settings.TRUSTED_PROXIES = 1

    def test_the_login_lockout_counts_each_visitor_apart(self, client, django_user_model):
        from django.conf import settings

        django_user_model.objects.create_user("editor", password="right-pw", is_staff=True)

        def log_in(password, forwarded):
            return client.post(
                reverse("admin:login"),
                {"username": "editor", "password": password, "next": reverse("admin:index")},
                REMOTE_ADDR=PROXY,
                HTTP_X_FORWARDED_FOR=forwarded,
            )

        # An attacker behind the proxy, changing their own header at each try.
        for attempt in range(settings.AXES_FAILURE_LIMIT):
            log_in("wrong", f"198.51.100.{attempt}, {VISITOR}")
        assert log_in("right-pw", VISITOR).status_code == 429
        assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {VISITOR}
        # The staff member, elsewhere, behind the same proxy, is not locked out.
        assert log_in("right-pw", "198.51.100.200").status_code == 302
