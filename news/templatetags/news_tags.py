"""Template tags of the news pages."""

from django import template

from chamber.toolkit import structured_data
from chamber.toolkit.fragments import render_each
from chamber.toolkit.templatetags.chamber_tags import absolutizer
from news import structured_data as news_data

register = template.Library()

CARD_TEMPLATE = "includes/_article_card.html"


@register.simple_tag
def article_cards(articles, eager_first=False, sizes=""):
    """The articles' cards, in order, each rendered once per language and generation of
    the content (``chamber.toolkit.fragments``). Search results (with ``title_marked``)
    are rendered each time, with their matches marked. ``eager_first``: the cards hold
    the page's first picture (the first card's with an image is loaded at once);
    ``sizes``: the grid they are in, when not a page-wide one (a key of
    ``chamber.toolkit.renditions.SIZES``)."""
    return render_each(
        articles,
        CARD_TEMPLATE,
        "article",
        extra=lambda article: {
            "title_marked": getattr(article, "title_marked", ""),
            "lead_marked": getattr(article, "lead_marked", ""),
            "sizes": sizes,
        },
        fresh=lambda article: hasattr(article, "title_marked"),
        eager_first=(lambda article: bool(article.image)) if eager_first else None,
        variant=sizes,
    )


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    """The article described to search engines (NewsArticle), with its author and its
    pictures."""
    return structured_data.script(news_data.article(article, absolutizer(context)))
