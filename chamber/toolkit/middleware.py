"""Request guards: the admin editor's Content Security Policy, NUL characters."""

import base64
import hashlib
import re
from urllib.parse import unquote_plus

from django.core.exceptions import BadRequest
from django.http import Http404

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
            raise BadRequest("NUL character in the query string")
        return self.get_response(request)
