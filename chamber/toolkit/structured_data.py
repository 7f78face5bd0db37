"""schema.org descriptions of pages (JSON-LD), for search engines' rich results.

Each app describes its own objects (``news.structured_data``, ``events.structured_data``)
as plain dicts; this module gives them the chamber's own description (publisher,
organiser) and writes a dict into the page.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe


def chamber(absolute) -> dict:
    """The chamber as a schema.org Organization; ``absolute`` makes a URL absolute."""
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": absolute("/"),
        "logo": absolute(static("img/share-default.png")),
    }


def script(data: dict) -> str:
    """``<script type="application/ld+json">`` holding ``data``. A data block: the
    Content Security Policy does not apply to it, and it is escaped like
    ``json_script`` so that no text in it can close the block."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    escaped = text.translate({ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"})
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))
