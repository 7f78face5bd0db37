"""The visitor's address, derived in one place from the proxies the site trusts.

``TRUSTED_PROXIES`` (``DJANGO_TRUSTED_PROXIES``) is how many proxies stand between the
visitors and the app (nginx alone: 1; a CDN then nginx: 2). Each appends the address it
received the request from to ``X-Forwarded-For``, so the visitor's address is the entry
that the farthest trusted proxy wrote: counted from the right, never from the left, which
the visitor writes. python-ipware reads the header. With no trusted proxy, or a header
that is missing, empty, malformed or shorter than the proxies promise, the address is
the one the connection came from (``REMOTE_ADDR``): a visitor's own header changes
nothing beyond what the trusted proxies added, and never causes an error.

Used by the registration rate limit, the login lockout (django-axes) and the logs.
"""

from functools import lru_cache

from django.conf import settings
from python_ipware import IpWare


@lru_cache(maxsize=4)
def _reader(trusted_proxies: int) -> IpWare:
    # python-ipware counts the proxies listed in the header: the one that connects to
    # the app is not in it (it is REMOTE_ADDR).
    return IpWare(precedence=("HTTP_X_FORWARDED_FOR",), proxy_count=trusted_proxies - 1)


def client_address(request) -> str:
    """The visitor's IP address, as text ("" when the server gave none)."""
    trusted_proxies = settings.TRUSTED_PROXIES
    if trusted_proxies > 0:
        address, _trusted_route = _reader(trusted_proxies).get_client_ip(request.META)
        if address is not None:
            return str(address)
    return request.META.get("REMOTE_ADDR", "")
