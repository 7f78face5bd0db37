"""Helpers for admin tests: admin URLs and the POST data of a complete admin form."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

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
