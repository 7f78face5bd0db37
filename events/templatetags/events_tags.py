"""Template tags of the fair, delegation and event pages and of the agenda."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from easy_thumbnails.templatetags.thumbnail import thumbnail_url

from chamber.toolkit import structured_data
from chamber.toolkit.templatetags.chamber_tags import absolutizer
from events import structured_data as events_data

register = template.Library()


@register.simple_tag(takes_context=True)
def fair_json_ld(context, fair):
    """The fair described to search engines (Event)."""
    return structured_data.script(events_data.fair(fair, absolutizer(context)))


@register.simple_tag(takes_context=True)
def delegation_json_ld(context, delegation):
    """The delegation described to search engines (Event with its Offer)."""
    return structured_data.script(events_data.delegation(delegation, absolutizer(context)))


@register.simple_tag(takes_context=True)
def event_json_ld(context, event):
    """The chamber's event described to search engines (Event with its Offers and its
    picture at 1200 × 630)."""
    image_url = thumbnail_url(event.image, "hero") if event.image else ""
    return structured_data.script(events_data.event(event, absolutizer(context), image_url))


@register.filter
def price(amount, currency: str = ""):
    """An amount with its currency, in the page language's number format ("30,000 KRW",
    "1 500 EUR"), or "Free" for zero."""
    if amount is None:
        return ""
    amount = Decimal(amount)
    if not amount:
        return _("Free")
    places = 0 if amount == amount.to_integral_value() else 2
    text = number_format(amount, decimal_pos=places, use_l10n=True, force_grouping=True)
    return f"{text} {currency}".strip()
