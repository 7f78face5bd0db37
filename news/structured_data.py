"""schema.org description of an article page (NewsArticle).

Its author is the one the page names in its byline (``Article.byline``): the person
who wrote it, else the chamber. Its pictures are the article's in the three shapes
search engines ask for, or the chamber's share picture (``chamber.toolkit.rich_images``).
"""

from django.utils.translation import get_language

from chamber.toolkit import rich_images, structured_data
from chamber.toolkit.templatetags.meta_tags import plain_text, shorten

# Longest description: cut at a word's end, with an ellipsis.
DESCRIPTION_LENGTH = 300


def author(article, absolute) -> dict:
    """The person who wrote the article, by the name the byline shows; the chamber when
    no one is named."""
    name = article.author_name
    if not name:
        return structured_data.chamber(absolute)
    return {"@type": "Person", "name": name}


def article(article, absolute) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": shorten(plain_text(article.description), DESCRIPTION_LENGTH),
        "image": rich_images.image_urls(article.image, absolute),
        "author": [author(article, absolute)],
        "publisher": structured_data.chamber(absolute),
        "datePublished": article.published_at.isoformat(),
        # A scheduled article was last edited before it came out: never before it.
        "dateModified": max(article.updated_at, article.published_at).isoformat(),
        "inLanguage": get_language(),
        "mainEntityOfPage": absolute(article.get_absolute_url()),
        "articleSection": article.category.name,
    }
