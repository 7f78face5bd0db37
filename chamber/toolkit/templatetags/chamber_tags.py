"""Template tags every app uses: language alternates, fallback marking, share links,
sanitised HTML."""

from urllib.parse import quote, urlencode

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import QueryDict
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from chamber.toolkit.fragments import render_each
from chamber.toolkit.i18n import shown_language, url_in_language
from chamber.toolkit.sanitizer import sanitize_html

register = template.Library()

OG_LOCALES = {"fr": "fr_FR", "en": "en_GB", "ko": "ko_KR"}


def absolute(request, url: str) -> str:
    """``url`` made absolute with the request's host; relative when the host is not an
    allowed one (the 400 page for a bad Host header must still render)."""
    try:
        return request.build_absolute_uri(url)
    except DisallowedHost:
        return url


def _page_object(context):
    """The object a page is about, if any: views name it ``page_object`` or ``object``."""
    return context.get("page_object") or context.get("object")


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """One entry per language of the site: code, its own name, this page's URL in it
    (absolute, and its path), whether the page is written in it (an object exists in the
    languages it is ready in; other pages in every language) and whether it is the
    x-default (the first language the page exists in)."""
    request = context["request"]
    obj = _page_object(context)
    ready = getattr(obj, "ready_languages", None)
    current = get_language()
    alternates = []
    for code, _name in settings.LANGUAGES:
        path = url_in_language(obj, request.path, code) + _list_page(context)
        info = get_language_info(code)
        exists = ready is None or code in ready
        alternates.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": absolute(request, path),
                "path": path,
                "og_locale": OG_LOCALES.get(code, code),
                "is_current": code == current,
                "exists": exists,
                "is_default": exists and not any(alt["exists"] for alt in alternates),
            }
        )
    return alternates


def _list_page(context) -> str:
    """``?page=N`` on the second and later pages of a paginated list, else nothing.

    The canonical URL and the hreflang alternates keep the page number (each page of a
    list is its own page) and drop every other query parameter (tracking tags ...).
    """
    page_obj = context.get("page_obj")
    if page_obj is not None and page_obj.number > 1:
        return "?" + urlencode({"page": page_obj.number})
    return ""


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute URL of this page in the active language, without its query string
    (except the page number of a list)."""
    request = context["request"]
    obj = _page_object(context)
    if obj is not None and hasattr(obj, "get_absolute_url"):
        path = obj.get_absolute_url()
    else:
        path = request.path
    return absolute(request, path + _list_page(context))


@register.simple_tag
def og_locale():
    return OG_LOCALES.get(get_language(), get_language())


@register.simple_tag
def lang_attr(obj, field):
    """` lang="xx"` when a translated field shows another language's text (fallback)."""
    shown = shown_language(obj, field)
    if shown and shown != get_language():
        return format_html(' lang="{}"', shown)
    return ""


@register.filter
def only_keys(query_dict, keys: str):
    """A copy of ``query_dict`` (``request.GET``) with only the comma-separated
    ``keys``, for ``{% querystring %}`` links that must drop every other parameter."""
    kept = QueryDict(mutable=True)
    for key in keys.split(","):
        if key in query_dict:
            kept.setlist(key, query_dict.getlist(key))
    return kept


@register.filter
def page_numbers(page_obj):
    """The page numbers a pagination shows: the first, the last, two on each side of the
    current page, and ellipses between."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.filter
def sanitize(value):
    """Rich text as it may reach a page: only the allowed tags and attributes."""
    return mark_safe(sanitize_html(value))  # nh3 output contains only allowed markup


def absolutizer(context):
    """A function that makes a URL absolute with the request of ``context``; apps'
    structured-data tags pass it to their builders."""
    request = context["request"]
    return lambda url: absolute(request, url)


@register.simple_tag(takes_context=True)
def absolute_uri(context, url):
    if not url:
        return ""
    return absolute(context["request"], url)


def share_urls(url: str, title: str) -> dict[str, str]:
    """Share links for a page: plain URLs of each network, with no script of theirs."""
    return {
        "facebook": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        "x": "https://twitter.com/intent/tweet?" + urlencode({"url": url, "text": title}),
        "linkedin": "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        "email": "mailto:?subject="
        + quote(title, safe="")
        + "&body="
        + quote(f"{title}\n{url}", safe=""),
    }


@register.inclusion_tag("includes/_share_links.html", takes_context=True)
def share_links(context, title):
    url = canonical_url(context)
    return {"share": share_urls(url, str(title)), "share_url": url, "share_title": title}


@register.simple_tag
def each_cached(objects, template_name: str, name: str, eager_image: str = ""):
    """``template_name`` rendered for each of ``objects`` (as ``name``), each fragment
    kept per language and generation of the content (``chamber.toolkit.fragments``):
    ``{% each_cached members "includes/_member_card.html" "organisation" %}``.

    ``eager_image="logo"``: the list holds the page's first picture, the ``logo`` of
    its first object that has one; that fragment gets ``eager`` (loaded at once)."""
    eager_first = (lambda obj: bool(getattr(obj, eager_image))) if eager_image else None
    return render_each(objects, template_name, name, eager_first=eager_first)
