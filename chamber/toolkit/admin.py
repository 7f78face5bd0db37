"""Helpers shared by every app's admin."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from easy_thumbnails.files import get_thumbnailer
from modeltranslation.utils import build_localized_fieldname

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
        for code, _name in settings.LANGUAGES:
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
