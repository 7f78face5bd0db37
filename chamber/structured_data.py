"""schema.org descriptions of pages (JSON-LD), for search engines' rich results."""

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.translation import get_language


def _organisation(absolute) -> dict:
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": absolute("/"),
        "logo": absolute(static("img/share-default.png")),
    }


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
        "publisher": _organisation(absolute),
    }
    if image_url:
        data["image"] = [absolute(image_url)]
    return data


def fair(fair, absolute) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": fair.name,
        "description": strip_tags(fair.description)[:300],
        "startDate": fair.starts_on.isoformat(),
        "endDate": fair.ends_on.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": get_language(),
        "url": absolute(fair.get_absolute_url()),
        "location": {
            "@type": "Place",
            "name": fair.venue or fair.city,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": fair.city,
                "addressCountry": fair.country,
            },
        },
    }


def delegation(delegation, absolute) -> dict:
    data = fair(delegation.fair, absolute)
    data.update(
        name=delegation.title,
        description=strip_tags(delegation.summary or delegation.fair.name)[:300],
        url=absolute(delegation.get_absolute_url()),
        organizer=_organisation(absolute),
        superEvent={"@type": "Event", "name": delegation.fair.name},
        offers={
            "@type": "Offer",
            "price": str(delegation.fee),
            "priceCurrency": delegation.currency,
            "url": absolute(delegation.get_absolute_url()),
            "validFrom": delegation.registration_opens_at.isoformat(),
            "availability": "https://schema.org/InStock"
            if delegation.places_left
            else "https://schema.org/LimitedAvailability",
        },
    )
    return data
