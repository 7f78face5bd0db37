"""iCalendar (RFC 5545) documents for fairs and delegations, in the active language.

A fair is an all-day event over its dates (DTEND is the day after the last day, as the
RFC says). A delegation's file adds its registration window with times in the site's
time zone, described by a VTIMEZONE component. UIDs are built from the row's id and the
site's host, so a calendar that imported a fair recognises it when it changes.
"""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _uid(kind: str, pk: int) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"{kind}-{pk}@{host}"


def _utc(value: datetime.datetime) -> datetime.datetime:
    return value.astimezone(datetime.UTC)


def _local(value: datetime.datetime) -> datetime.datetime:
    # zoneinfo gives icalendar a TZID it can describe in a VTIMEZONE.
    return value.astimezone(ZoneInfo(settings.TIME_ZONE))


def _location(fair) -> str:
    return ", ".join(part for part in (fair.venue, fair.city, fair.country) if part)


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    language = (translation.get_language() or settings.LANGUAGE_CODE).upper()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//Trade fairs//{language}")
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
    event.add("description", "\n\n".join(part for part in (fair.description, url) if part))
    event.add("transp", "TRANSPARENT")
    return event


def delegation_events(delegation, url: str) -> list[Event]:
    fair = delegation.fair
    stamp = _utc(max(delegation.updated_at, fair.updated_at))
    text = "\n\n".join(part for part in (delegation.summary, delegation.offer, url) if part)

    at_fair = Event()
    at_fair.add("uid", _uid("delegation", delegation.pk))
    at_fair.add("dtstamp", stamp)
    at_fair.add("last-modified", stamp)
    at_fair.add("dtstart", fair.starts_on)
    at_fair.add("dtend", fair.ends_on + datetime.timedelta(days=1))
    at_fair.add("summary", f"{delegation.title} — {fair.name}")
    at_fair.add("location", _location(fair))
    at_fair.add("url", url)
    at_fair.add("description", text)
    at_fair.add("transp", "TRANSPARENT")

    window = Event()
    window.add("uid", _uid("delegation-registration", delegation.pk))
    window.add("dtstamp", stamp)
    window.add("last-modified", stamp)
    window.add("dtstart", _local(delegation.registration_opens_at))
    window.add("dtend", _local(delegation.registration_closes_at))
    window.add("summary", _("Registration: %(title)s") % {"title": delegation.title})
    window.add("url", url)
    window.add("description", text)
    window.add("transp", "TRANSPARENT")
    return [at_fair, window]


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
