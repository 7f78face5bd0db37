from django import template
from easy_thumbnails.templatetags.thumbnail import thumbnail_url

from chamber.publications import structured_data as publication_data
from chamber.toolkit import structured_data
from chamber.toolkit.templatetags.chamber_tags import absolutizer

register = template.Library()


@register.simple_tag(takes_context=True)
def publication_json_ld(context, publication):
    """The publication described to search engines, with its cover."""
    image_url = thumbnail_url(publication.cover, "card") if publication.cover else ""
    return structured_data.script(
        publication_data.publication(publication, absolutizer(context), image_url)
    )
