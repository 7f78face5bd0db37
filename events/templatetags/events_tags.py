"""Template tags of the fair, delegation and event pages."""

from django import template

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
    """The chamber's event described to search engines (Event)."""
    return structured_data.script(events_data.event(event, absolutizer(context)))
