"""iCalendar (RFC 5545) documents for fairs, delegations and the chamber's events, in
the active language.

A fair, and a delegation at its fair, is an all-day event over the fair's dates (DTEND
is the day after the last day, as the RFC says); a delegation's file adds the last day
to register. An event has its times in its own time zone (TZID), described by a
VTIMEZONE component. UIDs are built from the row's id and the site's host, so a calendar
that imported an item recognises it when it changes.
"""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from icalendar import Calendar, Event

from chamber.toolkit import l10n
from events import occasions

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _uid(kind: str, pk: int) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"{kind}-{pk}@{host}"


def _utc(value: datetime.datetime) -> datetime.datetime:
    return value.astimezone(datetime.UTC)


def _local(value: datetime.datetime) -> datetime.datetime:
    # zoneinfo gives icalendar a TZID it can describe in a VTIMEZONE.
    return value.astimezone(ZoneInfo(settings.TIME_ZONE))


def _text(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part)


def _location(place) -> str:
    """The venue's structured address on one line, the country named in the file's
    language."""
    return occasions.address(place)


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    language = (translation.get_language() or settings.LANGUAGE_CODE).upper()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//Agenda//{language}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def fair_event(fair, url: str) -> Event:
    event = Event()
    event.add("uid", _uid("fair", fair.pk))
    event.add("dtstamp", _utc(fair.updated_at))
    event.add("last-modified", _utc(fair.updated_at))
    event.add("dtstart", fair.starts_on)
    event.add("dtend", fair.ends_on + datetime.timedelta(days=1))
    event.add("summary", fair.name)
    event.add("location", _location(fair))
    event.add("url", url)
    event.add("description", _text(fair.description, url))
    event.add("transp", "TRANSPARENT")
    return event


def delegation_event(delegation, url: str) -> Event:
    """The delegation at its fair: all day, over the fair's dates."""
    fair = delegation.fair
    stamp = _utc(max(delegation.updated_at, fair.updated_at))
    at_fair = Event()
    at_fair.add("uid", _uid("delegation", delegation.pk))
    at_fair.add("dtstamp", stamp)
    at_fair.add("last-modified", stamp)
    at_fair.add("dtstart", fair.starts_on)
    at_fair.add("dtend", fair.ends_on + datetime.timedelta(days=1))
    at_fair.add("summary", f"{delegation.title} — {fair.name}")
    at_fair.add("location", _location(fair))
    at_fair.add("url", url)
    at_fair.add("description", _text(delegation.summary, delegation.offer, url))
    at_fair.add("categories", [str(_("Trade-fair delegation"))])
    at_fair.add("transp", "TRANSPARENT")
    return at_fair


def registration_deadline(delegation, url: str) -> Event:
    """The last day to register, all day, with the closing time in its text.

    Its UID is the one the registration window had when this file described it as a
    weeks-long event: a calendar that imported that file replaces it with this day."""
    closes = _local(delegation.registration_closes_at)
    # Closing at midnight, the last day to register is the day before.
    last_day = (closes - datetime.timedelta(microseconds=1)).date()
    stamp = _utc(max(delegation.updated_at, delegation.fair.updated_at))
    deadline = Event()
    deadline.add("uid", _uid("delegation-registration", delegation.pk))
    deadline.add("sequence", 1)
    deadline.add("dtstamp", stamp)
    deadline.add("last-modified", stamp)
    deadline.add("dtstart", last_day)
    deadline.add("dtend", last_day + datetime.timedelta(days=1))
    deadline.add("summary", _("Registration closes: %(title)s") % {"title": delegation.title})
    closing = _("Registration closes on %(date)s at %(time)s (%(zone)s).") % {
        "date": l10n.long_date(closes),
        "time": l10n.time_of_day(closes),
        "zone": settings.TIME_ZONE,
    }
    deadline.add("url", url)
    deadline.add("description", _text(closing, url))
    deadline.add("transp", "TRANSPARENT")
    return deadline


def delegation_events(delegation, url: str, now=None) -> list[Event]:
    """A delegation's file: its days at the fair and, while registration is not closed,
    the last day to register."""
    events = [delegation_event(delegation, url)]
    if (now or timezone.now()) < delegation.registration_closes_at:
        events.append(registration_deadline(delegation, url))
    return events


def event_zone(event) -> ZoneInfo:
    """The event's own time zone (the site's, should its name be unknown: a page or a
    file never fails for it)."""
    try:
        return ZoneInfo(event.time_zone)
    except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        return ZoneInfo(settings.TIME_ZONE)


def event_location(event) -> str:
    """The venue's structured address on one line, or "Online" (the link itself is for
    accepted registrants only, never in a public file)."""
    if not event.has_venue:
        return str(pgettext("place", "Online"))
    return _location(event)


def event_component(event, url: str) -> Event:
    """One of the chamber's events, at its times in its own time zone (TZID, described
    by a VTIMEZONE that ``to_response`` adds)."""
    zone = event_zone(event)
    stamp = _utc(event.updated_at)
    component = Event()
    component.add("uid", _uid("event", event.pk))
    component.add("dtstamp", stamp)
    component.add("last-modified", stamp)
    component.add("dtstart", event.starts_at.astimezone(zone))
    component.add("dtend", event.ends_at.astimezone(zone))
    component.add("summary", event.title)
    component.add("location", event_location(event))
    component.add("url", url)
    component.add("description", _text(event.summary, strip_tags(event.description), url))
    component.add("categories", [event.get_kind_display()])
    component.add("status", "CONFIRMED")
    return component


def to_response(calendar: Calendar, filename: str | None = None) -> HttpResponse:
    """The calendar as a response; with ``filename``, as a download."""
    # Describe the time zone over the years the events span (plus a margin), no more.
    moments = []
    for event in calendar.walk("VEVENT"):
        for name in ("DTSTART", "DTEND"):
            if name in event and isinstance(value := event.decoded(name), datetime.datetime):
                moments.append(value)
    if moments:
        calendar.add_missing_timezones(
            first_date=datetime.date(min(moments).year - 1, 1, 1),
            last_date=datetime.date(max(moments).year + 2, 1, 1),
        )
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
