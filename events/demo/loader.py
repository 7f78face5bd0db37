"""Loads the demo fairs, delegations and registrations.

The Maison & Objet edition is the next one at least a month away (the fair takes place
in January and September at Paris Nord Villepinte), so the demo never goes stale: a
database loaded next year gets next year's edition. Rows are keyed on stable slugs and
e-mail addresses and written only where something differs, so running it twice changes
nothing. Registrations are written directly (no e-mail is sent) with their history.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from chamber.toolkit.demo import sync
from chamber.toolkit.publication import PublicationStatus
from events.demo import content
from events.models import Delegation, Fair, Registration, RegistrationStatusChange
from events.workflow import Status


def _weekday_on_or_after(day: datetime.date, weekday: int) -> datetime.date:
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def maison_objet_start(year: int, month: int) -> datetime.date:
    """January: the third Thursday; September: the first Thursday (a five-day fair)."""
    first_thursday = _weekday_on_or_after(datetime.date(year, month, 1), 3)
    return first_thursday + datetime.timedelta(weeks=2 if month == 1 else 0)


def next_maison_objet(today: datetime.date) -> datetime.date:
    """The first day of the next edition that starts at least 30 days after ``today``."""
    for year in (today.year, today.year + 1):
        for month in (1, 9):
            start = maison_objet_start(year, month)
            if start >= today + datetime.timedelta(days=30):
                return start
    return maison_objet_start(today.year + 2, 1)


def last_vivatech(today: datetime.date) -> datetime.date:
    """The first day of the latest VivaTech (second Wednesday of June) that is over."""
    for year in (today.year, today.year - 1):
        start = _weekday_on_or_after(datetime.date(year, 6, 1), 2) + datetime.timedelta(weeks=1)
        if start + datetime.timedelta(days=3) < today:
            return start
    raise AssertionError("unreachable")


def _seoul(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), ZoneInfo(settings.TIME_ZONE))


def load_maison_objet(today: datetime.date) -> Fair:
    start = next_maison_objet(today)
    month_fr, month_en, month_ko = content.MONTHS[start.month]
    return sync(
        Fair,
        {"slug_en": f"maison-objet-{month_en.lower()}-{start.year}"},
        {
            **content.MAISON_OBJET,
            "slug_fr": f"maison-objet-{month_fr}-{start.year}",
            "slug_ko": f"메종-오브제-파리-{start.year}년-{month_ko}",
            "name_fr": f"Maison & Objet Paris, {month_fr} {start.year}",
            "name_en": f"Maison & Objet Paris, {month_en} {start.year}",
            "name_ko": f"메종&오브제 파리 {start.year}년 {month_ko}",
            "status": PublicationStatus.PUBLISHED,
            "starts_on": start,
            "ends_on": start + datetime.timedelta(days=4),
        },
    )


def load_korean_startups(fair: Fair, today: datetime.date) -> Delegation:
    # Open since three weeks, closing three weeks before the fair (at least ten days on).
    opens = _seoul(today - datetime.timedelta(days=21), 9)
    closes = _seoul(
        max(fair.starts_on - datetime.timedelta(days=21), today + datetime.timedelta(days=10)),
        18,
    )
    return sync(
        Delegation,
        {"slug_en": f"korean-startups-{fair.slug_en}"},
        {
            **content.KOREAN_STARTUPS_DELEGATION,
            "fair": fair,
            "slug_fr": f"startups-coreennes-{fair.slug_fr}",
            "slug_ko": f"한국-스타트업-{fair.slug_ko}",
            "status": PublicationStatus.PUBLISHED,
        },
        {"registration_opens_at": opens, "registration_closes_at": closes},
    )


def load_vivatech(today: datetime.date) -> tuple[Fair, Delegation]:
    start = last_vivatech(today)
    fair = sync(
        Fair,
        {"slug_en": f"vivatech-{start.year}"},
        {
            **content.VIVATECH,
            "slug_fr": f"vivatech-{start.year}",
            "slug_ko": f"비바테크-{start.year}",
            "name_fr": f"VivaTech {start.year}",
            "name_en": f"VivaTech {start.year}",
            "name_ko": f"VivaTech {start.year}",
            "status": PublicationStatus.PUBLISHED,
            "starts_on": start,
            "ends_on": start + datetime.timedelta(days=3),
        },
    )
    delegation = sync(
        Delegation,
        {"slug_en": f"korean-tech-startups-vivatech-{start.year}"},
        {
            **content.VIVATECH_DELEGATION,
            "fair": fair,
            "slug_fr": f"startups-tech-coreennes-vivatech-{start.year}",
            "slug_ko": f"한국-기술-스타트업-비바테크-{start.year}",
            "status": PublicationStatus.PUBLISHED,
            "registration_opens_at": _seoul(start - datetime.timedelta(days=120), 9),
            "registration_closes_at": _seoul(start - datetime.timedelta(days=30), 18),
        },
    )
    return fair, delegation


def load_registration(delegation, row, received: datetime.datetime) -> None:
    company, contact, email, language, sector, pitch, path = row
    slug = company.lower().replace(" ", "-")
    registration = sync(
        Registration,
        {"delegation": delegation, "email": email},
        {
            "company_name": company,
            "contact_name": contact,
            "phone": "+82 10 0000 0000",
            "website": f"https://{slug}.example.com/",
            "sector": sector,
            "pitch": pitch,
            "consent": True,
            "language": language,
        },
        # The status only on creation: staff may have moved it since (with history).
        {"consented_at": received, "created_at": received, "status": path[-1]},
    )
    if registration.status_changes.exists():
        return
    previous = ""
    for step, status in enumerate(path):
        RegistrationStatusChange.objects.create(
            registration=registration,
            from_status=previous,
            to_status=status,
            changed_at=received + datetime.timedelta(days=2 * step),
        )
        previous = status


def load(today: datetime.date | None = None) -> dict[str, int]:
    """Create or refresh the demo fairs, delegations and registrations; return how many
    of each the database holds."""
    today = today or timezone.localdate()
    delegation = load_korean_startups(load_maison_objet(today), today)
    first = delegation.registration_opens_at + datetime.timedelta(hours=2)
    for position, row in enumerate(content.KOREAN_STARTUPS):
        load_registration(delegation, row, first + datetime.timedelta(hours=5 * position))

    _past_fair, past_delegation = load_vivatech(today)
    received = past_delegation.registration_opens_at + datetime.timedelta(days=3)
    for position, row in enumerate(content.KOREAN_STARTUPS[:2]):
        past_row = (*row[:6], [Status.SUBMITTED, Status.ACCEPTED])
        load_registration(past_delegation, past_row, received + datetime.timedelta(days=position))
    return {
        "fairs": Fair.objects.count(),
        "delegations": Delegation.objects.count(),
        "registrations": Registration.objects.count(),
    }
