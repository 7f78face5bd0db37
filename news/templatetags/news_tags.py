"""Template tags of the news pages."""

from django import template
from easy_thumbnails.templatetags.thumbnail import thumbnail_url

from chamber.toolkit import structured_data
from chamber.toolkit.templatetags.chamber_tags import absolutizer
from news import structured_data as news_data

register = template.Library()


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    """The article described to search engines (NewsArticle), with its hero picture."""
    image_url = thumbnail_url(article.image, "hero") if article.image else ""
    return structured_data.script(news_data.article(article, absolutizer(context), image_url))
