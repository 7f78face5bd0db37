"""Template tags of the news pages."""

from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from easy_thumbnails.templatetags.thumbnail import thumbnail_url

from chamber.toolkit import structured_data
from chamber.toolkit.cache import keep, read, seconds_to_keep
from chamber.toolkit.templatetags.chamber_tags import absolutizer
from news import structured_data as news_data

register = template.Library()

CARD_TEMPLATE = "includes/_article_card.html"


@register.simple_tag
def article_cards(articles):
    """The articles' cards, in order. A card is rendered once per language and
    generation of the content, then read from the cache: the whole list in one read.
    Search results (articles with ``title_marked``) are rendered each time."""
    template = get_template(CARD_TEMPLATE)
    articles = list(articles)
    language = get_language()
    keys = {
        article.pk: f"card:{language}:{article.pk}"
        for article in articles
        if not hasattr(article, "title_marked")
    }
    current, found = read(*keys.values())
    rendered, fresh = [], {}
    for article in articles:
        key = keys.get(article.pk)
        card = found.get(key)
        if card is None:
            card = template.render(
                {
                    "article": article,
                    "title_marked": getattr(article, "title_marked", ""),
                    "lead_marked": getattr(article, "lead_marked", ""),
                }
            )
            if key:
                fresh[key] = card
        rendered.append(card)
    if fresh:
        keep(fresh, current, seconds_to_keep())
    return mark_safe("".join(rendered))  # each card escaped by its template


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    """The article described to search engines (NewsArticle), with its hero picture."""
    image_url = thumbnail_url(article.image, "hero") if article.image else ""
    return structured_data.script(news_data.article(article, absolutizer(context), image_url))
