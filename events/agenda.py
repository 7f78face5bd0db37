"""The agenda: the chamber's events and the delegations it leads to fairs, in one list.

A delegation stands in the agenda at its fair's dates (all day), an event at its times
in its own time zone. The list is one query over both tables (a UNION of their sort
keys), paginated in the database, then the page's rows are read by id: four queries
whatever the number of items. What a visitor sees is the rule of ``visible()`` (published,
ready in the page's language) for both.

Upcoming items (not over yet) come soonest first; past ones, on their own page, most
recent first. Filters are query parameters (``?kind=webinar``, ``?month=2027-03``) that
work as plain links; the month view is a calendar grid that needs no JavaScript.
"""

import calendar as calendar_module
import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from chamber.toolkit import l10n
from chamber.toolkit.i18n import find_by_translated_slug
from chamber.toolkit.pagination import LongListPaginator
from chamber.toolkit.publication import active_language
from events import calendar
from events.models import Delegation, Event

DELEGATION = "delegation"
DELEGATION_LABEL = gettext_lazy("Trade-fair delegation")
UPCOMING, PAST, ALL = "upcoming", "past", "all"
# Month pages a visitor may ask for: from this year back, and a few years ahead (the
# next-month links are endless; a crawler stops here).
FIRST_YEAR = 2000
YEARS_AHEAD = 5


def site_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def kind_choices() -> list[tuple[str, str]]:
    """The kinds a visitor may filter by: each kind of event, and the delegations."""
    return [*Event.Kind.choices, (DELEGATION, DELEGATION_LABEL)]


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> "Month":
        """``2027-03``; Http404 for anything else (or a month out of range)."""
        try:
            year, month = (int(part) for part in text.split("-"))
            return cls.of(year, month)
        except ValueError as error:
            raise Http404 from error

    @classmethod
    def of(cls, year: int, month: int) -> "Month":
        today = timezone.localdate()
        if not (1 <= month <= 12 and FIRST_YEAR <= year <= today.year + YEARS_AHEAD):
            raise Http404
        return cls(year, month)

    @classmethod
    def current(cls) -> "Month":
        today = timezone.localdate()
        return cls(today.year, today.month)

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    @property
    def last_day(self) -> datetime.date:
        return self.next().first_day - datetime.timedelta(days=1)

    def next(self) -> "Month":
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> "Month":
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        return l10n.year_month(self.first_day)

    def is_reachable(self) -> bool:
        return FIRST_YEAR <= self.year <= timezone.localdate().year + YEARS_AHEAD


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), site_zone())


@dataclass
class Filters:
    """What the agenda shows: a section (upcoming or past), a kind, a month."""

    section: str = UPCOMING
    kind: str = ""
    month: Month | None = None

    @classmethod
    def from_query(cls, query, section: str = UPCOMING) -> "Filters":
        kind = query.get("kind", "")
        if kind and kind not in dict(kind_choices()):
            raise Http404
        month = query.get("month", "")
        return cls(section, kind, Month.parse(month) if month else None)

    @property
    def active(self) -> bool:
        return bool(self.kind or self.month)

    @property
    def labels(self) -> list[str]:
        """The kind and the month chosen, in words (for the page's title)."""
        labels = [str(dict(kind_choices())[self.kind])] if self.kind else []
        return labels + ([self.month.label] if self.month else [])

    def key(self) -> str:
        return f"{self.section}:{self.kind}:{self.month or ''}"

    def events(self):
        if self.kind == DELEGATION:
            return None
        events = Event.objects.visible()
        if self.section == UPCOMING:
            events = events.upcoming(timezone.now())
        elif self.section == PAST:
            events = events.past(timezone.now())
        if self.kind:
            events = events.filter(kind=self.kind)
        if self.month:
            events = events.filter(
                starts_at__lt=_midnight(self.month.next().first_day),
                ends_at__gte=_midnight(self.month.first_day),
            )
        return events

    def delegations(self):
        if self.kind and self.kind != DELEGATION:
            return None
        delegations = Delegation.objects.visible()
        today = timezone.localdate()
        if self.section == UPCOMING:
            delegations = delegations.filter(fair__ends_on__gte=today)
        elif self.section == PAST:
            delegations = delegations.filter(fair__ends_on__lt=today)
        if self.month:
            delegations = delegations.filter(
                fair__starts_on__lte=self.month.last_day,
                fair__ends_on__gte=self.month.first_day,
            )
        return delegations


