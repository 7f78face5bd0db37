"""What registrants are told about the occasion they register for: a delegation (to a
fair) or one of the chamber's own events, in words that fit each.

Pages, e-mails and messages read these helpers rather than testing the occasion's type
themselves, so that the registration engine stays one for both.
"""

import datetime
import zoneinfo

from babel import Locale, UnknownLocaleError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from chamber.toolkit import l10n
from events.models import Delegation, Event


def is_event(occasion) -> bool:
    return isinstance(occasion, Event)


def model_for(registration):
    """The model of the occasion ``registration`` is for (without reading it)."""
    return Delegation if registration.delegation_id else Event


def description(occasion) -> str:
    """The occasion as a noun phrase in the active language, for a sentence such as
    "We have received the registration of X for <description>"."""
    if is_event(occasion):
        return _("the event “%(title)s”") % {"title": occasion.title}
    return _("the delegation “%(title)s” at %(fair)s") % {
        "title": occasion.title,
        "fair": occasion.fair.name,
    }


def event_zone(event) -> datetime.tzinfo:
    try:
        return zoneinfo.ZoneInfo(event.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return timezone.get_default_timezone()


def event_when(event) -> str:
    """When the event takes place, in its own time zone, named (active language):
    "12 June 2025, 18:30 – 21:00 (Korean Time)"."""
    zone = event_zone(event)
    starts = timezone.localtime(event.starts_at, zone)
    ends = timezone.localtime(event.ends_at, zone)
    start_text = l10n.long_datetime(starts)
    if starts.date() == ends.date():
        end_text = l10n.time_of_day(ends)
    else:
        end_text = l10n.long_datetime(ends)
    return f"{start_text} – {end_text} ({l10n.zone_name(event.time_zone)})"


def country_name(code: str, language: str | None = None) -> str:
    """The country of a two-letter code, in ``language`` (the active one by default)."""
    if not code:
        return ""
    try:
        locale = Locale.parse(translation.to_locale(language or translation.get_language()))
    except (UnknownLocaleError, ValueError):
        return code
    return locale.territories.get(code.upper(), code)


# CLDR's two-letter regions that are no country: the EU, the euro area, the UN, outlying
# Oceania, pseudo-locales and "unknown".
NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    """Every country as (code, name), named and sorted in ``language`` (the active
    one by default), for the admin's country menus."""
    try:
        locale = Locale.parse(translation.to_locale(language or translation.get_language()))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    countries = [
        (code, name)
        for code, name in locale.territories.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    ]
    return sorted(countries, key=lambda country: country[1].casefold())


def postal_address(place) -> str:
    """The postal address of a fair's or an event's venue on one line, the country
    named in the active language: "ZAC Paris Nord 2, 93420 Villepinte, France"."""
    locality = " ".join(part for part in (place.postal_code, place.locality) if part)
    parts = [place.street_address, locality, country_name(place.country)]
    return ", ".join(part for part in parts if part)


def address(place) -> str:
    """The venue's name and its postal address on one line: "Paris Nord Villepinte,
    ZAC Paris Nord 2, 93420 Villepinte, France"."""
    return ", ".join(part for part in (place.venue_name, postal_address(place)) if part)


def event_place(event) -> str:
    """Where the event takes place: its address, "online", or both (the link itself is
    only for accepted registrants)."""
    if event.has_venue and event.online_url:
        return _("%(address)s, and online") % {"address": address(event)}
    if event.has_venue:
        return address(event)
    return _("Online")


def fair_dates(fair) -> str:
    return l10n.date_range(fair.starts_on, fair.ends_on)


def fair_place(fair) -> str:
    return address(fair)


def facts(occasion) -> list[tuple[str, str]]:
    """The main facts of the occasion as (label, text) lines, in the active language,
    for e-mails."""
    if is_event(occasion):
        return [
            (_("Event"), occasion.title),
            (_("When"), event_when(occasion)),
            (_("Where"), event_place(occasion)),
        ]
    fair = occasion.fair
    return [
        (_("Delegation"), occasion.title),
        (_("Fair"), f"{fair.name}, {fair_dates(fair)}"),
        (_("Where"), fair_place(fair)),
    ]
