"""View mixins for the pages of translated, publishable objects; private files."""

import posixpath

from django.core import signing
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from chamber.toolkit.i18n import find_by_translated_slug, redirect_to_canonical, url_in_language
from chamber.toolkit.publication import active_language, may_preview
from chamber.toolkit.storage import PrivateFileSystemStorage, private_storage


def not_translated(request, obj):
    """The page of ``obj`` in a language it is not written in: it says so, in the
    visitor's language, and links to the languages it exists in. A 404, so that search
    engines never take it for a translation."""
    languages = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": url_in_language(obj, request.path, code),
        }
        for code in obj.ready_languages
    ]
    context = {"untranslated": obj, "languages": languages}
    return render(request, "not_translated.html", context, status=404)


def readiness_refusal(request, obj):
    """``not_translated`` when a visitor asks for ``obj`` in a language it is not ready
    in; None when the page may be shown (ready, or asked by someone who may preview it)."""
    if obj.is_ready_in(active_language()) or may_preview(request.user, type(obj)):
        return None
    return not_translated(request, obj)


class ObjectPageMixin:
    """DetailView mixin for a publishable, translated object: visitors see it when it is
    published; in a language it is not ready in, they get ``not_translated``. Those who
    may edit or publish it see it anyway (a preview), with a note saying what visitors
    do not see."""

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        refusal = readiness_refusal(request, obj)
        if refusal is not None:
            return refusal
        self.object = obj
        return self.render_to_response(self.get_context_data(object=obj))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = active_language()
        missing = self.object.missing_translations(language)
        if missing:
            context["preview_notes"] = [
                _("Preview: this page is not ready in %(language)s (missing: %(fields)s).")
                % {
                    "language": get_language_info(language)["name_translated"],
                    "fields": ", ".join(
                        str(self.object._meta.get_field(name).verbose_name) for name in missing
                    ),
                }
            ]
        return context


class TranslatedSlugMixin:
    """View mixin for a page named by a translated slug (an object's own page, or a list
    such as a category's): the slug is looked up in the active language, then in the
    others, and the object is ``self.translated_object``.

    A slug found in another language (an old link, or a page whose translation has no
    slug of its own) redirects permanently to the page's URL in the active language; an
    object not ready in the active language gets ``not_translated``.
    """

    slug_url_kwarg = "slug"

    def get_slug_queryset(self):
        """Where the slug is looked up; a DetailView's own queryset by default."""
        return self.get_queryset()

    def get(self, request, *args, **kwargs):
        self.translated_object = find_by_translated_slug(
            self.get_slug_queryset(), kwargs[self.slug_url_kwarg]
        )
        refusal = readiness_refusal(request, self.translated_object)
        if refusal is not None:
            return refusal
        redirect = redirect_to_canonical(request, self.translated_object)
        if redirect is not None:
            return redirect
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return self.translated_object


@cache_control(private=True, no_store=True)
def private_file(request, token):
    """A private file on this server's disk, for whoever holds a link its storage signed
    (``PrivateFileSystemStorage.url``) and not yet expired: a download (an attachment,
    never shown in the page's origin), kept by no cache. A 404 for any other link."""
    storage = private_storage()
    if not isinstance(storage, PrivateFileSystemStorage):
        raise Http404
    try:
        name = storage.name_from_token(token)
        file = storage.open(name)
    except (signing.BadSignature, FileNotFoundError) as error:
        raise Http404 from error
    return FileResponse(file, as_attachment=True, filename=posixpath.basename(name))
