"""schema.org descriptions of fair, delegation and event pages (Event, with an Offer)."""

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


def event(event, absolute) -> dict:
    """One of the chamber's own events: where (a place, a link or both), when, by whom."""
    if event.online_url and event.has_venue:
        mode = "https://schema.org/MixedEventAttendanceMode"
    elif event.online_url:
        mode = "https://schema.org/OnlineEventAttendanceMode"
    else:
        mode = "https://schema.org/OfflineEventAttendanceMode"
    locations = []
    if event.has_venue:
        locations.append(
            {
                "@type": "Place",
                "name": event.venue_name or event.locality,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": event.street_address,
                    "postalCode": event.postal_code,
                    "addressLocality": event.locality,
                    "addressCountry": event.country,
                },
            }
        )
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": absolute(event.get_absolute_url())})
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": strip_tags(event.summary or event.description)[:300],
        "startDate": event.starts_at.isoformat(),
        "endDate": event.ends_at.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": mode,
        "inLanguage": get_language(),
        "url": absolute(event.get_absolute_url()),
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": structured_data.chamber(absolute),
    }