# The sort keys of an agenda row. A delegation is an all-day item: on a given day it
# comes before the events (rank 0), as calendars list all-day items first.
_NO_MOMENT = Value(None, output_field=models.DateTimeField())
SORT_KEYS = ("day", "rank", "moment", "pk")


def agenda_rows(filters: Filters):
    """The sort keys of the items ``filters`` selects (dicts with ``type``, ``pk``,
    ``day``, ``rank``, ``moment``), in the agenda's order, as one query."""
    parts = []
    events = filters.events()
    if events is not None:
        parts.append(
            events.annotate(
                type=Value("event"),
                day=TruncDate("starts_at", tzinfo=site_zone()),
                rank=Value(1),
                moment=F("starts_at"),
            )
            .values("type", "pk", "day", "rank", "moment")
            .order_by()
        )
    delegations = filters.delegations()
    if delegations is not None:
        parts.append(
            delegations.annotate(
                type=Value(DELEGATION),
                day=F("fair__starts_on"),
                rank=Value(0),
                moment=_NO_MOMENT,
            )
            .values("type", "pk", "day", "rank", "moment")
            .order_by()
        )
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    descending = filters.section == PAST
    return rows.order_by(*(f"-{key}" if descending else key for key in SORT_KEYS))


class AgendaPaginator(LongListPaginator):
    """Pages of the agenda's UNION, the total kept in the cache like any long list's.
    A page is read by LIMIT and OFFSET: a union has no single index to read backwards,
    and an agenda holds hundreds of items, not hundreds of thousands."""

    def page(self, number):
        return Paginator.page(self, number)


@dataclass
class Entry:
    """One item of the agenda: an event, or a delegation at its fair's dates."""

    occasion: Event | Delegation
    is_delegation: bool = False

    @property
    def kind(self) -> str:
        return DELEGATION if self.is_delegation else self.occasion.kind

    @property
    def kind_label(self) -> str:
        return str(DELEGATION_LABEL) if self.is_delegation else self.occasion.get_kind_display()

    @property
    def first_day(self) -> datetime.date:
        if self.is_delegation:
            return self.occasion.fair.starts_on
        return local(self.occasion, self.occasion.starts_at).date()

    @property
    def last_day(self) -> datetime.date:
        if self.is_delegation:
            return self.occasion.fair.ends_on
        return local(self.occasion, self.occasion.ends_at).date()

    @property
    def zone_name(self) -> str:
        """The time zone the event's times are shown in (its own)."""
        return calendar.event_zone(self.occasion).key

    def covers(self, day: datetime.date) -> bool:
        return self.first_day <= day <= self.last_day


def local(event, moment: datetime.datetime) -> datetime.datetime:
    """``moment`` in the event's own time zone."""
    return moment.astimezone(calendar.event_zone(event))


def entries(rows) -> list[Entry]:
    """The events and delegations of ``rows`` (from ``agenda_rows``), read in two
    queries at most, as entries in the rows' order."""
    rows = list(rows)
    wanted = {"event": [], DELEGATION: []}
    for row in rows:
        wanted[row["type"]].append(row["pk"])
    found = {
        "event": Event.objects.for_listing().in_bulk(wanted["event"]) if wanted["event"] else {},
        DELEGATION: (
            Delegation.objects.for_listing().in_bulk(wanted[DELEGATION])
            if wanted[DELEGATION]
            else {}
        ),
    }
    return [
        Entry(found[row["type"]][row["pk"]], is_delegation=row["type"] == DELEGATION)
        for row in rows
        if row["pk"] in found[row["type"]]
    ]


def month_entries(month: Month, kind: str = "") -> list[Entry]:
    """Every visible item that takes place (in part) in ``month``, past or upcoming,
    in the agenda's order (three queries)."""
    return entries(agenda_rows(Filters(ALL, kind, month)))


