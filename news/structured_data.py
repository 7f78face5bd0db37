"""schema.org description of an article page (NewsArticle)."""

from django.utils.html import strip_tags
from django.utils.translation import get_language

from chamber.toolkit import structured_data


def article(article, absolute, image_url: str = "") -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": strip_tags(article.description)[:300],
        "datePublished": article.published_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "inLanguage": get_language(),
        "mainEntityOfPage": absolute(article.get_absolute_url()),
        "articleSection": article.category.name,
        "publisher": structured_data.chamber(absolute),
    }
    if image_url:
        data["image"] = [absolute(image_url)]
    return data
