"""Helpers shared by every app's admin."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from easy_thumbnails.files import get_thumbnailer
from modeltranslation.fields import TranslationField
from modeltranslation.utils import build_localized_fieldname

from chamber.toolkit.i18n import language_codes
from chamber.toolkit.versions import lazy_field_label

# Web sites typed without a scheme are taken as https:// (Django 6's default).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


def image_preview(image, alias="admin"):
    """A small thumbnail of an uploaded image, or a dash."""
    if not image:
        return "—"
    try:
        url = get_thumbnailer(image)[alias].url
    except Exception:  # noqa: BLE001 -- a missing or broken file must not break the admin
        return "—"
    return format_html('<img src="{}" alt="" class="admin-thumbnail">', url)


class UniqueTranslatedSlugForm(forms.ModelForm):
    """Refuses a slug that another row already uses in the same language, with a message
    on that language's slug field (the database refuses it too: see
    ``chamber.toolkit.i18n.unique_slug_per_language``)."""

    def clean(self):
        cleaned = super().clean()
        model = self._meta.model
        for code in settings.MODELTRANSLATION_LANGUAGES:
            field = build_localized_fieldname("slug", code)
            slug = cleaned.get(field)
            if not slug or field not in self.fields:
                continue
            others = model._default_manager.filter(**{field: slug})
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                self.add_error(field, _("Another page already uses this slug in this language."))
        return cleaned


def unconfigured(name: str) -> bool:
    """``name`` is the translation of a field in a language the site does not publish in
    (``title_ko`` on a site in French and English)."""
    stem, _sep, code = name.rpartition("_")
    return (
        bool(stem)
        and code in settings.MODELTRANSLATION_LANGUAGES
        and (code not in language_codes())
    )


def translated(*names: str) -> list[str]:
    """Each of ``names`` in every language the site publishes in (search fields ...)."""
    return [build_localized_fieldname(name, code) for name in names for code in language_codes()]


def prepopulated_slugs(slug: str = "slug", source: str = "title") -> dict[str, tuple[str]]:
    """Each language's slug filled from the same language's ``source`` as staff type it."""
    return {
        build_localized_fieldname(slug, code): (build_localized_fieldname(source, code),)
        for code in language_codes()
    }


class ConfiguredLanguagesMixin:
    """For a translated model's admin or inline: the tabs and fields of the languages the
    site publishes in (CHAMBER_LANGUAGES), not of every language the database holds, each
    field named for people ("Corps (anglais)"). The name is lazy, as Django's own labels
    are: the history of changes stores it untranslated ("Body (English)") and shows it in
    the reader's language (``versions.change_message``)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(db_field, TranslationField):
            formfield.label = lazy_field_label(db_field)
        return formfield

    def get_fieldsets(self, request, obj=None):
        return [
            (name, {**options, "fields": self._configured(options["fields"])})
            for name, options in super().get_fieldsets(request, obj)
        ]

    def _configured(self, fields):
        kept = []
        for field in fields:
            if isinstance(field, (list, tuple)):
                kept.append(tuple(name for name in field if not unconfigured(name)))
            elif not unconfigured(field):
                kept.append(field)
        return kept


# The outbox's admin pages (registered on import, as Django's autodiscovery imports this).
from chamber.toolkit import admin_mail  # noqa: E402, F401