def month_grid(month: Month, items: list[Entry]) -> list[list[dict]]:
    """The weeks of ``month`` (the locale's first day of the week first), each a list of
    days: the date, whether it belongs to the month, the entries of that day."""
    first_weekday = (int(formats.get_format("FIRST_DAY_OF_WEEK")) - 1) % 7
    weeks = calendar_module.Calendar(first_weekday).monthdatescalendar(month.year, month.month)
    today = timezone.localdate()
    return [
        [
            {
                "date": day,
                "in_month": day.month == month.month,
                "is_today": day == today,
                "entries": [item for item in items if item.covers(day)]
                if day.month == month.month
                else [],
            }
            for day in week
        ]
        for week in weeks
    ]


def weekday_names() -> list[dict]:
    """The days of the week in the grid's order: full name and short name."""
    first = int(formats.get_format("FIRST_DAY_OF_WEEK"))
    monday = datetime.date(2024, 1, 1)  # a Monday
    days = [monday + datetime.timedelta(days=(first - 1 + offset) % 7) for offset in range(7)]
    return [{"name": formats.date_format(day, "l"), "short": formats.date_format(day, "D")}
            for day in days]  # fmt: skip


def month_links(filters: Filters) -> list[Month]:
    """The months offered as filters: the next twelve for upcoming items (this one
    first), the last twelve for past ones (this one first)."""
    month = Month.current()
    months = []
    for _index in range(12):
        months.append(month)
        month = month.next() if filters.section == UPCOMING else month.previous()
    return months


class AgendaView(TemplateView):
    """The agenda's upcoming items (``section = UPCOMING``) or its past ones, twelve a
    page, filtered by ``?kind=`` and ``?month=``. Renders events/agenda.html."""

    template_name = "events/agenda.html"
    section = UPCOMING
    paginate_by = 12

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = Filters.from_query(self.request.GET, self.section)
        paginator = AgendaPaginator(
            agenda_rows(filters),
            self.paginate_by,
            count_key=f"agenda:{active_language()}:{filters.key()}",
        )
        try:
            page = paginator.page(self.request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404 from error
        context.update(
            filters=filters,
            page_obj=page,
            is_paginated=page.has_other_pages(),
            entries=entries(page.object_list),
            kinds=kind_choices(),
            months=month_links(filters),
            current_month=Month.current(),
            is_past=self.section == PAST,
        )
        return context


class PastAgendaView(AgendaView):
    section = PAST


class AgendaMonthView(TemplateView):
    """One month of the agenda as a calendar grid (a table), with links to the previous
    and next months, filtered by ``?kind=``. Renders events/agenda_month.html."""

    template_name = "events/agenda_month.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        month = Month.of(kwargs["year"], kwargs["month"])
        filters = Filters.from_query(self.request.GET)
        filters.month = None
        items = month_entries(month, filters.kind)
        context.update(
            month=month,
            filters=filters,
            kinds=kind_choices(),
            weekdays=weekday_names(),
            weeks=month_grid(month, items),
            entries=items,
            previous_month=month.previous() if month.previous().is_reachable() else None,
            next_month=month.next() if month.next().is_reachable() else None,
        )
        return context


class EventCalendarView(View):
    """One published event as an .ics download (``<slug>.ics``)."""

    def get(self, request, slug):
        event = find_by_translated_slug(Event.objects.visible(), slug)
        cal = calendar.new_calendar(event.title)
        url = request.build_absolute_uri(event.get_absolute_url())
        cal.add_component(calendar.event_component(event, url))
        return calendar.to_response(cal, filename=f"{event.slug}.ics")


class AgendaFeedView(View):
    """The calendar feed of the agenda in the page's language: the upcoming events and
    delegations ready in it, to subscribe to."""

    def get(self, request):
        name = _("%(site)s — agenda") % {"site": settings.SITE_NAME}
        cal = calendar.new_calendar(name)
        for entry in entries(agenda_rows(Filters(UPCOMING))):
            url = request.build_absolute_uri(entry.occasion.get_absolute_url())
            if entry.is_delegation:
                cal.add_component(calendar.delegation_event(entry.occasion, url))
            else:
                cal.add_component(calendar.event_component(entry.occasion, url))
        return calendar.to_response(cal)
