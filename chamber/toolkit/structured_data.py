"""schema.org descriptions of pages (JSON-LD), for search engines' rich results.

Each app describes its own objects (``news.structured_data``, ``events.structured_data``)
as plain dicts; this module gives them the chamber's own description (publisher,
organiser), describes the site (the home page's WebSite and its search) and a page's
breadcrumb trail, and writes a dict into the page.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

CONTEXT = "https://schema.org"
# The chamber's logo: a square of the header's brand mark, large enough for search
# engines (at least 112 pixels; 512 here).
LOGO = "img/logo.png"
LOGO_SIZE = (512, 512)


def chamber_id(absolute) -> str:
    """The chamber's node identifier, by which other descriptions name it."""
    return absolute("/") + "#organization"


def chamber(absolute) -> dict:
    """The chamber as a schema.org Organization; ``absolute`` makes a URL absolute.

    Its short name, its full name in the page's language, its legal name and postal
    address (those the privacy notice names as the controller), its home page in the
    page's language, its logo, its contact and, when ``CHAMBER_SAME_AS`` names them, its
    pages elsewhere."""
    legal_name = settings.CHAMBER_LEGAL_NAME
    if not legal_name:
        with translation.override(settings.LANGUAGE_CODE):
            legal_name = str(settings.SITE_FULL_NAME)
    data = {
        "@type": "Organization",
        "@id": chamber_id(absolute),
        "name": settings.SITE_NAME,
        "alternateName": str(settings.SITE_FULL_NAME),
        "legalName": legal_name,
        "url": absolute(reverse("site:home")),
        "logo": absolute(static(LOGO)),
    }
    if settings.CHAMBER_POSTAL_ADDRESS:
        data["address"] = settings.CHAMBER_POSTAL_ADDRESS
    if settings.CHAMBER_CONTACT_EMAIL:
        data["email"] = settings.CHAMBER_CONTACT_EMAIL
    if settings.CHAMBER_CONTACT_PHONE:
        data["telephone"] = settings.CHAMBER_CONTACT_PHONE
    if settings.CHAMBER_SAME_AS:
        data["sameAs"] = list(settings.CHAMBER_SAME_AS)
    return data


def website(absolute) -> dict:
    """The site as a schema.org WebSite in the page's language, with its search (a
    SearchAction: search engines may offer a search box that lands on the site's)."""
    search = absolute(reverse("site:search"))
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "@id": absolute(reverse("site:home")) + "#website",
        "name": settings.SITE_NAME,
        "alternateName": str(settings.SITE_FULL_NAME),
        "url": absolute(reverse("site:home")),
        "inLanguage": translation.get_language(),
        "publisher": {"@id": chamber_id(absolute)},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": search + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumb_list(crumbs, absolute) -> dict:
    """A BreadcrumbList of ``crumbs`` (``chamber.toolkit.breadcrumbs``): positions from
    1, names in the page's language, absolute URLs (none for a crumb without one)."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": str(crumb.name),
                **({"item": absolute(crumb.url)} if crumb.url else {}),
            }
            for position, crumb in enumerate(crumbs, start=1)
        ],
    }


def script(data: dict) -> str:
    """``<script type="application/ld+json">`` holding ``data``. A data block: the
    Content Security Policy does not apply to it, and it is escaped like
    ``json_script`` so that no text in it can close the block."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    escaped = text.translate({ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"})
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))
