"""Template tags of the fair, delegation and event pages and of the agenda."""

from django import template

from chamber.toolkit import l10n, structured_data
from chamber.toolkit.templatetags.chamber_tags import absolutizer
from events import occasions
from events import structured_data as events_data

register = template.Library()


@register.simple_tag(takes_context=True)
def fair_json_ld(context, fair):
    """The fair described to search engines (Event, with its delegations' Offers)."""
    return structured_data.script(events_data.fair(fair, absolutizer(context)))


@register.simple_tag(takes_context=True)
def delegation_json_ld(context, delegation):
    """The delegation described to search engines (Event with its Offer)."""
    return structured_data.script(events_data.delegation(delegation, absolutizer(context)))


@register.simple_tag(takes_context=True)
def event_json_ld(context, event):
    """The chamber's event described to search engines (Event with its Offers and its
    pictures)."""
    return structured_data.script(events_data.event(event, absolutizer(context)))


@register.filter
def postal_address(place) -> str:
    """A fair's or an event's postal address on one line, the country named in the
    page's language."""
    return occasions.postal_address(place)


@register.filter
def country_name(code: str) -> str:
    """The country of a two-letter code, named in the page's language."""
    return occasions.country_name(code)


@register.filter
def price(amount, currency: str = ""):
    """An amount with its currency as the page's language writes it ("₩30,000",
    "1 500 €"), or "Free" for zero."""
    return l10n.price(amount, currency)
