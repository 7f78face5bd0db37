"""The head of a public page: its title, description and share picture, written once
for the browser, search engines, OpenGraph and Twitter (``{% page_meta %}``); its
breadcrumb trail and the site's own description as JSON-LD."""

import html
import re

import nh3
from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from easy_thumbnails.alias import aliases
from easy_thumbnails.exceptions import InvalidImageFormatError
from easy_thumbnails.files import get_thumbnailer

from chamber.toolkit import breadcrumbs, structured_data
from chamber.toolkit.templatetags.chamber_tags import absolute, absolutizer, canonical_url

register = template.Library()

# Longest description: what a share preview shows in full (Twitter cuts at 200).
DESCRIPTION_LENGTH = 200
# The picture shared when a page has none of its own, and its size.
DEFAULT_IMAGE = "img/share-default.png"
DEFAULT_IMAGE_SIZE = (1200, 630)
# A page's own picture in its share tags: the "hero" rendition (cropped and, if smaller,
# enlarged to exactly its size).
IMAGE_ALIAS = "hero"
# A logo in share tags: whole, on a ground of the share picture's size.
LOGO_ALIAS = "share_logo"


# Where one block of rich text ends and the next begins: a space in plain text.
BLOCK_END = re.compile(
    r"<(?:/(?:p|div|li|h[1-6]|blockquote|pre|figure|figcaption|table|tr|td|th)|br\s*/?)\s*>",
    re.IGNORECASE,
)


ORDINARY_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def plain_text(text) -> str:
    """``text`` (which may be rich text) as one line of plain text: no markup, nor the
    content of a script or a style."""
    text = BLOCK_END.sub(" ", str(text or ""))
    # Only ordinary white space is collapsed: the no-break spaces of French typography
    # (before ":", in "1 500 €") stay as they are.
    return ORDINARY_SPACES.sub(" ", html.unescape(nh3.clean(text, tags=set()))).strip(" ")


def shorten(text: str, length: int) -> str:
    """``text`` cut to at most ``length`` characters at a word's end, with an ellipsis."""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–—") + "…"


def qualifiers(filters, page_obj) -> tuple[str, str]:
    """What a list's title and description add for its filters and its page number."""
    labels = [filters] if isinstance(filters, str | Promise) else list(filters or [])
    labels = [str(label) for label in labels if label]
    number = getattr(page_obj, "number", 1) or 1
    title, description = "", ""
    if labels:
        title += f" ({', '.join(labels)})"
        description += " " + _("Shown: %(filters)s.") % {"filters": ", ".join(labels)}
    if number > 1:
        title += " — " + _("page %(number)s") % {"number": number}
        description += " " + _("Page %(number)s.") % {"number": number}
    return title, description


def share_image(image, alt: str, request, alias: str = IMAGE_ALIAS) -> dict:
    """The share picture: ``image`` (an image field's file) in its ``alias`` rendition
    (the hero's, or ``LOGO_ALIAS`` for a logo), else the chamber's default picture;
    absolute URL, size and text alternative."""
    if image:
        try:
            url = get_thumbnailer(image)[alias].url
        except (InvalidImageFormatError, OSError, ValueError):
            url = ""
        if url:
            width, height = aliases.get(alias)["size"]
            return {"url": absolute(request, url), "width": width, "height": height, "alt": alt}
    width, height = DEFAULT_IMAGE_SIZE
    return {
        "url": absolute(request, static(DEFAULT_IMAGE)),
        "width": width,
        "height": height,
        "alt": settings.SITE_NAME,
    }


@register.inclusion_tag("includes/_page_meta.html", takes_context=True)
def page_meta(
    context,
    title,
    description="",
    image=None,
    image_alt="",
    type="website",
    filters=None,
    error=False,
    logo=None,
):
    """``<title>``, the meta description and the OpenGraph and Twitter tags of a page,
    all from the same title and description.

    ``title`` is the page's subject (the chamber's name follows it); ``description`` may
    be rich text (cut to a share preview's length); ``image`` is an image field's file;
    ``logo`` (an organisation's) is shared whole on a white ground when there is no
    ``image``; ``filters`` (labels) and the list's page number (``page_obj``) are said
    in both.
    An error page (``error``) is kept out of search engines and names no address."""
    request = context["request"]
    more_title, more_description = qualifiers(filters, context.get("page_obj"))
    subject = plain_text(title) or str(settings.SITE_FULL_NAME)
    text = plain_text(description) or _("%(title)s, on the site of the %(chamber)s.") % {
        "title": subject,
        "chamber": settings.SITE_FULL_NAME,
    }
    room = DESCRIPTION_LENGTH - len(more_description)
    return {
        "title": f"{subject}{more_title} · {settings.SITE_NAME}",
        "description": shorten(text, room) + more_description,
        "type": type,
        "url": None if error else canonical_url(context),
        "image": share_image(image, plain_text(image_alt) or subject, request)
        if image or not logo
        else share_image(logo, plain_text(image_alt) or subject, request, LOGO_ALIAS),
        "noindex": error,
    }


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, *items, current=""):
    """The page's trail (``chamber.toolkit.breadcrumbs.trail``): home, ``items``, then
    the page named ``current``, if given, at its own address."""
    return breadcrumbs.trail(*items, current=current, url=context["request"].path)


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context, *items, current=""):
    """The page's trail as a BreadcrumbList (see ``breadcrumb_trail``)."""
    trail = breadcrumb_trail(context, *items, current=current)
    return structured_data.script(structured_data.breadcrumb_list(trail, absolutizer(context)))


@register.simple_tag(takes_context=True)
def site_json_ld(context):
    """The home page's descriptions: the chamber (Organization) and the site (WebSite,
    with its search)."""
    absolute_url = absolutizer(context)
    chamber = {"@context": structured_data.CONTEXT, **structured_data.chamber(absolute_url)}
    return structured_data.script(chamber) + structured_data.script(
        structured_data.website(absolute_url)
    )
