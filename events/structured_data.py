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

Who organises and what is offered, honestly:

- an event: its organiser (an organisation, else the chamber); its partners present it
  (``performer``), else its organiser does; members' and others' prices;
- a delegation: the chamber leads it (organizer and performer); a company's place;
- a fair: the chamber does not run it, its organiser does (``Fair.organiser_name``, with
  the fair's web site), and nothing is claimed when staff have not named it; what its
  page offers are the chamber's delegations to it, one Offer each, as their cards say.
  A fair without a delegation has no offer here: its tickets are its organiser's.

Every venue has its full postal address (``events.models.Venue``: street, postal code,
city, ISO country code). Pictures come in three shapes (``chamber.toolkit.rich_images``):
a fair's or an event's own, a delegation's fair's, else the chamber's share picture.
Descriptions are plain text, cut at a word's end like the pages' share descriptions.
"""

from decimal import Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chamber.toolkit import rich_images, structured_data
from chamber.toolkit.templatetags.meta_tags import plain_text, shorten
from events.calendar import event_zone
from events.models import RegistrationState

SCHEMA = "https://schema.org/"
# Longest description: cut at a word's end, with an ellipsis.
DESCRIPTION_LENGTH = 300
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


def description(text) -> str:
    """``text`` (maybe rich text) as one line of plain text, cut at a word's end."""
    return shorten(plain_text(text), DESCRIPTION_LENGTH)


def postal_address(**parts) -> dict:
    return {"@type": "PostalAddress", **{key: value for key, value in parts.items() if value}}


def place(venue) -> dict:
    """A fair's or an event's venue (``events.models.Venue``) with its full address."""
    return {
        "@type": "Place",
        "name": venue.venue_name or venue.locality,
        "address": postal_address(
            streetAddress=venue.street_address,
            postalCode=venue.postal_code,
            addressLocality=venue.locality,
            addressCountry=venue.country,
        ),
    }


def fair_organizer(fair) -> dict | None:
    """Who runs the fair, with its web site: named by staff, else unknown (the chamber
    only takes delegations there)."""
    if not fair.organiser_name:
        return None
    data = {"@type": "Organization", "name": fair.organiser_name}
    if fair.website:
        data["url"] = fair.website
    return data


def fair(fair, absolute) -> dict:
    """A trade fair: where and when, who runs it, and what its page offers, the
    chamber's delegations to it (each with its fee, its page and its places, as their
    cards say). A fair without a delegation offers nothing here: its tickets are sold
    by its organiser."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": fair.name,
        "description": description(fair.description or fair.name),
        "startDate": fair.starts_on.isoformat(),
        "endDate": fair.ends_on.isoformat(),
        "eventStatus": SCHEMA + "EventScheduled",
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "inLanguage": get_language(),
        "url": absolute(fair.get_absolute_url()),
        "image": rich_images.image_urls(fair.image, absolute),
        "location": place(fair),
    }
    organizer = fair_organizer(fair)
    if organizer:
        # The organiser presents the fair: there is no other performer to name.
        data.update(organizer=organizer, performer=organizer)
    offers = [
        offer(
            delegation,
            absolute(delegation.get_absolute_url()),
            delegation.fee,
            delegation.currency,
            delegation.title,
        )
        for delegation in fair.delegations.all()
    ]
    if offers:
        data["offers"] = offers
    return data


def delegation(delegation, absolute) -> dict:
    """A delegation the chamber leads to a fair: at the fair's place and dates, led
    (organised and presented) by the chamber, with one offer, a company's place."""
    fair = delegation.fair
    url = absolute(delegation.get_absolute_url())
    chamber = structured_data.chamber(absolute)
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": delegation.title,
        "description": description(delegation.summary or fair.name),
        "startDate": fair.starts_on.isoformat(),
        "endDate": fair.ends_on.isoformat(),
        "eventStatus": SCHEMA + "EventScheduled",
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "inLanguage": get_language(),
        "url": url,
        # A delegation has no picture of its own: its fair's, else the chamber's.
        "image": rich_images.image_urls(fair.image, absolute),
        "location": place(fair),
        "organizer": chamber,
        "performer": chamber,
        "superEvent": {
            "@type": "Event",
            "name": fair.name,
            "url": absolute(fair.get_absolute_url()),
        },
        "offers": offer(delegation, url, delegation.fee, delegation.currency),
    }


def organizer(event, absolute) -> dict:
    """The organiser organisation (with its web site, else its page here), or the
    chamber."""
    organisation = event.organiser
    if organisation is None:
        return structured_data.chamber(absolute)
    return organisation_data(organisation, absolute)


def organisation_data(organisation, absolute) -> dict:
    return {
        "@type": "Organization",
        "name": organisation.name,
        "url": organisation.website or absolute(organisation.get_absolute_url()),
    }


def performers(event, absolute) -> list[dict]:
    """Who presents the event: its partner organisations, else its organiser."""
    partners = [organisation_data(partner, absolute) for partner in event.partners.all()]
    return partners or [organizer(event, absolute)]


def event_location(event, absolute) -> dict | list:
    """The venue with its full address, the event's page as its virtual location (the
    link to join is sent to accepted registrants only), or both."""
    locations = [place(event)] if event.has_venue else []
    if event.online_url or not locations:
        locations.append({"@type": "VirtualLocation", "url": absolute(event.get_absolute_url())})
    return locations[0] if len(locations) == 1 else locations


def attendance_mode(event) -> str:
    if event.online_url and event.has_venue:
        return SCHEMA + "MixedEventAttendanceMode"
    if event.has_venue:
        return SCHEMA + "OfflineEventAttendanceMode"
    return SCHEMA + "OnlineEventAttendanceMode"


def event(event, absolute) -> dict:
    """One of the chamber's events: where (a place, a link or both), when, by whom, its
    prices for members and for others, and its picture in three shapes (or the
    chamber's)."""
    url = absolute(event.get_absolute_url())
    offers = [offer(event, url, event.price_members, event.currency, _("Members"))]
    if event.price_non_members is not None:
        offers.append(offer(event, url, event.price_non_members, event.currency, _("Non-members")))
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": description(event.summary or event.description),
        # With the offset of the event's own time zone, as its page shows it.
        "startDate": event.starts_at.astimezone(event_zone(event)).isoformat(),
        "endDate": event.ends_at.astimezone(event_zone(event)).isoformat(),
        "eventStatus": SCHEMA + "EventScheduled",
        "eventAttendanceMode": attendance_mode(event),
        "inLanguage": get_language(),
        "url": url,
        "image": rich_images.image_urls(event.image, absolute),
        "location": event_location(event, absolute),
        "organizer": organizer(event, absolute),
        "performer": performers(event, absolute),
        "offers": offers,
    }
    return data
