"""schema.org descriptions of fair and delegation pages (Event, with an Offer)."""

from django.utils.html import strip_tags
from django.utils.translation import get_language

from chamber.toolkit import structured_data


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
        organizer=structured_data.chamber(absolute),
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
