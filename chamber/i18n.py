"""Helpers for pages that exist in every language with translated slugs."""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


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
            return reverse("chamber:home")
    return translate_url(path, language)


def shown_language(obj, field: str) -> str | None:
    """The language whose text a translated field shows in the active language.

    modeltranslation falls back to another language when the active one is empty;
    this names the language that was actually used, so it can be marked up with ``lang``.
    """
    current = translation.get_language() or settings.LANGUAGE_CODE
    current = current.split("-")[0]
    if getattr(obj, build_localized_fieldname(field, current), None):
        return current
    for code in language_codes():
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


class TranslatedSlugMixin:
    """DetailView mixin: look a slug up in the active language, then in the others.

    A slug found in another language (an old link, or a page whose translation has no
    slug of its own) redirects permanently to the page's URL in the active language.
    """

    slug_url_kwarg = "slug"

    def get(self, request, *args, **kwargs):
        obj = find_by_translated_slug(self.get_queryset(), kwargs[self.slug_url_kwarg])
        redirect = redirect_to_canonical(request, obj)
        if redirect is not None:
            return redirect
        self.object = obj
        context = self.get_context_data(object=obj)
        return self.render_to_response(context)


class TranslatedSitemap(Sitemap):
    """A sitemap listing each page in every language, with its hreflang alternates.

    Django builds the x-default alternate by removing the default language's prefix
    from its URL, which only suits ``prefix_default_language=False``. Every URL of this
    site carries its language, so x-default is the default language's URL, as in the
    pages' own ``<link rel="alternate" hreflang="x-default">``.
    """

    i18n = True
    alternates = True
    x_default = True

    def get_urls(self, *args, **kwargs):
        urls = super().get_urls(*args, **kwargs)
        for url in urls:
            locations = {alt["lang_code"]: alt["location"] for alt in url["alternates"]}
            for alt in url["alternates"]:
                if alt["lang_code"] == "x-default" and settings.LANGUAGE_CODE in locations:
                    alt["location"] = locations[settings.LANGUAGE_CODE]
        return urls
