"""Helpers for pages that exist in every language with translated slugs."""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import models
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, resolution_order


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def supported_language(code: str | None) -> str:
    """``code`` reduced to one of the site's languages ("en-us" -> "en"); the site's
    default language when it is none of them."""
    code = (code or "").split("-")[0].lower()
    return code if code in language_codes() else settings.LANGUAGE_CODE


def unique_slug_per_language(prefix: str, field: str = "slug") -> list[models.UniqueConstraint]:
    """One database constraint per supported language: no two rows share a non-empty
    ``field`` in that language. ``prefix`` names the constraints
    (``<prefix>_unique_slug_fr``)."""
    return [
        models.UniqueConstraint(
            fields=[build_localized_fieldname(field, code)],
            condition=~models.Q(**{build_localized_fieldname(field, code): ""}),
            name=f"{prefix}_unique_{field}_{code}",
            violation_error_message=_("Another page already uses this slug in this language."),
        )
        for code in settings.MODELTRANSLATION_LANGUAGES
    ]


def url_in_language(obj, path: str, language: str) -> str:
    """The URL of the same page in ``language``.

    With an object that has ``get_absolute_url``, reverse it with that language active,
    so translated slugs are used; otherwise translate the path words of ``path``. A path
    that resolves to no page (a 404) has no translation: the other language's home page
    stands in for it.
    """
    if obj is not None and hasattr(obj, "get_absolute_url"):
        with translation.override(language):
            return obj.get_absolute_url()
    try:
        resolve(urlsplit(path).path)
    except Resolver404:
        with translation.override(language):
            return reverse("site:home")
    return translate_url(path, language)


def shown_language(obj, field: str) -> str | None:
    """The language whose text a translated field shows in the active language.

    modeltranslation falls back to another language when the active one is empty;
    this names the language that was actually used, so it can be marked up with ``lang``.
    """
    current = supported_language(translation.get_language())
    for code in resolution_order(current):
        if getattr(obj, build_localized_fieldname(field, code), None):
            return code
    return None


def find_by_translated_slug(queryset, slug: str):
    """The object of ``queryset`` whose slug is ``slug`` in the active language, else in
    another language (an old link, or a page whose translation has no slug of its own).

    Raises Http404 when no language has it.
    """
    current = translation.get_language()
    for code in [current, *(code for code in language_codes() if code != current)]:
        obj = queryset.filter(**{build_localized_fieldname("slug", code): slug}).first()
        if obj is not None:
            return obj
    raise Http404


def redirect_to_canonical(request, obj):
    """A permanent redirect to ``obj``'s URL in the active language (query string kept),
    or None when the request is already there."""
    canonical = obj.get_absolute_url()
    # reverse() percent-encodes a Unicode slug ("coopération"); request.path is decoded.
    if unquote(canonical) == request.path:
        return None
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{canonical}?{query}" if query else canonical)
