"""schema.org descriptions of fair, delegation and event pages (Event, with its Offers).

An offer's availability says what the page says (``events/_availability.html``), from
the same facts: where registration stands and whether places are left.

| the page says                     | availability |
|-----------------------------------|--------------|
| N places left                     | InStock      |
| Full: wait list open              | SoldOut      |
| Registration opens on (a date)    | PreOrder, with validFrom that date |
| Registration closed               | SoldOut      |

A full event takes registrations on its wait list, but none of them holds a place: for
someone looking for one, it is sold out, as the page says. ``validThrough`` is always
when registration closes.
"""

from decimal import Decimal

from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chamber.toolkit import structured_data
from events.calendar import event_zone
from events.models import RegistrationState

SCHEMA = "https://schema.org/"
IN_STOCK = SCHEMA + "InStock"
SOLD_OUT = SCHEMA + "SoldOut"
PRE_ORDER = SCHEMA + "PreOrder"


def availability(occasion, now=None) -> str | None:
    """The schema.org availability of a delegation's or an event's places; None when
    visitors cannot see it (a draft, shown to staff only)."""
    state = occasion.registration_state(now)
    if state == RegistrationState.OPEN:
        return SOLD_OUT if occasion.is_full else IN_STOCK
    if state == RegistrationState.NOT_OPEN:
        return PRE_ORDER
    if state == RegistrationState.CLOSED:
        return SOLD_OUT
    return None


def offer(occasion, url: str, price, currency: str, name: str = "") -> dict:
    data = {
        "@type": "Offer",
        "price": f"{Decimal(price):.2f}",
        "priceCurrency": currency,
        "url": url,
        "validFrom": occasion.registration_opens_at.isoformat(),
        "validThrough": occasion.registration_closes_at.isoformat(),
    }
    if name:
        data["name"] = name
    state = availability(occasion)
    if state:
        data["availability"] = state
    return data


def postal_address(**parts) -> dict:
    return {"@type": "PostalAddress", **{key: value for key, value in parts.items() if value}}


def fair(fair, absolute) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": fair.name,
        "description": strip_tags(fair.description)[:300],
        "startDate": fair.starts_on.isoformat(),
        "endDate": fair.ends_on.isoformat(),
        "eventStatus": SCHEMA + "EventScheduled",
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "inLanguage": get_language(),
        "url": absolute(fair.get_absolute_url()),
        "location": {
            "@type": "Place",
            "name": fair.venue or fair.city,
            "address": postal_address(addressLocality=fair.city, addressCountry=fair.country),
        },
    }


def delegation(delegation, absolute) -> dict:
    data = fair(delegation.fair, absolute)
    url = absolute(delegation.get_absolute_url())
    data.update(
        name=delegation.title,
        description=strip_tags(delegation.summary or delegation.fair.name)[:300],
        url=url,
        organizer=structured_data.chamber(absolute),
        superEvent={"@type": "Event", "name": delegation.fair.name},
        offers=offer(delegation, url, delegation.fee, delegation.currency),
    )
    return data


def organizer(event, absolute) -> dict:
    """The organiser organisation (with its web site, else its page here), or the
    chamber."""
    organisation = event.organiser
    if organisation is None:
        return structured_data.chamber(absolute)
    return {
        "@type": "Organization",
        "name": organisation.name,
        "url": organisation.website or absolute(organisation.get_absolute_url()),
    }


def event_location(event, absolute) -> dict | list:
    """The venue with its full address, the event's page as its virtual location (the
    link to join is sent to accepted registrants only), or both."""
    locations = []
    if event.has_venue:
        locations.append(
            {
                "@type": "Place",
                "name": event.venue_name or event.locality,
                "address": postal_address(
                    streetAddress=event.street_address,
                    postalCode=event.postal_code,
                    addressLocality=event.locality,
                    addressCountry=event.country,
                ),
            }
        )
    if event.online_url or not locations:
        locations.append({"@type": "VirtualLocation", "url": absolute(event.get_absolute_url())})
    return locations[0] if len(locations) == 1 else locations


def attendance_mode(event) -> str:
    if event.online_url and event.has_venue:
        return SCHEMA + "MixedEventAttendanceMode"
    if event.has_venue:
        return SCHEMA + "OfflineEventAttendanceMode"
    return SCHEMA + "OnlineEventAttendanceMode"


def event(event, absolute, image_url: str = "") -> dict:
    """One of the chamber's events: where (a place, a link or both), when, by whom, its
    prices for members and for others, and its picture."""
    url = absolute(event.get_absolute_url())
    offers = [offer(event, url, event.price_members, event.currency, _("Members"))]
    if event.price_non_members is not None:
        offers.append(offer(event, url, event.price_non_members, event.currency, _("Non-members")))
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": strip_tags(event.summary or event.description)[:300],
        # With the offset of the event's own time zone, as its page shows it.
        "startDate": event.starts_at.astimezone(event_zone(event)).isoformat(),
        "endDate": event.ends_at.astimezone(event_zone(event)).isoformat(),
        "eventStatus": SCHEMA + "EventScheduled",
        "eventAttendanceMode": attendance_mode(event),
        "inLanguage": get_language(),
        "url": url,
        "location": event_location(event, absolute),
        "organizer": organizer(event, absolute),
        "offers": offers,
    }
    if image_url:
        data["image"] = [absolute(image_url)]
    return data
