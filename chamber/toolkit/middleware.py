"""Request guards (the admin editor's Content Security Policy, NUL characters) and the
cache of public pages."""

import base64
import hashlib
import logging
import re
from urllib.parse import unquote_plus

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.defaults import bad_request
from whitenoise.middleware import WhiteNoiseMiddleware

from chamber.toolkit.cache import keep, read, seconds_to_keep

logger = logging.getLogger(__name__)

IMPORT_MAP = re.compile(rb'<script type="importmap">(.*?)</script>', re.DOTALL)


class AdminImportMapCSPMiddleware:
    """Allow the admin's ``<script type="importmap">`` by its hash.

    The rich-text editor loads its modules through an import map, which a browser only
    accepts inline. Rather than allowing every inline script, the policy of an admin page
    names the SHA-256 of that one block; other scripts stay ``'self'`` only. The editor
    also sets inline styles (menus, sizes), so those pages allow them. Must sit
    after ``csp.middleware.CSPMiddleware`` in MIDDLEWARE, so that it runs first on the
    way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        content_type = response.get("Content-Type", "")
        if (
            request.path.startswith("/admin/")
            and content_type.startswith("text/html")
            and not getattr(response, "streaming", False)
        ):
            hashes = [
                f"'sha256-{base64.b64encode(hashlib.sha256(block).digest()).decode()}'"
                for block in IMPORT_MAP.findall(response.content)
            ]
            if hashes:
                response._csp_update = {
                    "script-src": hashes,
                    "style-src": ["'unsafe-inline'"],
                }
        return response


class RejectNulCharactersMiddleware:
    """Answer a URL that carries a NUL character before it reaches the database.

    PostgreSQL refuses NUL in text, so such a slug or query would end in a server error.
    No page has one: a NUL in the path is a 404, in the query string a 400.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            raise Http404
        if "\x00" in unquote_plus(request.META.get("QUERY_STRING", "")):
            # Answered here rather than raised: one warning line, not a traceback.
            response = bad_request(request, BadRequest("NUL character in the query string"))
            logger.warning("Bad request: NUL character in the query string of %s", request.path)
            response._has_been_logged = True
            return response
        return self.get_response(request)


class PublicPageCacheMiddleware:
    """Serve anonymous visitors' public pages from the shared cache, and tell browsers
    and CDNs how long they may keep them.

    A request is served from the cache when it is a GET or HEAD of a page under a
    language prefix (or a sitemap), from a visitor without a session (staff previewing
    drafts and visitors with messages have one), with no query parameter but the page
    number (of a list or a sitemap), a search's words and a list's filters. A response
    is cached when it is a 200 or a 404, sets no cookie, used no CSRF token (forms carry
    one per visitor) and is not marked private: per language (the language is in the path), for this
    generation of the content, never past the next scheduled change
    (``chamber.toolkit.cache``).
    Cacheable pages say ``Cache-Control: public, max-age=...``; others ``private``.
    Listed right after SecurityMiddleware and ConditionalGetMiddleware, which act on
    every response, cached or not: a page from the cache skips the sessions, CSRF,
    authentication and the rest, and is stored with the headers they added (CSP,
    X-Frame-Options, Vary, Content-Language).
    """

    CACHEABLE_STATUS = (200, 404)
    # A list's page, a search's words, a sitemap's page (Django's sitemaps call it "p"),
    # the agenda's filters (a kind of event, a month), the directory's (a sector, a city, a
    # membership tier, an order): each variant is a page of its own.
    KEPT_PARAMETERS = {"page", "q", "p", "kind", "month", "sector", "city", "tier", "sort"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self._key(request)
        if key is not None:
            current, found = read(key)
            if key in found:
                return self._response(found[key])
        response = self.get_response(request)
        if key is not None and self._cacheable(request, response):
            timeout = seconds_to_keep(current=current)
            patch_cache_control(response, public=True, max_age=min(settings.PAGE_MAX_AGE, timeout))
            keep({key: self._stored(response)}, current, timeout)
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def _key(self, request) -> str | None:
        if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None
        if not set(request.GET) <= self.KEPT_PARAMETERS:
            return None
        path = request.path
        language = path.split("/")[1] if path.count("/") > 1 else ""
        if language not in {code for code, _name in settings.LANGUAGES} and not path.startswith(
            "/sitemap"
        ):
            return None
        # The scheme and host are part of the address: validated (ALLOWED_HOSTS, a 400
        # otherwise) before anything is read from the cache.
        path_hash = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        return f"page:{request.method}:{path_hash}"

    def _cacheable(self, request, response) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code in self.CACHEABLE_STATUS
            and not getattr(response, "streaming", False)
            and not response.cookies
            # A form's CSRF token (get_token) is the visitor's own.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and "private" not in cache_control
            and "no-store" not in cache_control
        )

    @staticmethod
    def _stored(response) -> dict:
        return {
            "status": response.status_code,
            "content": response.content,
            "headers": dict(response.items()),
        }

    @staticmethod
    def _response(stored: dict) -> HttpResponse:
        response = HttpResponse(stored["content"], status=stored["status"])
        for name, value in stored["headers"].items():
            response[name] = value
        return response


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise, without the manifest of hashed names (``staticfiles.json``): it lists
    every static file and is for the app, not for visitors."""

    PRIVATE_NAMES = ("staticfiles.json",)

    def _is_private(self, url: str) -> bool:
        return url.rsplit("/", 1)[-1] in self.PRIVATE_NAMES

    def add_file_to_dictionary(self, url, path, stat_cache=None):
        if not self._is_private(url):
            super().add_file_to_dictionary(url, path, stat_cache=stat_cache)

    def find_file(self, url):
        return None if self._is_private(url) else super().find_file(url)
