"""Helpers for pages that exist in every language with translated slugs."""

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import translate_url
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def url_in_language(obj, path: str, language: str) -> str:
    """The URL of the same page in ``language``.

    With an object that has ``get_absolute_url``, reverse it with that language active,
    so translated slugs are used; otherwise translate the path words of ``path``.
    """
    if obj is not None and hasattr(obj, "get_absolute_url"):
        with translation.override(language):
            return obj.get_absolute_url()
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


class TranslatedSlugMixin:
    """DetailView mixin: look a slug up in the active language, then in the others.

    A slug found in another language (an old link, or a page whose translation has no
    slug of its own) redirects permanently to the page's URL in the active language.
    """

    slug_url_kwarg = "slug"

    def get(self, request, *args, **kwargs):
        slug = kwargs[self.slug_url_kwarg]
        queryset = self.get_queryset()
        current = translation.get_language()
        obj = queryset.filter(**{build_localized_fieldname("slug", current): slug}).first()
        if obj is None:
            for code in language_codes():
                if code == current:
                    continue
                obj = queryset.filter(**{build_localized_fieldname("slug", code): slug}).first()
                if obj is not None:
                    break
            if obj is None:
                raise Http404
            canonical = obj.get_absolute_url()
            if canonical != request.path:
                return HttpResponsePermanentRedirect(canonical)
        self.object = obj
        context = self.get_context_data(object=obj)
        return self.render_to_response(context)
