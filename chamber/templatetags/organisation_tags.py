from django import template

from chamber import structured_data as chamber_data
from chamber.toolkit import structured_data
from chamber.toolkit.templatetags.chamber_tags import absolutizer

register = template.Library()


@register.simple_tag(takes_context=True)
def organisation_json_ld(context, organisation):
    """The organisation described to search engines."""
    return structured_data.script(chamber_data.organisation(organisation, absolutizer(context)))
