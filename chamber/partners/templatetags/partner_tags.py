"""The home page's strip of partners' logos, rendered once per generation of the content."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from chamber.partners.models import Partner
from chamber.toolkit.cache import cached

register = template.Library()


@register.simple_tag
def partner_strip():
    """The shown partners' logos, premium first (one query when the cache has it not,
    none when it has)."""

    def render():
        partners = list(Partner.objects.shown().select_related("organisation"))
        if not partners:
            return ""
        return render_to_string("partners/_strip.html", {"partners": partners})

    return mark_safe(cached(f"partners:strip:{get_language()}", render))  # escaped by its template
