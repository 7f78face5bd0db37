"""Helpers for admin tests: admin URLs and the POST data of a complete admin form."""

import datetime

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db.models import Model
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone

from tests.support.languages import LANGUAGES

TABS_SCRIPT = "modeltranslation/js/tabbed_translation_fields.js"


def admin_url(model, action: str, *args) -> str:
    """``admin:<app>_<model>_<action>``, e.g. ``admin_url(Article, "change", pk)``."""
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{action}", args=args)


def management_form(prefix: str, total: int, initial: int = 0) -> dict[str, str]:
    """The hidden fields Django's formsets (admin inlines) expect."""
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def form_errors(response) -> dict:
    """The errors of the admin form and its inlines, for assertion messages."""
    context = response.context
    errors = {}
    if context and "adminform" in context:
        errors.update(context["adminform"].form.errors)
        for formset in context.get("inline_admin_formsets", []):
            errors[formset.formset.prefix] = formset.formset.errors
    return errors


def assert_language_tabs(page, fields):
    """The admin form shows ``fields`` once per language, with the tab script; every
    script it loads from the static files exists (jQuery UI is ours, not a CDN's)."""
    static_prefix = "/" + settings.STATIC_URL.lstrip("/")
    scripts = [script.get("src") for script in page.find_all("script") if script.get("src")]
    assert static_prefix + TABS_SCRIPT in scripts, scripts
    assert static_prefix + settings.JQUERY_UI_URL in scripts, scripts
    for src in scripts:
        if src.startswith(static_prefix):
            assert finders.find(src.removeprefix(static_prefix)), f"missing static file {src}"
    for field in fields:
        for code in LANGUAGES:
            assert page.find(id=f"id_{field}_{code}") is not None, f"id_{field}_{code}"
        assert page.find(id=f"id_{field}") is None, f"untranslated id_{field} shown"


def form_data(form) -> dict:
    """The POST data that submits ``form`` (an admin form or an inline's) unchanged."""
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or value is False:
            continue
        key = form.add_prefix(name)
        if isinstance(value, datetime.datetime):
            local = timezone.localtime(value)
            data[f"{key}_0"] = local.strftime("%Y-%m-%d")
            data[f"{key}_1"] = local.strftime("%H:%M:%S")
        elif isinstance(value, datetime.date):
            data[key] = value.isoformat()
        elif isinstance(value, Model):
            data[key] = value.pk
        elif isinstance(value, (list, tuple)):
            data[key] = [item.pk if isinstance(item, Model) else item for item in value]
        elif value is True:
            data[key] = "on"
        elif isinstance(value, FieldFile):  # a stored file: left as it is
            continue
        else:
            data[key] = value
        if field.show_hidden_initial:
            # A field with a callable default (a publish time) also posts its initial
            # value, hidden: without it, the form takes the field as changed.
            initial = form.add_initial_prefix(name)
            for suffix in ("", "_0", "_1"):
                if key + suffix in data:
                    data[initial + suffix] = data[key + suffix]
    return data


def change_form_data(response) -> dict:
    """The POST data that submits an admin change page (its form and every inline)
    unchanged; tests then change what they need."""
    context = response.context
    data = form_data(context["adminform"].form)
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update(
            {management.add_prefix(name): value for name, value in management.initial.items()}
        )
        for form in formset.forms:
            data.update(form_data(form))
    return data
