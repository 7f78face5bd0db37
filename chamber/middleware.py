"""Content Security Policy for the admin's rich-text editor."""

import base64
import hashlib
import re

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
